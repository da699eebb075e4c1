import { Injectable } from '@nestjs/common';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import type { IndicatorResultDto } from '@ocop/contracts';
import type { SampleStage } from '@ocop/domain';
import type { Tx } from '@ocop/persistence';
import { Sample } from './sample.entity';
import { sampleInScope, type SampleScope } from './sample.policy';
import type { SampleRow } from './sample.view';

export interface SampleListFilter {
  status?: string;
  dossierId?: string;
  limit?: number;
  offset?: number;
}

/** A reminder or escalation recorded as done by a sweep. */
export interface DueFollowUp {
  sample_id: string;
  kind: 'REMINDER' | 'ESCALATION';
  stage: string;
  due_at: Date;
}

const CLOSED = `('RESULT_RECORDED','CANCELLED')`;

function row(s: Sample): SampleRow {
  const { lab, ...rest } = s;
  return { ...rest, labCode: lab!.code, labTurnaroundDays: lab!.turnaroundDays };
}

@Injectable()
export class SamplesRepository {
  constructor(private readonly ds: DataSource) {}

  private select(m: Tx): SelectQueryBuilder<Sample> {
    return m.createQueryBuilder(Sample, 's').innerJoinAndSelect('s.lab', 'l');
  }

  /** The next number of the province's samples in the year (the counter row is the serialisation point). */
  async nextNumber(tx: Tx, provinceCode: string, year: number): Promise<number> {
    const seq: { last: number }[] = await tx.query(
      `INSERT INTO inspection.sample_counter (province_code, year, last) VALUES ($1, $2, 1)
       ON CONFLICT (province_code, year) DO UPDATE SET last = inspection.sample_counter.last + 1 RETURNING last`,
      [provinceCode, year],
    );
    return seq[0]!.last;
  }

  async insert(tx: Tx, s: Omit<Sample, 'lab' | 'overdue' | OptionalResult>): Promise<void> {
    await tx.insert(Sample, s);
  }

  /** The sample, or null when unknown or outside the scope (callers answer 404 either way). */
  async get(scope: SampleScope, id: string, tx?: Tx): Promise<SampleRow | null> {
    const s = await this.select(tx ?? this.ds.manager)
      .where('s.id = :id', { id })
      .getOne();
    return s && sampleInScope(scope, row(s)) ? row(s) : null;
  }

  /** Same, locked for update (the sample row only) inside the caller's transaction. */
  async getForUpdate(tx: Tx, scope: SampleScope, id: string): Promise<SampleRow | null> {
    const s = await this.select(tx).where('s.id = :id', { id }).setLock('pessimistic_write', undefined, ['s']).getOne();
    return s && sampleInScope(scope, row(s)) ? row(s) : null;
  }

  async list(scope: SampleScope, f: SampleListFilter): Promise<SampleRow[]> {
    const q = this.select(this.ds.manager)
      .orderBy('s.requestedAt', 'DESC')
      .addOrderBy('s.id', 'ASC')
      .limit(f.limit ?? 50)
      .offset(f.offset ?? 0);
    switch (scope.kind) {
      case 'lab':
        q.andWhere('l.code = :labCode', { labCode: scope.labCode });
        break;
      case 'producer':
        q.andWhere('s.producer_id = :producerId', { producerId: scope.producerId });
        break;
      case 'province':
        q.andWhere('s.province_code = :provinceCode', { provinceCode: scope.provinceCode });
        break;
      case 'none':
        q.andWhere('FALSE');
        break;
      case 'all':
        break;
    }
    if (f.status === 'OVERDUE') q.andWhere(`s.overdue AND s.stage NOT IN ${CLOSED}`);
    else if (f.status) q.andWhere('s.stage = :stage', { stage: f.status });
    if (f.dossierId) q.andWhere('s.dossier_id = :dossierId', { dossierId: f.dossierId });
    return (await q.getMany()).map(row);
  }

