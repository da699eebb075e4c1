import { randomBytes } from 'node:crypto';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import Redis from 'ioredis';
import { cloneDatabase, dropDatabase } from './databases';
import { infraUrlsFromEnv } from './infrastructure';

/** Everything one test file owns: its database, subject prefix, stream and Redis prefix. */
export interface TestEnv {
  id: string;
  serverUrl: string;
  databaseUrl: string;
  databaseName: string;
  natsUrl: string;
  redisUrl: string;
  prefix: string;
  stream: string;
  redisPrefix: string;
  cleanup(): Promise<void>;
}

export const TEMPLATE_DB_ENV = 'OCOP_TEST_TEMPLATE_DB';

/** A fresh, isolated environment cloned from the migrated template made by the global setup. */
export async function createTestEnv(): Promise<TestEnv> {
  const urls = infraUrlsFromEnv();
  const template = process.env[TEMPLATE_DB_ENV];
  if (!template) throw new Error(`${TEMPLATE_DB_ENV} is not set: run tests through jest.config.cjs (its global setup makes the template)`);
  const id = `t${randomBytes(5).toString('hex')}`;
  const databaseName = `ocop_${id}`;
  const databaseUrl = await cloneDatabase(urls.databaseUrl, template, databaseName);
  const env: TestEnv = {
    id,
    serverUrl: urls.databaseUrl,
    databaseUrl,
    databaseName,
    natsUrl: urls.natsUrl,
    redisUrl: urls.redisUrl,
    prefix: id,
    stream: `${id.toUpperCase()}_EVENTS`,
    redisPrefix: `ocop-${id}`,
    async cleanup() {
      await dropDatabase(urls.databaseUrl, databaseName).catch(() => undefined);
      const nc = await connect({ servers: urls.natsUrl });
      try {
        const jsm = await jetstreamManager(nc);
        await jsm.streams.delete(env.stream).catch(() => undefined);
      } finally {
        await nc.close();
      }
      const redis = new Redis(urls.redisUrl);
      try {
        const keys = await redis.keys(`${env.redisPrefix}*`);
        if (keys.length) await redis.del(...keys);
      } finally {
        redis.disconnect();
      }
    },
  };
  return env;
}

/** Polls until the check returns a value that is not undefined/false, or fails with the last reason. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined && v !== false) return v as T;
    } catch (err) {
      last = err;
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
