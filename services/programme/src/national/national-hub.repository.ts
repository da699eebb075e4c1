import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Tx } from '@ocop/persistence';
import { NationalCursor, NationalRecord } from './national-record.entity';

@Injectable()
export class NationalHubRepository {
  constructor(private readonly ds: DataSource) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.ds.transaction(work);
  }

  /** The last sequence read of the stream, locked until the transaction ends (one reader at a time across replicas). */
  async cursorForUpdate(tx: Tx, stream: string): Promise<number> {
    await tx.query(`INSERT INTO programme.national_cursor (stream, last_seq) VALUES ($1, 0) ON CONFLICT DO NOTHING`, [stream]);
    const [r]: { last_seq: string }[] = await tx.query(`SELECT last_seq FROM programme.national_cursor WHERE stream = $1 FOR UPDATE`, [
      stream,
    ]);
    return Number(r!.last_seq);
  }

  async setCursor(tx: Tx, stream: string, lastSeq: number): Promise<void> {
    await tx.update(NationalCursor, { stream }, { lastSeq: String(lastSeq) });
  }

  /** Stores the records not stored yet (by event id); how many were new. */
  async addAll(tx: Tx, records: NationalRecord[]): Promise<number> {
    if (!records.length) return 0;
    const r = await tx
      .createQueryBuilder()
      .insert()
      .into(NationalRecord)
      .values(records as never[])
      .orIgnore()
      .returning(['event_id'])
      .execute();
    return (r.raw as unknown[]).length;
  }

  records(type: string, provinceCode: string | undefined): Promise<NationalRecord[]> {
    const q = this.ds.getRepository(NationalRecord).createQueryBuilder('r').where('r.type = :type', { type });
    if (provinceCode) q.andWhere('r.province_code = :provinceCode', { provinceCode });
    return q.orderBy('r.province_code').addOrderBy('r.occurred_at').addOrderBy('r.event_id').getMany();
  }
}
