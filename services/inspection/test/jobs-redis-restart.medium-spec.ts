import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { createTestEnv, eventually, startOwnRedisServer, type OwnRedisServer, type TestEnv } from '@ocop/testing';
import { loadToolConfig } from '../../../tools/config';
import { createInspectionApp } from '../src/inspection.app';
import { loadInspectionConfig } from '../src/config/inspection.config';

/**
 * Inspection's schedulers survive a Redis restart without persistence: the owning process declares the
 * sweeps and every campaign recurrence of PostgreSQL again by itself, the sweep runs again on the fresh
 * server, and /health/ready says which scheduler is missing, or that Redis is unreachable, meanwhile.
 */
describe('inspection jobs after a Redis restart', () => {
  let env: TestEnv;
  let redis: OwnRedisServer;
  let app: NestFastifyApplication;
  let storageDir: string;
  let queue: Queue;
  const recurrenceId = randomUUID();

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
    storageDir = await mkdtemp(join(tmpdir(), 'ocop-storage-'));
    app = await createInspectionApp({
      ...loadInspectionConfig({
        OCOP_MODE: 'test',
        DATABASE_URL: env.databaseUrl,
        NATS_URL: env.natsUrl,
        REDIS_URL: redis.url,
        REDIS_PREFIX: env.redisPrefix,
        OCOP_SUBJECT_PREFIX: env.prefix,
        OCOP_STREAM: env.stream,
        LOG_LEVEL: loadToolConfig().testLogLevel,
        STORAGE_DIR: storageDir,
        SAMPLE_FOLLOW_UP_CRON: '* * * * * *', // every second, so the sweep's run after the restart is seen at once
      }),
      relayPollIntervalMs: 200,
    });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    queue = new Queue('inspection', {
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
    if (storageDir) await rm(storageDir, { recursive: true, force: true });
  });

  it('is ready with its sweeps declared', async () => {
    expect(await schedulerIds()).toEqual(['sample-follow-ups-hourly', 'violation-follow-ups-daily']);
    const r = await ready();
    expect(r.status).toBe(200);
    expect(r.body.info?.jobs).toEqual({ status: 'up' });
  });

  it('reports a recurrence of PostgreSQL whose scheduler Redis does not hold (e.g. created by a replica, then lost)', async () => {
    await app
      .get(DataSource)
      .query(
        `INSERT INTO inspection.campaign_recurrence (id, name, province_code, cron, period_days, template, created_by, created_at) VALUES ($1, 'Hậu kiểm hằng quý', '38', '0 0 1 */3 *', 90, '{"rule":{"kind":"ALL"}}', 'test', now())`,
        [recurrenceId],
      );
    const r = await ready();
    expect(r.status).toBe(503);
    expect(r.body.error?.jobs).toEqual({
      status: 'down',
      message: `job schedulers missing from redis: campaign-recurrence-${recurrenceId}`,
    });
  });

  it('reports Redis unreachable while it is down, then declares every scheduler again on the fresh server and runs the sweep', async () => {
    await redis.kill();
    await eventually(
      async () => {
        const r = await ready();
        return r.status === 503 && /redis unreachable/.test(r.body.error?.jobs?.message ?? '');
      },
      5_000,
      '/health/ready to report redis unreachable',
    );

    const restartedAt = Date.now();
    await redis.start(); // empty: no persistence
    await eventually(async () => (await ready()).status === 200, 15_000, '/health/ready to be up again');
    expect(await schedulerIds()).toEqual(
      [`campaign-recurrence-${recurrenceId}`, 'sample-follow-ups-hourly', 'violation-follow-ups-daily'].sort(),
    );
    const recurrence = (await queue.getJobSchedulers()).find((s) => s.key === `campaign-recurrence-${recurrenceId}`);
    expect(recurrence).toMatchObject({
      name: 'campaign-recurrence',
      pattern: '0 0 1 */3 *',
      tz: 'Asia/Ho_Chi_Minh',
      template: { data: { recurrenceId } },
    });
    // The hourly sweep (here every second) — which recreates lost sample timers from PostgreSQL — runs again.
    await eventually(
      async () => (await queue.getCompleted()).some((j) => j.name === 'sample-follow-ups' && (j.finishedOn ?? 0) > restartedAt),
      10_000,
      'a sample sweep after the restart',
    );
  });
});
