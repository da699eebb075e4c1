import { randomBytes, randomUUID } from 'node:crypto';
import pino from 'pino';
import Redis from 'ioredis';
import { IsInt } from 'class-validator';
import { eventually, infraUrlsFromEnv } from '@ocop/testing';
import { JobQueue } from '../src';

class CountJob {
  @IsInt() n: number;
}

/** A queue with a job registry: names and data classes checked when handlers register, when jobs are added and when they run. */
describe('JobQueue with its job registry', () => {
  const redisUrl = infraUrlsFromEnv().redisUrl;
  const prefix = `ocop-jobreg-${randomBytes(4).toString('hex')}`;
  const queues: JobQueue[] = [];
  const make = () => {
    const q = new JobQueue({ redisUrl, prefix, queue: 'registry', logger: pino({ level: 'silent' }), payloads: { count: CountJob } });
    queues.push(q);
    return q;
  };

  afterAll(async () => {
    for (const q of queues) await q.close();
    const redis = new Redis(redisUrl);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it('refuses a handler for an undeclared name, a second handler, and starting with a name unhandled', () => {
    const q = make();
    expect(() => q.handle('counts', async () => undefined)).toThrow(/declares no job counts/);
    expect(() => q.start()).toThrow(/no handler for count/);
    q.handle('count', async () => undefined);
    expect(() => q.handle('count', async () => undefined)).toThrow(/two handlers for job count/);
  });

  it('refuses to add or schedule a job whose data its class refuses, naming the field', async () => {
    const q = make();
    await expect(q.add('count', { n: 'one' }, { jobId: 'bad-1' })).rejects.toMatchObject({ field: 'n' });
    await expect(q.upsertScheduler('bad-every', { every: 60_000 }, 'count', { n: 1, extra: true })).rejects.toMatchObject({
      field: 'extra',
    });
    expect(await q.pendingIds()).toEqual([]);
  });

  it('hands the handler its data as the class, and fails a stored job with bad data at once, without retries', async () => {
    const q = make();
    const seen: unknown[] = [];
    q.handle<CountJob>('count', async (d) => {
      seen.push(d);
    });
    // A job written by an older release (or by hand) bypasses add(): the worker checks it too.
    const raw = new (await import('bullmq')).Queue('registry', { connection: { url: redisUrl }, prefix });
    const badId = `bad-${randomUUID()}`;
    await raw.add('count', { n: 'x' }, { jobId: badId, attempts: 5 });
    await q.add('count', { n: 7 }, { jobId: 'good-1' });
    q.start();
    await eventually(async () => seen.length === 1, 10_000, 'the good job to run');
    expect(seen[0]).toBeInstanceOf(CountJob);
    expect(seen[0]).toEqual({ n: 7 });
    await eventually(async () => (await raw.getJob(badId))?.failedReason !== undefined, 10_000, 'the bad job to fail');
    const bad = await raw.getJob(badId);
    expect(bad?.attemptsMade).toBe(1);
    expect(bad?.failedReason).toMatch(/invalid data \(n\)/);
    await raw.close();
  });
});
