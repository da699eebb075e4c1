import { Client } from 'pg';
import Redis from 'ioredis';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';

/** Where the three services are; every value overridable by environment. */
export interface InfraUrls {
  databaseUrl: string;
  natsUrl: string;
  redisUrl: string;
}

export function infraUrlsFromEnv(env: NodeJS.ProcessEnv = process.env): InfraUrls {
  return {
    databaseUrl: env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    natsUrl: env.NATS_URL ?? 'nats://127.0.0.1:4222',
    redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  };
}

const HOW_TO_START = {
  PostgreSQL:
    'apt-get install -y postgresql && pg_ctlcluster 15 main start (or: docker compose -f deploy/docker-compose.yml up -d postgres); set DATABASE_URL if it is elsewhere',
  NATS: 'apt-get install -y nats-server && nats-server -js -sd /var/lib/nats-server & (or: docker compose -f deploy/docker-compose.yml up -d nats); set NATS_URL if it is elsewhere. JetStream must be enabled (-js)',
  Redis:
    'apt-get install -y redis-server && redis-server --daemonize yes (or: docker compose -f deploy/docker-compose.yml up -d redis); set REDIS_URL if it is elsewhere',
};

/** Checks each service and returns one line per missing one, saying how to start it. */
export async function findMissingInfrastructure(u: InfraUrls): Promise<string[]> {
  const missing: string[] = [];
  const pg = new Client({ connectionString: u.databaseUrl, connectionTimeoutMillis: 3000 });
  try {
    await pg.connect();
    await pg.query('SELECT 1');
  } catch (err) {
    missing.push(`PostgreSQL is not reachable at ${u.databaseUrl} (${(err as Error).message}). Start it: ${HOW_TO_START.PostgreSQL}`);
  } finally {
    await pg.end().catch(() => undefined);
  }
  try {
    const nc = await connect({ servers: u.natsUrl, timeout: 3000, reconnect: false });
    try {
      await (await jetstreamManager(nc)).getAccountInfo();
    } catch (err) {
      missing.push(
        `NATS at ${u.natsUrl} answers but JetStream is not enabled (${(err as Error).message}). Start it with -js. ${HOW_TO_START.NATS}`,
      );
    } finally {
      await nc.close();
    }
  } catch (err) {
    missing.push(`NATS is not reachable at ${u.natsUrl} (${(err as Error).message}). Start it: ${HOW_TO_START.NATS}`);
  }
  const redis = new Redis(u.redisUrl, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    missing.push(`Redis is not reachable at ${u.redisUrl} (${(err as Error).message}). Start it: ${HOW_TO_START.Redis}`);
  } finally {
    redis.disconnect();
  }
  return missing;
}
