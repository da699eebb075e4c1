import { Injectable } from '@nestjs/common';
import type { Tx } from '@ocop/persistence';

/** The numbering counters (DECISION, CERTIFICATE) per authority and year. */
@Injectable()
export class NumberCountersRepository {
  /** Next number of a kind for an authority and year; the counter row's lock (held to the end of the transaction) keeps numbers gap-free. */
  async next(tx: Tx, kind: string, authorityUnitCode: string, year: number): Promise<number> {
    const rows: { last: number }[] = await tx.query(
      `INSERT INTO certification.counter (kind, authority_unit_code, year, last) VALUES ($1, $2, $3, 1)
     ON CONFLICT (kind, authority_unit_code, year) DO UPDATE SET last = certification.counter.last + 1 RETURNING last`,
      [kind, authorityUnitCode, year],
    );
    return rows[0]!.last;
  }
}
