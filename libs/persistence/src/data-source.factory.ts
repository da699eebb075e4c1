import { DataSource, type EntityManager, type MixedList, type EntitySchema } from 'typeorm';
import { PLATFORM_ENTITIES } from './platform.entities';
import { AsOfTimestampsSubscriber } from './as-of-timestamps.subscriber';

export interface ServiceDataSourceOptions {
  url: string;
  /** The service's own schema; no other service reads or writes it. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own entity list type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own migration list type
  migrations: MixedList<Function | string>;
  applicationName: string;
  poolSize?: number;
}

export function createServiceDataSource(o: ServiceDataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: o.url,
    schema: o.schema,
    entities: [...(o.entities as unknown[]), ...PLATFORM_ENTITIES] as ServiceDataSourceOptions['entities'],
    migrations: o.migrations,
    subscribers: [AsOfTimestampsSubscriber], // createdAt/updatedAt from the request's as-of instant, not the database's now()
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false, // never: the schema changes only through migrations
    applicationName: o.applicationName,
    extra: { max: o.poolSize ?? 10 },
  });
}

/** Connects, creates the schema if needed and applies pending migrations (run at every start). */
export async function initializeServiceDatabase(ds: DataSource): Promise<DataSource> {
  if (!ds.isInitialized) {
    try {
      await ds.initialize();
    } catch (err) {
      const url = String((ds.options as { url?: string }).url ?? '').replace(/:[^:@/]*@/, ':***@');
      throw new Error(
        `PostgreSQL is not usable at ${url}: ${(err as Error).message}. Start it ('pg_ctlcluster 15 main start' ` +
          `or 'docker compose -f deploy/docker-compose.yml up -d postgres') or set DATABASE_URL.`,
      );
    }
  }
  const schema = (ds.options as { schema: string }).schema;
  // Replicas start together: one migrates while the others wait on a session advisory lock.
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`ocop-migrations-${schema}`]);
    await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [`ocop-migrations-${schema}`]).catch(() => undefined);
    await runner.release();
  }
  return ds;
}

/** The transaction handle that use cases pass to repositories, the outbox and the audit log. */
export type Tx = EntityManager;

/** The service's own schema, for the platform tables' statements written in SQL (outbox, inbox, audit log). */
export function schemaOf(source: DataSource | Tx): string {
  const ds = source instanceof DataSource ? source : source.connection;
  return (ds.options as { schema?: string }).schema ?? 'public';
}

/** A readiness probe: the database answers a trivial query. */
export async function pingDatabase(ds: DataSource): Promise<void> {
  await ds.query('SELECT 1');
}
