import { randomBytes } from 'node:crypto';
import pino from 'pino';
import Redis from 'ioredis';
import { eventually, infraUrlsFromEnv } from '@ocop/testing';
import { JobQueue } from '../src';

/** JobQueue against the real Redis: business-key job ids, delayed jobs, schedulers upserted once. */
describe('JobQueue (BullMQ on Redis)', () => {
  const redisUrl = infraUrlsFromEnv().redisUrl;
  const prefix = `ocop-jobtest-${randomBytes(4).toString('hex')}`;
  let queue: JobQueue;
  const handled: { id: string; data: unknown }[] = [];

  beforeAll(() => {
    queue = new JobQueue({
      redisUrl,
      prefix,
      queue: 'medium',
      logger: pino({ level: 'silent' }),
      stalledIntervalMs: 500,
      lockDurationMs: 1_000,
    });
    queue.handle<{ n: number }>('count', async (data, ctx) => {
      handled.push({ id: ctx.id, data });
    });
  });

  afterAll(async () => {
    await queue.close();
    const redis = new Redis(redisUrl);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it('adds a job under a business key once while it waits, and again once it has run', async () => {
    expect(await queue.add('count', { n: 1 }, { jobId: 'case-1-reminder', runAt: new Date(Date.now() + 60_000) })).toBe(true);
    expect(await queue.add('count', { n: 2 }, { jobId: 'case-1-reminder', runAt: new Date(Date.now() + 60_000) })).toBe(false);
    expect(await queue.pendingIds()).toEqual(['case-1-reminder']);
    expect((await queue.getJob('case-1-reminder'))?.state).toBe('delayed');

    expect(await queue.add('count', { n: 3 }, { jobId: 'case-2-now' })).toBe(true);
    queue.start();
    await eventually(async () => handled.some((h) => h.id === 'case-2-now'), 10_000, 'the job to run');
    expect(handled.filter((h) => h.id === 'case-2-now')).toEqual([{ id: 'case-2-now', data: { n: 3 } }]);
    // Done: the same key may be scheduled again (Postgres, not Redis, says whether it is still due).
    expect(await queue.add('count', { n: 4 }, { jobId: 'case-2-now' })).toBe(true);
    await eventually(async () => handled.filter((h) => h.id === 'case-2-now').length === 2, 10_000, 'the second run');
    await expect(queue.add('count', {}, { jobId: 'has:colon' })).rejects.toThrow(/must not contain/);
  });

  it('upserts a recurring schedule once, however many times it is declared', async () => {
    await queue.upsertScheduler('daily-sweep', { pattern: '0 1 * * *', tz: 'Asia/Ho_Chi_Minh' }, 'count', { n: 0 });
    await queue.upsertScheduler('daily-sweep', { pattern: '0 1 * * *', tz: 'Asia/Ho_Chi_Minh' }, 'count', { n: 0 });
    const schedulers = await queue.schedulers();
    expect(schedulers).toHaveLength(1);
    expect(schedulers[0]).toMatchObject({ id: 'daily-sweep', name: 'count', pattern: '0 1 * * *' });
  });
});
