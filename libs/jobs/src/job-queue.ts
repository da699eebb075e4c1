import { Queue, Worker, type Job, type JobsOptions } from 'bullmq';
import Redis from 'ioredis';
import type { Logger } from 'pino';
import { runAsOf } from '@ocop/observability';

/**
 * BullMQ, the way services use it: Postgres holds the truth (what is due and what was done), Redis holds
 * timers. Every job is safe to run twice: its handler re-reads the database and does only what is still
 * due. Job ids come from business keys, so scheduling the same thing twice while it waits is a no-op.
 */
export interface JobQueueOptions {
  redisUrl: string;
  /** Key prefix in Redis (one per deployment or test file). */
  prefix: string;
  /** Queue name, e.g. 'certification'. */
  queue: string;
  logger: Logger;
  concurrency?: number;
  /** How often a worker looks for jobs whose worker died (BullMQ stalled check). */
  stalledIntervalMs?: number;
  /** How long a job's lock lasts without renewal; a killed worker's job is taken over after this. */
  lockDurationMs?: number;
}

export interface JobContext {
  id: string;
  name: string;
  attemptsMade: number;
}

export type JobHandler<T> = (data: T, ctx: JobContext) => Promise<unknown>;

export interface AddJobOptions {
  /** Business key: a job with this id that still exists is not added again. Must not contain ':'. */
  jobId: string;
  /** Run at (wall clock); now when absent or past. */
  runAt?: Date;
  attempts?: number;
  backoffMs?: number;
}

export type Recurrence = { pattern: string; tz?: string } | { every: number };

const KEEP = { removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 }, removeOnFail: { age: 30 * 24 * 3600 } };

/** The instant a job's payload says it acts as of (`asOf`, or a timer's `at`), when it names one. */
function asOfOf(data: unknown): Date | undefined {
  const d = data as { asOf?: unknown; at?: unknown } | null;
  const given = typeof d?.asOf === 'string' ? d.asOf : typeof d?.at === 'string' ? d.at : undefined;
  const t = given === undefined ? undefined : new Date(given);
  return t && !Number.isNaN(t.getTime()) ? t : undefined;
}

export class JobQueue {
  private readonly connection: Redis;
  private readonly queue: Queue;
  private worker?: Worker;
  private workerConnection?: Redis;
  private readonly handlers = new Map<string, JobHandler<any>>(); // eslint-disable-line @typescript-eslint/no-explicit-any -- each name has its own data type

  constructor(private readonly o: JobQueueOptions) {
    // BullMQ's blocking commands need maxRetriesPerRequest null.
    this.connection = new Redis(o.redisUrl, { maxRetriesPerRequest: null, lazyConnect: false });
    this.connection.on('error', (err) => o.logger.warn({ err }, `redis (jobs ${o.queue}): ${err.message}`));
    this.queue = new Queue(o.queue, { connection: this.connection, prefix: o.prefix, defaultJobOptions: KEEP });
  }

  get name(): string {
    return this.o.queue;
  }

  /** Registers what a job name does (before start()). */
  handle<T>(name: string, handler: JobHandler<T>): this {
    this.handlers.set(name, handler);
    return this;
  }

  /** Adds a job unless one with the same id still exists; returns whether it was added. */
  async add<T>(name: string, data: T, o: AddJobOptions): Promise<boolean> {
    if (o.jobId.includes(':')) throw new Error(`job id ${o.jobId} must not contain ':'`);
    const existing = await this.queue.getJob(o.jobId);
    if (existing && !(await existing.isCompleted()) && !(await existing.isFailed())) return false;
    if (existing) await existing.remove().catch(() => undefined);
    const opts: JobsOptions = {
      jobId: o.jobId,
      delay: o.runAt ? Math.max(0, o.runAt.getTime() - Date.now()) : 0,
      attempts: o.attempts ?? 5,
      backoff: { type: 'exponential', delay: o.backoffMs ?? 5_000 },
    };
    await this.queue.add(name, data, opts);
    return true;
  }

  /** Creates or updates a recurring job (BullMQ job scheduler); only the process that owns the schedule calls this. */
  async upsertScheduler<T>(schedulerId: string, recurrence: Recurrence, name: string, data: T): Promise<void> {
    await this.queue.upsertJobScheduler(schedulerId, recurrence, { name, data, opts: { attempts: 3, backoff: { type: 'exponential', delay: 30_000 } } });
  }

  async schedulers(): Promise<{ id: string; name: string; pattern?: string | null; every?: number | null; next?: number | null }[]> {
    const list = await this.queue.getJobSchedulers();
    return list.map((s) => ({ id: s.key, name: s.name, pattern: s.pattern, every: s.every ? Number(s.every) : null, next: s.next ?? null }));
  }

  /** Job ids waiting, delayed or running. */
  async pendingIds(): Promise<string[]> {
    const jobs = await this.queue.getJobs(['waiting', 'delayed', 'active', 'prioritized', 'waiting-children']);
    return jobs.filter((j): j is Job => !!j).map((j) => j.id as string);
  }

  async getJob(jobId: string): Promise<{ id: string; name: string; state: string; delayUntil: number | null } | null> {
    const job = await this.queue.getJob(jobId);
    if (!job) return null;
    return { id: job.id as string, name: job.name, state: await job.getState(), delayUntil: job.delay ? job.timestamp + job.delay : null };
  }

  /** Removes a job (operations; tests simulating a lost timer). */
  async remove(jobId: string): Promise<void> {
    await (await this.queue.getJob(jobId))?.remove();
  }

  /** Starts this process's worker for every registered name. */
  start(): void {
    if (this.worker) return;
    this.workerConnection = this.connection.duplicate();
    this.worker = new Worker(this.o.queue, async (job) => {
      const handler = this.handlers.get(job.name);
      if (!handler) throw new Error(`no handler for job ${job.name}`);
      const started = Date.now();
      const run = () => handler(job.data, { id: job.id as string, name: job.name, attemptsMade: job.attemptsMade });
      // A job acting as of an instant (`asOf`, or a timer's `at`) stamps what it writes with that instant, not the wall clock.
      const asOf = asOfOf(job.data);
      const result = await (asOf ? runAsOf(asOf, 'job', run) : run());
      this.o.logger.info({ job: job.name, jobId: job.id, ms: Date.now() - started }, `job ${job.name} done`);
      return result;
    }, {
      connection: this.workerConnection, prefix: this.o.prefix, concurrency: this.o.concurrency ?? 2,
      stalledInterval: this.o.stalledIntervalMs ?? 30_000, lockDuration: this.o.lockDurationMs ?? 60_000, maxStalledCount: 3,
    });
    this.worker.on('failed', (job, err) => this.o.logger.warn({ err, job: job?.name, jobId: job?.id, attempts: job?.attemptsMade }, `job ${job?.name} failed: ${err.message}`));
    this.worker.on('error', (err) => this.o.logger.warn({ err }, `job worker: ${err.message}`));
  }

  /** Stops this process's worker (running jobs finish); start() makes a new one. */
  async stopWorker(): Promise<void> {
    await this.worker?.close();
    this.workerConnection?.disconnect();
    this.worker = undefined;
    this.workerConnection = undefined;
  }

  async close(): Promise<void> {
    await this.stopWorker();
    await this.queue.close();
    this.connection.disconnect();
  }
}
