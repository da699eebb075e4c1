import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEFAULT_PAGE, type ViolationView } from '@ocop/contracts';
import type { Tx } from '@ocop/persistence';
import { provinceInScope, type ProvinceScope } from '../province-scope.policy';
import { PooledCertificate } from '../certificate-pool/pooled-certificate.entity';
import { Violation } from './violation.entity';
import { violationView } from './violation.view';

export interface ViolationListFilter {
  certificateId?: string;
  status?: string;
  deadlineBefore?: string;
  limit?: number;
  offset?: number;
}

/** What a revocation request says, from the violation and its task. */
export interface RevocationRequested {
  id: string;
  taskId: string;
  campaignId: string;
  certificateId: string;
  reasonCode: string;
  details: string;
  severity: string;
}

@Injectable()
export class ViolationsRepository {
  constructor(private readonly ds: DataSource) {}

  async insert(tx: Tx, v: Omit<Violation, 'task' | 'finding' | 'correctedAt' | 'correctedBy' | 'revocationRequestedAt'>): Promise<void> {
    await tx.insert(Violation, v);
  }

  /** The violation of a task's failed sample, once per sample (its unique key); the new one, if any. */
  async insertLabFailure(
    tx: Tx,
    x: { taskId: string; sampleId: string; details: string; at: Date },
  ): Promise<{ id: string; certificateId: string } | null> {
    const rows: { id: string; certificate_id: string }[] = await tx.query(
      `INSERT INTO inspection.violation (id, task_id, certificate_id, sample_id, severity, reason_code, details, status, created_at)
       SELECT gen_random_uuid(), t.id, t.certificate_id, $2, 'LAB_FAIL', 'LAB_TEST_FAILED', $3, 'CORRECTIVE_ACTION', $4 FROM inspection.task t WHERE t.id = $1
       ON CONFLICT (sample_id) DO NOTHING RETURNING id, certificate_id`,
      [x.taskId, x.sampleId, x.details, x.at],
    );
    return rows[0] ? { id: rows[0].id, certificateId: rows[0].certificate_id } : null;
  }

  /** Moves a violation awaiting correction to REVOCATION_REQUESTED; what to request, or null if it was not awaiting correction. */
  async markRevocationRequested(tx: Tx, id: string, at: Date): Promise<RevocationRequested | null> {
    const rows = (
      await tx.query(
        `UPDATE inspection.violation v SET status = 'REVOCATION_REQUESTED', revocation_requested_at = $2 FROM inspection.task t
         WHERE v.id = $1 AND v.status = 'CORRECTIVE_ACTION' AND t.id = v.task_id
         RETURNING v.id, v.task_id, t.campaign_id, v.certificate_id, v.reason_code, v.details, v.severity`,
        [id, at],
      )
    )[0] as {
      id: string;
      task_id: string;
      campaign_id: string;
      certificate_id: string;
      reason_code: string;
      details: string;
      severity: string;
    }[];
    const v = rows[0];
    return v
      ? {
          id: v.id,
          taskId: v.task_id,
          campaignId: v.campaign_id,
          certificateId: v.certificate_id,
          reasonCode: v.reason_code,
          details: v.details,
          severity: v.severity,
        }
      : null;
  }

  /**
   * The violation locked for update, with who may confirm its correction (its task's assignee) and its
   * campaign's province; null when unknown or outside the scope.
   */
  async getForCorrection(
    tx: Tx,
    scope: ProvinceScope,
    id: string,
  ): Promise<{ assigneeUserId: string | null; provinceCode: string } | null> {
    const rows: { assignee_user_id: string | null; province_code: string }[] = await tx.query(
      `SELECT t.assignee_user_id, c.province_code FROM inspection.violation v JOIN inspection.task t ON t.id = v.task_id
       JOIN inspection.campaign c ON c.id = t.campaign_id WHERE v.id = $1 FOR UPDATE OF v`,
      [id],
    );
    const v = rows[0];
    return v && provinceInScope(scope, v.province_code) ? { assigneeUserId: v.assignee_user_id, provinceCode: v.province_code } : null;
  }

  /** Marks a violation awaiting correction CORRECTED; its certificate, or null if it was not awaiting correction. */
  async markCorrected(tx: Tx, id: string, at: Date, by: string): Promise<string | null> {
    const r = await tx
      .createQueryBuilder()
      .update(Violation)
      .set({ status: 'CORRECTED', correctedAt: at, correctedBy: by })
      .where(`id = :id AND status = 'CORRECTIVE_ACTION'`, { id })
      .returning(['certificateId']) // a property path; the row carries the column name
      .execute();
    return (r.raw as { certificate_id: string }[])[0]?.certificate_id ?? null;
  }

  /** The violation as its reader sees it, or null when unknown or outside the scope (its certificate's province). */
  async view(scope: ProvinceScope, id: string): Promise<ViolationView | null> {
    const v = await this.ds.manager
      .createQueryBuilder(Violation, 'v')
      .innerJoinAndMapOne('v.pooled', PooledCertificate, 'c', 'c.certificate_id = v.certificate_id')
      .where('v.id = :id', { id })
      .getOne();
    return v && provinceInScope(scope, (v as Violation & { pooled: PooledCertificate }).pooled.provinceCode) ? violationView(v) : null;
  }

  /** A task's violations, oldest first. */
  async ofTask(scope: ProvinceScope, taskId: string): Promise<ViolationView[]> {
    const q = this.ds.manager
      .createQueryBuilder(Violation, 'v')
      .where('v.task_id = :taskId', { taskId })
      .orderBy('v.createdAt', 'ASC')
      .addOrderBy('v.id', 'ASC');
    if (scope.kind === 'province')
      q.innerJoin(PooledCertificate, 'c', 'c.certificate_id = v.certificate_id').andWhere('c.province_code = :provinceCode', {
        provinceCode: scope.provinceCode,
      });
    return (await q.getMany()).map(violationView);
  }

  /** Violations of the scope's certificates, oldest first. */
  async list(scope: ProvinceScope, f: ViolationListFilter): Promise<ViolationView[]> {
    const q = this.ds.manager
      .createQueryBuilder(Violation, 'v')
      .innerJoin(PooledCertificate, 'c', 'c.certificate_id = v.certificate_id')
      .orderBy('v.createdAt', 'ASC')
      .addOrderBy('v.id', 'ASC')
      .limit(f.limit ?? DEFAULT_PAGE.limit)
      .offset(f.offset ?? DEFAULT_PAGE.offset);
    if (scope.kind === 'province') q.andWhere('c.province_code = :provinceCode', { provinceCode: scope.provinceCode });
    if (f.certificateId) q.andWhere('v.certificate_id = :certificateId', { certificateId: f.certificateId });
    if (f.status) q.andWhere('v.status = :status', { status: f.status });
    if (f.deadlineBefore) q.andWhere('v.corrective_deadline < :deadlineBefore', { deadlineBefore: f.deadlineBefore });
    return (await q.getMany()).map(violationView);
  }

  /**
   * Violations whose corrective deadline passed at `asOf`, locked; rows another sweep holds are skipped, so two
   * sweeps at once never request the same revocation twice (a system read).
   */
  async lockOverdueForSystem(tx: Tx, asOf: Date): Promise<string[]> {
    const due: { id: string }[] = await tx.query(
      `SELECT id FROM inspection.violation WHERE status = 'CORRECTIVE_ACTION' AND corrective_deadline <= $1
       ORDER BY corrective_deadline, id FOR UPDATE SKIP LOCKED`,
      [asOf],
    );
    return due.map((v) => v.id);
  }
}
