import { Queue, UnrecoverableError, Worker, type Job, type JobsOptions } from 'bullmq';
import type { ClassConstructor } from 'class-transformer';
import { AppError, JOB_REGISTRY, validateInto, type JobQueueName } from '@ocop/contracts';
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
  /** Wait before declaring the owned schedulers again when a re-declaration failed (default 5 s). */
  redeclareRetryMs?: number;
  /**
   * How often the owner checks that Redis still holds its schedulers (default 60 s): keys lost without the
   * connection dropping (an operator's FLUSHALL, an eviction, a failover to an empty replica) are declared again.
   */
  selfCheckMs?: number;
  /**
   * The queue's job names and their data classes (`JOB_REGISTRY` in libs/contracts): registering a handler for another
   * name, or twice, throws; start() throws while a name has no handler; a job's data is validated before its handler.
   */
  payloads?: Readonly<Record<string, ClassConstructor<object>>>;
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

/** A recurring job this process owns: BullMQ job scheduler id, recurrence, job name and data. */
export interface SchedulerSpec<T = unknown> {
  id: string;
  recurrence: Recurrence;
  name: string;
  data: T;
}

/**
 * Every scheduler the owning process declares: fixed ones and those whose definitions live in PostgreSQL
 * (read again on every call, so schedulers created by other replicas are included).
 */
