import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Tx } from '@ocop/persistence';
import { Report, ReportReminder, ReportSetting } from './report.entity';

/** Whose reports a list shows: a province's, or a district's own. */
export type ReportScope = { provinceCode?: string; unitCode?: string };

@Injectable()
export class ReportsRepository {
  constructor(private readonly ds: DataSource) {}

  async saveSetting(tx: Tx, s: ReportSetting): Promise<void> {
    await tx.upsert(ReportSetting, s, ['provinceCode']);
  }

  setting(provinceCode: string, tx?: Tx): Promise<ReportSetting | null> {
    return (tx ?? this.ds.manager).findOneBy(ReportSetting, { provinceCode });
  }

  settings(): Promise<ReportSetting[]> {
    return this.ds.manager.find(ReportSetting, { order: { provinceCode: 'ASC' } });
  }

  /** Holds the annual report of a unit and year against a concurrent submission, until the transaction ends. */
  async lockAnnual(tx: Tx, kind: string, unitCode: string, year: number): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`programme.report:${kind}:${unitCode}:${year}`]);
  }

  annual(kind: string, unitCode: string, year: number, tx?: Tx): Promise<Report | null> {
    return (tx ?? this.ds.manager).findOneBy(Report, { kind, unitCode, year });
  }

  /** The units of a province that submitted their annual report of this kind and year. */
  async submittedUnits(tx: Tx, provinceCode: string, kind: string, year: number): Promise<Set<string>> {
    const rows: { unit_code: string }[] = await tx.query(
      `SELECT unit_code FROM programme.report WHERE province_code = $1 AND kind = $2 AND year = $3`,
      [provinceCode, kind, year],
    );
    return new Set(rows.map((r) => r.unit_code));
  }

  async insert(tx: Tx, r: Report): Promise<void> {
    await tx.insert(Report, r);
  }

  report(id: string, tx?: Tx): Promise<Report | null> {
    return (tx ?? this.ds.manager).findOneBy(Report, { id });
  }

  reports(scope: ReportScope, q: { year?: number; kind?: string }, limit: number, offset: number): Promise<Report[]> {
    const b = this.ds.getRepository(Report).createQueryBuilder('r').orderBy('r.submitted_at', 'DESC').addOrderBy('r.id', 'ASC');
    if (scope.provinceCode) b.andWhere('r.province_code = :provinceCode', { provinceCode: scope.provinceCode });
    if (scope.unitCode) b.andWhere('r.unit_code = :unitCode', { unitCode: scope.unitCode });
    if (q.year !== undefined) b.andWhere('r.year = :year', { year: q.year });
    if (q.kind) b.andWhere('r.kind = :kind', { kind: q.kind });
    return b.limit(limit).offset(offset).getMany();
  }

  /** A province's annual reports of a year submitted by `asOf` (on or after `since`, if given), districts' first. */
  annualOf(provinceCode: string, year: number, since: Date | null, asOf: Date): Promise<Report[]> {
    const q = this.ds
      .getRepository(Report)
      .createQueryBuilder('r')
      .where(`r.province_code = :provinceCode AND r.year = :year AND r.kind <> 'AD_HOC' AND r.submitted_at <= :asOf`, {
        provinceCode,
        year,
        asOf,
      })
      .orderBy('r.kind', 'ASC')
      .addOrderBy('r.unit_code', 'ASC');
    if (since) q.andWhere('r.submitted_at >= :since', { since });
    return q.getMany();
  }

  /** Marks a submitted report acknowledged; false when it is not SUBMITTED (acknowledged already). */
  async acknowledge(tx: Tx, id: string, by: string, at: Date, note: string | null): Promise<boolean> {
    const r = await tx
      .createQueryBuilder()
      .update(Report)
      .set({ status: 'ACKNOWLEDGED', acknowledgedAt: at, acknowledgedBy: by, acknowledgementNote: note })
      .where('id = :id AND status = :status', { id, status: 'SUBMITTED' })
      .execute();
    return (r.affected ?? 0) === 1;
  }

  /** Records a reminder unless the unit was reminded of this report already; whether it is new. */
  async addReminderIfAbsent(tx: Tx, r: ReportReminder): Promise<boolean> {
    const res = await tx.createQueryBuilder().insert().into(ReportReminder).values(r).orIgnore().returning('id').execute();
    return (res.raw as unknown[]).length === 1;
  }
}
