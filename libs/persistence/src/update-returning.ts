import type { Tx } from './data-source.factory';

/** For repositories: the rows of an UPDATE … RETURNING (TypeORM answers UPDATE and DELETE with [rows, affected] instead of rows). */
export async function updateReturning<T>(tx: Tx, sql: string, params: unknown[]): Promise<T[]> {
  const result: unknown = await tx.query(sql, params);
  return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as T[];
}