export type SchedulerSource = () => Promise<SchedulerSpec[]> | SchedulerSpec[];

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
  private owned?: SchedulerSource;
  private restored?: () => Promise<unknown>;
  private wasReady = false;
  private redeclaring?: Promise<void>;
  private redeclareAgain = false;
  private selfCheckTimer?: NodeJS.Timeout;
  private retryTimer?: NodeJS.Timeout;
  private closed = false;

  constructor(private readonly o: JobQueueOptions) {
    // BullMQ's blocking commands need maxRetriesPerRequest null.
    this.connection = new Redis(o.redisUrl, { maxRetriesPerRequest: null, lazyConnect: false });
    this.connection.on('error', (err) => o.logger.warn({ err }, `redis (jobs ${o.queue}): ${err.message}`));
    // A Redis that restarted (without persistence: with no keys at all) has lost the schedulers: every
    // 'ready' after the first one declares the owned schedulers again.
    this.connection.on('ready', () => {
      if (this.wasReady) this.redeclare('redis connection is back');
      this.wasReady = true;
    });
    this.queue = new Queue(o.queue, { connection: this.connection, prefix: o.prefix, defaultJobOptions: KEEP });
    // The connection's own listener above logs connection errors; BullMQ repeats them here.
    this.queue.on('error', (err) => o.logger.debug({ err }, `job queue ${o.queue}: ${err.message}`));
  }

  get name(): string {
    return this.o.queue;
  }

  /** Registers what a job name does (before start()). */
  handle<T>(name: string, handler: JobHandler<T>): this {
    if (this.o.payloads && !this.o.payloads[name]) throw new Error(`queue ${this.o.queue} declares no job ${name} (JOB_REGISTRY)`);
    if (this.handlers.has(name)) throw new Error(`two handlers for job ${name} of queue ${this.o.queue}`);
    this.handlers.set(name, handler);
    return this;
  }

  /** The job's data as its registered class, or an error naming the field. */
  private checked(name: string, data: unknown): unknown {
    const cls = this.o.payloads?.[name];
    return cls ? validateInto(cls, data ?? {}) : data;
  }

  /** Adds a job unless one with the same id still exists; returns whether it was added. */
  async add<T>(name: string, data: T, o: AddJobOptions): Promise<boolean> {
    if (o.jobId.includes(':')) throw new Error(`job id ${o.jobId} must not contain ':'`);
    this.checked(name, data);
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
    this.checked(name, data);
    await this.queue.upsertJobScheduler(schedulerId, recurrence, {
      name,
      data,
      opts: { attempts: 3, backoff: { type: 'exponential', delay: 30_000 } },
    });
  }

  /**
   * Makes this process the owner of the schedulers `source` lists: upserts them now (throws when one is
   * refused) and again whenever the Redis connection becomes ready after it was lost. Called once, by the
   * one owning process of a deployment. `afterRestore` runs once they are declared again after a loss: the
   * owner recreates there, from PostgreSQL, the delayed one-off jobs a Redis without persistence lost.
   */
  async ownSchedulers(source: SchedulerSource, o: { afterRestore?: () => Promise<unknown> } = {}): Promise<void> {
    this.owned = source;
    this.restored = o.afterRestore;
    const failed = await this.declareOwned();
    if (failed.length) throw new Error(`job schedulers refused: ${failed.join('; ')}`);
    clearInterval(this.selfCheckTimer);
    this.selfCheckTimer = setInterval(() => void this.selfCheck(), this.o.selfCheckMs ?? 60_000);
    this.selfCheckTimer.unref();
  }

  /** Declares the owned schedulers again when Redis no longer holds one of them (a failed check waits for the next). */
  private async selfCheck(): Promise<void> {
    if (this.closed || this.redeclaring || this.connection.status !== 'ready') return;
    const missing = await this.missingSchedulers().catch(() => []);
    if (missing.length) this.redeclare(`missing from redis: ${missing.join(', ')}`);
  }

  /** Upserts every owned scheduler; returns what failed ("id: reason"), each one also logged. */
  private async declareOwned(): Promise<string[]> {
    if (!this.owned) return [];
    const failed: string[] = [];
    for (const s of await this.owned()) {
      try {
        await this.upsertScheduler(s.id, s.recurrence, s.name, s.data);
      } catch (err) {
        this.o.logger.error({ err, scheduler: s.id }, `job scheduler ${s.id} refused: ${(err as Error).message}`);
        failed.push(`${s.id}: ${(err as Error).message}`);
      }
    }
    return failed;
  }

  /** Declares the owned schedulers again, one pass at a time; a failed pass is retried while Redis is up. */
  private redeclare(why: string): void {
    if (!this.owned || this.closed) return;
    if (this.redeclaring) {
      this.redeclareAgain = true;
      return;
    }
    clearTimeout(this.retryTimer);
    this.redeclaring = (async () => {
      let ok = false;
      let step = 'job schedulers not declared again';
      try {
        ok = (await this.declareOwned()).length === 0;
        if (ok) {
          this.o.logger.info({ queue: this.o.queue }, `job schedulers declared again (${why})`);
          step = 'lost jobs not recreated';
          await this.restored?.();
        }
      } catch (err) {
        ok = false; // both steps are idempotent: the whole pass is retried
        this.o.logger.warn({ err, queue: this.o.queue }, `${step}: ${(err as Error).message}`);
      }
      this.redeclaring = undefined;
      if (this.redeclareAgain) {
        this.redeclareAgain = false;
        this.redeclare(why);
      } else if (!ok && !this.closed) {
        this.retryTimer = setTimeout(() => this.redeclare(why), this.o.redeclareRetryMs ?? 5_000);
        this.retryTimer.unref();
      }
    })();
  }

  /** Owned schedulers that Redis does not hold (empty when this process owns none). Throws when Redis does not answer. */
  async missingSchedulers(): Promise<string[]> {
    if (this.connection.status !== 'ready') throw new Error(`redis unreachable (connection ${this.connection.status})`);
    if (!this.owned) return [];
    const [declared, present] = await Promise.all([
      this.owned(),
      withTimeout(this.queue.getJobSchedulers(), 2_000, 'redis did not answer'),
    ]);
    const ids = new Set(present.map((s) => s.key));
    return declared.map((s) => s.id).filter((id) => !ids.has(id));
  }

  /** Readiness: Redis answers and holds every owned scheduler; rejects saying which are missing. */
  async checkReady(): Promise<void> {
    const missing = await this.missingSchedulers();
    if (missing.length) throw new Error(`job schedulers missing from redis: ${missing.join(', ')}`);
  }

  async schedulers(): Promise<{ id: string; name: string; pattern?: string | null; every?: number | null; next?: number | null }[]> {
    const list = await this.queue.getJobSchedulers();
    return list.map((s) => ({
      id: s.key,
      name: s.name,
      pattern: s.pattern,
      every: s.every ? Number(s.every) : null,
      next: s.next ?? null,
    }));
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
    const unhandled = Object.keys(this.o.payloads ?? {}).filter((n) => !this.handlers.has(n));
    if (unhandled.length) throw new Error(`queue ${this.o.queue} has no handler for ${unhandled.join(', ')}`);
    this.workerConnection = this.connection.duplicate();
    this.worker = new Worker(
      this.o.queue,
      async (job) => {
        const handler = this.handlers.get(job.name);
        if (!handler) throw new Error(`no handler for job ${job.name}`);
        let data: unknown;
        try {
          data = this.checked(job.name, job.data);
        } catch (err) {
          // Retrying cannot fix the data: fail it now, with the field named.
          const field = err instanceof AppError && err.field ? ` (${err.field})` : '';
          throw new UnrecoverableError(`job ${job.name} has invalid data${field}: ${(err as Error).message}`);
        }
        const started = Date.now();
        const run = () => handler(data, { id: job.id as string, name: job.name, attemptsMade: job.attemptsMade });
        // A job acting as of an instant (`asOf`, or a timer's `at`) stamps what it writes with that instant, not the wall clock.
        const asOf = asOfOf(job.data);
        const result = await (asOf ? runAsOf(asOf, 'job', run) : run());
        this.o.logger.info({ job: job.name, jobId: job.id, ms: Date.now() - started }, `job ${job.name} done`);
        return result;
      },
      {
        connection: this.workerConnection,
        prefix: this.o.prefix,
        concurrency: this.o.concurrency ?? 2,
        stalledInterval: this.o.stalledIntervalMs ?? 30_000,
        lockDuration: this.o.lockDurationMs ?? 60_000,
        maxStalledCount: 3,
      },
    );
    this.worker.on('failed', (job, err) =>
      this.o.logger.warn({ err, job: job?.name, jobId: job?.id, attempts: job?.attemptsMade }, `job ${job?.name} failed: ${err.message}`),
    );
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
    this.closed = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.selfCheckTimer);
    await this.stopWorker();
    await this.queue.close();
    this.connection.disconnect();
  }
}

function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(message)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** What a service's config says about its jobs (REDIS_URL, REDIS_PREFIX and the worker timings). */
export interface ServiceJobsConfig {
  redisUrl: string;
  redisPrefix: string;
  jobStalledIntervalMs?: number;
  jobLockDurationMs?: number;
}

/** A service's one queue, named after the service, under `<REDIS_PREFIX>:jobs`, with its jobs from `JOB_REGISTRY`. */
export function serviceJobQueue(name: JobQueueName, c: ServiceJobsConfig, logger: Logger): JobQueue {
  return new JobQueue({
    payloads: JOB_REGISTRY[name],
    redisUrl: c.redisUrl,
    prefix: `${c.redisPrefix}:jobs`,
    queue: name,
    logger,
    stalledIntervalMs: c.jobStalledIntervalMs,
    lockDurationMs: c.jobLockDurationMs,
  });
}
