import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { createTestEnv, eventually, startOwnRedisServer, type OwnRedisServer, type TestEnv } from '@ocop/testing';
import { loadToolConfig } from '../../../tools/config';
import { createCertificationApp } from '../src/certification.app';
import { loadCertificationConfig } from '../src/config/certification.config';
import { NotificationOutbox } from '../src/notifications/notification.outbox';

/**
 * Certification's schedulers (daily expiry sweep, notification dispatch) survive a Redis restart without
 * persistence: the owner declares them again by itself and the dispatcher sends the messages written while
 * Redis was down;
 * /health/ready names the missing schedulers, or says Redis is unreachable, meanwhile.
 */
describe('certification jobs after a Redis restart', () => {
  let env: TestEnv;
  let redis: OwnRedisServer;
  let app: NestFastifyApplication;
  let queue: Queue;

  const ready = async () => {
    const res = await app.inject({ method: 'GET', url: '/health/ready' });
    return {
      status: res.statusCode,
      body: res.json() as { info?: Record<string, { status: string }>; error?: Record<string, { status: string; message?: string }> },
    };
  };
  const schedulerIds = async () => (await queue.getJobSchedulers()).map((s) => s.key).sort();

  beforeAll(async () => {
    env = await createTestEnv();
    redis = await startOwnRedisServer();
    app = await createCertificationApp({
      ...loadCertificationConfig({
        OCOP_MODE: 'test',
        DATABASE_URL: env.databaseUrl,
        NATS_URL: env.natsUrl,
        REDIS_URL: redis.url,
        REDIS_PREFIX: env.redisPrefix,
        OCOP_SUBJECT_PREFIX: env.prefix,
        OCOP_STREAM: env.stream,
        LOG_LEVEL: loadToolConfig().testLogLevel,
      }),
      relayPollIntervalMs: 200,
    });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    queue = new Queue('certification', {
      connection: new Redis(redis.url, { maxRetriesPerRequest: null }),
      prefix: `${env.redisPrefix}:jobs`,
    });
    queue.on('error', () => undefined); // the server is killed on purpose below
  });

  afterAll(async () => {
    await app?.close();
    await queue?.close();
    await (queue?.opts.connection as Redis | undefined)?.quit().catch(() => undefined);
    await redis?.stop();
    await env?.cleanup();
  });

  it('is ready with its schedulers declared', async () => {
    expect(await schedulerIds()).toEqual(['expiry-sweep-daily', 'notifications-dispatch']);
    expect((await ready()).body.info?.jobs).toEqual({ status: 'up' });
  });

  it('names the missing schedulers when Redis lost its keys', async () => {
    const admin = new Redis(redis.url);
    await admin.flushall();
    await admin.quit();
    const r = await ready();
    expect(r.status).toBe(503);
    expect(r.body.error?.jobs).toEqual({
      status: 'down',
      message: 'job schedulers missing from redis: expiry-sweep-daily, notifications-dispatch',
    });
  });

  it('reports Redis unreachable while it is down, then declares them again on the fresh server and dispatches', async () => {
    await redis.kill();
    await eventually(
      async () => {
        const r = await ready();
        return r.status === 503 && /redis unreachable/.test(r.body.error?.jobs?.message ?? '');
      },
      5_000,
      '/health/ready to report redis unreachable',
    );
    // Meanwhile 200 producer messages are written (PostgreSQL does not need Redis).
    const ds = app.get(DataSource);
    const producerId = randomUUID();
    await ds.transaction((tx) =>
      app.get(NotificationOutbox).queue(
        tx,
        Array.from({ length: 200 }, (_, i) => ({
          producerId,
          template: 'test',
          subject: `Thông báo thử ${i}`,
          body: 'Nội dung thử',
          dedupKey: `restart-test:${i}`,
        })),
        new Date(),
      ),
    );
    const pending = async () =>
      Number(
        (
          await ds.query(`SELECT count(*) AS n FROM certification.notification WHERE producer_id = $1 AND status = 'PENDING'`, [producerId])
        )[0].n,
      );
    expect(await pending()).toBe(200);

    const restartedAt = Date.now();
    await redis.start();
    await eventually(async () => (await ready()).status === 200, 15_000, '/health/ready to be up again');
    expect(await schedulerIds()).toEqual(['expiry-sweep-daily', 'notifications-dispatch']);
    expect((await queue.getJobSchedulers()).find((s) => s.key === 'expiry-sweep-daily')).toMatchObject({
      name: 'expiry-sweep',
      pattern: '0 1 * * *',
      tz: 'Asia/Ho_Chi_Minh',
    });
    // The dispatcher's first run on the fresh server (an `every` scheduler starts at once) sends what is pending.
    await eventually(async () => (await pending()) === 0, 10_000, 'the 200 pending messages to be sent');
    // The job is marked completed just after its transaction commits the sends: wait for the mark, not only the sends.
    await eventually(
      async () => (await queue.getCompleted()).some((j) => j.name === 'notifications-dispatch' && (j.finishedOn ?? 0) > restartedAt),
      10_000,
      'the dispatch job completed on the fresh server',
    );
  });
});
