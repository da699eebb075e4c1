import { randomBytes } from 'node:crypto';
import pino from 'pino';
import Redis from 'ioredis';
import { eventually, startOwnRedisServer, type OwnRedisServer } from '@ocop/testing';
import { JobQueue, type SchedulerSpec } from '../src';

/**
 * Jobs survive Redis: a redis-server of this file's own (no persistence) is SIGKILLed and started again,
 * empty, on the same port. The owning process declares its schedulers again by itself (no restart), the
 * scheduled job runs again, and the readiness check says "missing" / "unreachable" while they are gone.
 */
describe('JobQueue after a Redis restart', () => {
  let redis: OwnRedisServer;
  let queue: JobQueue;
  const runs: { scheduler: string; at: number }[] = [];
  // What the owner declares: fixed schedulers, and one whose definition "lives in PostgreSQL" (added later).
  const fromDatabase: SchedulerSpec[] = [];
  const fixed: SchedulerSpec[] = [
    { id: 'tick-every-second', recurrence: { every: 1_000 }, name: 'tick', data: { scheduler: 'tick-every-second' } },
    { id: 'daily-sweep', recurrence: { pattern: '0 1 * * *', tz: 'Asia/Ho_Chi_Minh' }, name: 'tick', data: { scheduler: 'daily-sweep' } },
  ];
  let restores = 0;
  const schedulerIds = async () => (await queue.schedulers()).map((s) => s.id).sort();

  beforeAll(async () => {
    redis = await startOwnRedisServer();
    queue = new JobQueue({
      redisUrl: redis.url,
      prefix: `ocop-restart-${randomBytes(4).toString('hex')}`,
      queue: 'restart',
      logger: pino({ level: 'silent' }),
      stalledIntervalMs: 500,
      lockDurationMs: 1_000,
      redeclareRetryMs: 200,
    });
    queue.handle<{ scheduler: string }>('tick', async (d) => {
      runs.push({ scheduler: d.scheduler, at: Date.now() });
    });
    // After a restore the owner recreates its lost one-off timers (here: one, from "PostgreSQL"); the first attempt fails and is retried.
    await queue.ownSchedulers(async () => [...fixed, ...fromDatabase], {
      afterRestore: async () => {
        if (++restores === 1) throw new Error('database busy');
        await queue.add('tick', { scheduler: 'lost-timer' }, { jobId: 'sample-1-reminder' });
      },
    });
    queue.start();
  });

  afterAll(async () => {
    await queue?.close();
    await redis?.stop();
  });

  it('declares the owned schedulers, runs them, and is ready', async () => {
    expect(restores).toBe(0); // nothing was lost at start
    expect(await schedulerIds()).toEqual(['daily-sweep', 'tick-every-second']);
    await eventually(async () => runs.some((r) => r.scheduler === 'tick-every-second'), 10_000, 'a first tick');
    await expect(queue.checkReady()).resolves.toBeUndefined();
  });

  it('says which schedulers are missing when Redis lost its keys', async () => {
    // Another replica created a recurrence in PostgreSQL: the owner never upserted it, so it is missing too.
    fromDatabase.push({
      id: 'campaign-recurrence-q3',
      recurrence: { pattern: '0 0 1 */3 *', tz: 'Asia/Ho_Chi_Minh' },
      name: 'tick',
      data: { scheduler: 'q3' },
    });
    const admin = new Redis(redis.url);
    await admin.flushall();
    admin.disconnect();
    expect((await queue.missingSchedulers()).sort()).toEqual(['campaign-recurrence-q3', 'daily-sweep', 'tick-every-second']);
    await expect(queue.checkReady()).rejects.toThrow(
      'job schedulers missing from redis: tick-every-second, daily-sweep, campaign-recurrence-q3',
    );
  });

  it('says Redis is unreachable while it is down, and declares every scheduler again once a fresh Redis is back', async () => {
    await redis.kill();
    await eventually(
      async () =>
        queue.checkReady().then(
          () => false,
          (err: Error) => /redis unreachable/.test(err.message),
        ),
      5_000,
      'readiness to report redis unreachable',
    );

    const restartedAt = Date.now();
    await redis.start(); // empty: no persistence
    await eventually(async () => (await schedulerIds()).length === 3, 15_000, 'the schedulers to be declared again');
    expect(await schedulerIds()).toEqual(['campaign-recurrence-q3', 'daily-sweep', 'tick-every-second']);
    const daily = (await queue.schedulers()).find((s) => s.id === 'daily-sweep');
    expect(daily).toMatchObject({ name: 'tick', pattern: '0 1 * * *' });
    await expect(queue.checkReady()).resolves.toBeUndefined();
    // The worker (its own connection) takes the scheduler's next job on the fresh server.
    await eventually(
      async () => runs.some((r) => r.scheduler === 'tick-every-second' && r.at > restartedAt),
      10_000,
      'a tick after the restart',
    );
    // The lost one-off timer is back and ran, after one failed attempt of the owner's recreation.
    await eventually(async () => runs.some((r) => r.scheduler === 'lost-timer'), 10_000, 'the recreated timer to run');
    expect(restores).toBe(2);
  });

  it('declares its schedulers again when Redis loses its keys while the connection stays up (FLUSHALL)', async () => {
    const owner = new JobQueue({
      redisUrl: redis.url,
      prefix: `ocop-flush-${randomBytes(4).toString('hex')}`,
      queue: 'flush',
      logger: pino({ level: 'silent' }),
      selfCheckMs: 200,
    });
    try {
      await owner.ownSchedulers(async () => fixed);
      const ids = async () => (await owner.schedulers()).map((x) => x.id).sort();
      expect(await ids()).toEqual(['daily-sweep', 'tick-every-second']);
      const admin = new Redis(redis.url);
      await admin.flushall();
      admin.disconnect();
      expect(await ids()).toEqual([]);
      await eventually(async () => (await ids()).length === 2, 5_000, 'the self-check to declare the schedulers again');
      await expect(owner.checkReady()).resolves.toBeUndefined();
    } finally {
      await owner.close();
    }
  });
});