  /** A step taken: the new stage since `at`, its due time, the step's own instant, no longer overdue. */
  async moveToStage(
    tx: Tx,
    id: string,
    x: { stage: SampleStage; at: Date; dueAt: Date; stepColumn: 'collectedAt' | 'dispatchedAt' | 'receivedAt'; collectedBy?: string },
  ): Promise<void> {
    await tx.update(
      Sample,
      { id },
      {
        stage: x.stage,
        stageSince: x.at,
        dueAt: x.dueAt,
        overdue: false,
        [x.stepColumn]: x.at,
        ...(x.collectedBy !== undefined ? { collectedBy: x.collectedBy } : {}),
      },
    );
  }

  async cancel(tx: Tx, id: string, at: Date, reason: string): Promise<void> {
    await tx.update(
      Sample,
      { id },
      { stage: 'CANCELLED' as SampleStage, stageSince: at, dueAt: null, overdue: false, cancelledReason: reason },
    );
  }

  /** The lab's result closes the sample (received now if its receipt was never recorded). */
  async recordResult(
    tx: Tx,
    s: SampleRow,
    r: {
      at: Date;
      overall: 'PASS' | 'FAIL';
      reference: string;
      indicators: IndicatorResultDto[];
      checksum: string;
      sheetKey: string | null;
      via: 'API' | 'NATS';
    },
  ): Promise<void> {
    await tx.update(
      Sample,
      { id: s.id },
      {
        stage: 'RESULT_RECORDED' as SampleStage,
        stageSince: r.at,
        dueAt: null,
        overdue: false,
        receivedAt: s.receivedAt ?? r.at, // the row is locked: no one else set it meanwhile
        overall: r.overall,
        resultReference: r.reference,
        indicatorResults: r.indicators,
        resultChecksum: r.checksum,
        resultSheetKey: r.sheetKey,
        recordedVia: r.via,
        resultRecordedAt: r.at,
      },
    );
  }

  /**
   * Records the reminders and escalations due at `asOf` (one sample, or all open ones) and returns those not
   * done before: a reminder `reminderHours` before a stage's due time, an escalation once it passed. The insert
   * with ON CONFLICT DO NOTHING makes each happen once per stage.
   */
  async recordDueFollowUps(tx: Tx, asOf: Date, reminderHours: number, sampleId?: string): Promise<DueFollowUp[]> {
    const only = sampleId ? 'AND s.id = $3' : '';
    const params: unknown[] = [asOf, reminderHours, ...(sampleId ? [sampleId] : [])];
    return tx.query(
      `WITH due AS (
         SELECT s.id, s.stage, s.due_at, CASE WHEN s.due_at <= $1 THEN 'ESCALATION' ELSE 'REMINDER' END AS kind
         FROM inspection.sample s
         WHERE s.stage NOT IN ${CLOSED} AND s.due_at IS NOT NULL AND s.due_at - make_interval(hours => $2) <= $1 ${only})
       INSERT INTO inspection.sample_follow_up (sample_id, stage, kind, due_at, done_at)
       SELECT id, stage, kind, due_at, $1 FROM due ON CONFLICT DO NOTHING RETURNING sample_id, kind, stage, due_at`,
      params,
    );
  }

  async markOverdue(tx: Tx, id: string): Promise<void> {
    await tx.update(Sample, { id }, { overdue: true });
  }

  /** Every open stage with a due time, for the sweep that recreates the timers Redis lost (a system read). */
  async openStagesForSystem(): Promise<{ id: string; stage: SampleStage; dueAt: Date }[]> {
    const rows = await this.ds.manager
      .createQueryBuilder(Sample, 's')
      .select(['s.id', 's.stage', 's.dueAt'])
      .where(`s.stage NOT IN ${CLOSED} AND s.due_at IS NOT NULL`)
      .getMany();
    return rows.map((r) => ({ id: r.id, stage: r.stage, dueAt: r.dueAt as Date }));
  }
}

type OptionalResult =
  | 'collectedBy'
  | 'collectedAt'
  | 'dispatchedAt'
  | 'receivedAt'
  | 'overall'
  | 'resultReference'
  | 'indicatorResults'
  | 'resultChecksum'
  | 'resultSheetKey'
  | 'recordedVia'
  | 'resultRecordedAt'
  | 'cancelledReason';
