import type { Tx } from '@ocop/persistence';

/** Next number of a kind (DECISION, CERTIFICATE) for an authority and year; the row lock keeps numbers gap-free. */
export async function nextNumber(tx: Tx, kind: string, authorityUnitCode: string, year: number): Promise<number> {
  const rows: { last: number }[] = await tx.query(
    `INSERT INTO certification.counter (kind, authority_unit_code, year, last) VALUES ($1, $2, $3, 1)
     ON CONFLICT (kind, authority_unit_code, year) DO UPDATE SET last = certification.counter.last + 1 RETURNING last`,
    [kind, authorityUnitCode, year],
  );
  return rows[0]!.last;
}

export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

/** A verification code: 10 characters of Crockford base32 (no I, L, O, U), about 50 bits. */
export function verificationCode(random: Buffer): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  let out = '';
  for (let i = 0; i < 10; i++) out += alphabet[(random[i] as number) % 32];
  return out;
}

/** Rows of an UPDATE … RETURNING: TypeORM answers UPDATE and DELETE with [rows, affected] instead of rows. */
export async function updateReturning<T>(tx: Tx, sql: string, params: unknown[]): Promise<T[]> {
  const result: unknown = await tx.query(sql, params);
  return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as T[];
}
