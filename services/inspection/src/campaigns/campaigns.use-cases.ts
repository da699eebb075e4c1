import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  AppError,
  DEFAULT_PAGE,
  InspectionEvents as E,
  type ListViolationsQuery,
  Role,
  SYSTEM_ACTOR,
  type Actor,
  type CampaignView,
  type CompleteTaskBody,
  type CoverageView,
  type CreateCampaignCommand,
  type AttachEvidenceCommand,
  type CreateRecurrenceCommand,
  type EventEnvelope,
  type EvidenceView,
  type InspectionRevocationRequestedData,
  type MarketSurveillanceReportedData,
  type ListTasksQuery,
  type RecurrenceView,
  type TaskView,
  type ViolationView,
} from '@ocop/contracts';
import {
  INSPECTION_CHECKLIST,
  inScope,
  selectCertificates,
  type CampaignScope,
  type PoolCertificate,
  type RiskWeights,
  type SelectionRule,
  vietnamDay,
  vietnamDayStart,
} from '@ocop/domain';
import { EventOutbox, UnrecoverableEventError, UserDirectory } from '@ocop/messaging';
import { writeAudit, type Tx } from '@ocop/persistence';
import { INSPECTION_CONFIG } from '../inspection.tokens';
import type { InspectionConfig } from '../config/inspection.config';
import { InspectionTimers } from '../jobs/inspection-timers';

const DAY_MS = 86_400_000;
const ITEM_CODES = INSPECTION_CHECKLIST.map((i) => i.code);
const isOffice = (a: Actor): boolean => a.role === Role.PROVINCE_OFFICE || a.role === Role.ADMIN;

interface CampaignRow {
  id: string;
  name: string;
  legal_basis: string;
  province_code: string;
  period_from: Date;
  period_to: Date;
  scope: CreateCampaignCommand['scope'];
  rule: CreateCampaignCommand['rule'];
  checklist: string[];
  team: CreateCampaignCommand['team'];
  origin: string;
  origin_reference: string | null;
  status: string;
  selected_at: Date | null;
  task_count?: number;
}

const TASK_COLUMNS = `t.id, t.campaign_id AS "campaignId", t.certificate_id AS "certificateId", c.number AS "certificateNumber", c.product_name AS "productName", t.rank,
  t.risk_score AS "riskScore", t.risk_reasons AS "riskReasons", t.assignee_user_id AS "assigneeUserId", t.due_at AS "dueAt", t.status, t.completed_at AS "completedAt",
  t.cancelled_reason AS "cancelledReason"`;
const VIOLATION_COLUMNS = `v.id, v.task_id AS "taskId", v.certificate_id AS "certificateId", v.severity, v.reason_code AS "reasonCode", v.details,
  v.corrective_deadline AS "correctiveDeadline", v.status, v.revocation_requested_at AS "revocationRequestedAt"`;

/**
 * Inspection campaigns (hậu kiểm): planned by the standing office (or opened by a complaint or an agency's
 * market surveillance), scoped, selected by rule into tasks assigned to the team's inspectors; an
 * inspector completes a task with one finding per checklist item. Minor and major findings become
 * corrective actions with a deadline; a critical one, or a deadline passed uncorrected, raises a revocation
 * request to certification — one per violation, by a conditional update in the transaction of its event.
 */
@Injectable()
export class CampaignsUseCases {
  constructor(
    private readonly ds: DataSource,
    private readonly timers: InspectionTimers,
    private readonly outbox: EventOutbox,
    @Inject(INSPECTION_CONFIG) private readonly config: InspectionConfig,
    private readonly users: UserDirectory,
  ) {}

  /** A team's inspectors are inspector accounts of the campaign's province (`field`: where the ids sit in the command). */
  private async requireInspectors(actor: Actor, userIds: string[], provinceCode: string, field: string): Promise<void> {
    await this.users.require(
      actor,
      userIds.map((userId, i) => ({ userId, field: `${field}.${i}`, roles: [Role.INSPECTOR], provinceCode })),
    );
  }

  async create(actor: Actor, c: CreateCampaignCommand, asOf: Date): Promise<CampaignView> {
    const provinceCode = this.planningProvince(actor);
    const from = new Date(c.periodFrom);
    const to = new Date(c.periodTo);
    if (to.getTime() <= from.getTime()) throw AppError.validation('PERIOD_INVALID', 'periodTo must be after periodFrom', 'periodTo');
    const checklist = this.checkTemplate(c, true);
    await this.requireInspectors(actor, c.team.inspectorUserIds, provinceCode, 'team.inspectorUserIds');
    const id = randomUUID();
    await this.ds.transaction(async (tx) => {
      await this.insertCampaign(tx, { id, c, provinceCode, from, to, checklist, recurrenceId: null, by: actor.username, asOf });
      await writeAudit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        action: 'campaign.create',
        entityType: 'campaign',
        entityId: id,
        details: { name: c.name, rule: c.rule.kind },
      });
    });
    return this.get(actor, id);
  }

  /** A recurring campaign (e.g. quarterly): its BullMQ job scheduler creates and selects one campaign per period. */
  async createRecurrence(actor: Actor, r: CreateRecurrenceCommand, asOf: Date): Promise<RecurrenceView> {
    const provinceCode = this.planningProvince(actor);
    this.checkTemplate(r.template, false);
    await this.requireInspectors(actor, r.template.team.inspectorUserIds, provinceCode, 'template.team.inspectorUserIds');
    const id = randomUUID();
    await this.ds.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO inspection.campaign_recurrence (id, name, province_code, cron, period_days, template, created_by, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
        [id, r.name, provinceCode, r.cron, r.periodDays, JSON.stringify(r.template), actor.username, asOf],
      );
      await writeAudit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        action: 'recurrence.create',
        entityType: 'campaign_recurrence',
        entityId: id,
        details: { cron: r.cron },
      });
    });
    try {
      await this.timers.upsertRecurrence({ id, cron: r.cron });
    } catch (err) {
      // An invalid cron pattern: nothing may remain of the recurrence.
      await this.ds.transaction(async (tx) => {
        await tx.query('DELETE FROM inspection.campaign_recurrence WHERE id = $1', [id]);
        await writeAudit(tx, {
          actorId: actor.id,
          actorRole: actor.role,
          action: 'recurrence.refuse',
          entityType: 'campaign_recurrence',
          entityId: id,
          details: { cron: r.cron },
        });
      });
      throw AppError.validation('CRON_INVALID', `cron pattern refused: ${(err as Error).message}`, 'cron');
    }
    return (await this.recurrences(actor)).find((x) => x.id === id) as RecurrenceView;
  }

  async recurrences(actor: Actor): Promise<RecurrenceView[]> {
    const rows: {
      id: string;
      name: string;
      province_code: string;
      cron: string;
      period_days: number;
      template: RecurrenceView['template'];
      active: boolean;
    }[] = await this.ds.query(`SELECT * FROM inspection.campaign_recurrence WHERE $1 = '*' OR province_code = $1 ORDER BY created_at`, [
      actor.scope.provinceCode,
    ]);
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      provinceCode: r.province_code,
      cron: r.cron,
      periodDays: r.period_days,
      template: r.template,
      active: r.active,
    }));
  }

  /**
   * The recurrence's campaign for the period starting on `asOf`'s Vietnam calendar day: created and selected
   * once (unique per recurrence and period start), so a job retried or run twice the same day changes nothing.
   * A RANDOM rule is seeded with the recurrence and the day.
   */
  async runRecurrence(recurrenceId: string, asOf: Date): Promise<CampaignView> {
    const rows: {
      id: string;
      name: string;
      province_code: string;
      period_days: number;
      template: CreateCampaignCommand;
      active: boolean;
    }[] = await this.ds.query('SELECT * FROM inspection.campaign_recurrence WHERE id = $1', [recurrenceId]);
    const r = rows[0];
    if (!r) throw AppError.notFound('RECURRENCE_NOT_FOUND', `no recurrence ${recurrenceId}`);
    const day = vietnamDay(asOf);
    const from = vietnamDayStart(day);
    const to = new Date(from.getTime() + r.period_days * DAY_MS);
    const rule = r.template.rule.kind === 'RANDOM' ? { ...r.template.rule, seed: `${r.id}:${day}` } : r.template.rule;
    const c = {
      ...r.template,
      name: `${r.template.name} (${day})`,
      rule,
      periodFrom: from.toISOString(),
      periodTo: to.toISOString(),
    } as CreateCampaignCommand;
    const id = randomUUID();
    const created = await this.ds.transaction(async (tx) => {
      const inserted = await this.insertCampaign(tx, {
        id,
        c,
        provinceCode: r.province_code,
        from,
        to,
        checklist: c.checklist ?? ITEM_CODES,
        recurrenceId: r.id,
        by: 'system',
        asOf,
      });
      if (inserted)
        await writeAudit(tx, {
          actorId: SYSTEM_ACTOR.id,
          actorRole: SYSTEM_ACTOR.role,
          action: 'campaign.create',
          entityType: 'campaign',
          entityId: id,
          details: { recurrenceId: r.id, day },
        });
      return inserted;
    });
    const campaignId = created
      ? id
      : ((await this.ds.query('SELECT id FROM inspection.campaign WHERE recurrence_id = $1 AND period_from = $2', [r.id, from]))[0]
          .id as string);
    const current = await this.get(SYSTEM_ACTOR, campaignId);
    return current.status === 'PLANNED' ? this.select(SYSTEM_ACTOR, campaignId, asOf) : current;
  }

  /**
   * An agency's market-surveillance report about a certified product opens an ad-hoc campaign for that
   * certificate (one per report: unique origin reference), selected at once; its task waits for the office to
   * assign an inspector. A report about no certificate in the pool is kept as a dead letter.
   */
  async onMarketSurveillance(e: EventEnvelope, tx: Tx): Promise<void> {
    const d = e.data as MarketSurveillanceReportedData;
    const rows: { certificate_id: string; number: string; province_code: string }[] = await tx.query(
      `SELECT certificate_id, number, province_code FROM inspection.certificate_pool WHERE certificate_id::text = $1 OR code = $2`,
      [d.certificateId ?? '', d.certificateCode ?? ''],
    );
    const cert = rows[0];
    if (!cert) throw new UnrecoverableEventError(`${e.type} ${e.id}: no certificate ${d.certificateId ?? d.certificateCode} in the pool`);
    const at = new Date(d.reportedAt);
    const id = randomUUID();
    const c = {
      name: `Kiểm tra đột xuất theo phản ánh của ${d.agencyCode} — ${cert.number}`,
      legalBasis: `Báo cáo ${d.reportId} của ${d.agencyCode}: ${d.details}`.slice(0, 500),
      periodFrom: at.toISOString(),
      periodTo: new Date(at.getTime() + 30 * DAY_MS).toISOString(),
      scope: { certificateIds: [cert.certificate_id] },
      rule: { kind: 'ALL' as const },
      team: { inspectorUserIds: [] },
      origin: 'AGENCY',
      originReference: `${d.agencyCode}:${d.reportId}`,
    } as CreateCampaignCommand;
    const inserted = await this.insertCampaign(tx, {
      id,
      c,
      provinceCode: cert.province_code,
      from: at,
      to: new Date(c.periodTo),
      checklist: ITEM_CODES,
      recurrenceId: null,
      by: `agency:${d.agencyCode}`,
      asOf: at,
    });
    if (!inserted) return;
    await writeAudit(tx, {
      actorId: SYSTEM_ACTOR.id,
      actorRole: SYSTEM_ACTOR.role,
      action: 'campaign.create',
      entityType: 'campaign',
      entityId: id,
      details: { origin: 'AGENCY', report: c.originReference, causedBy: e.id },
    });
    await this.selectIn(tx, SYSTEM_ACTOR, id, at);
  }

  /** Evidence the gateway stored for an open task (by its assigned inspector or the office). */
  async attachEvidence(actor: Actor, c: AttachEvidenceCommand, asOf: Date): Promise<EvidenceView> {
    await this.ds.transaction(async (tx) => {
      await this.openTaskFor(tx, actor, c.taskId);
      if (!c.storageKey.startsWith(`inspection/tasks/${c.taskId}/`))
        throw AppError.validation('EVIDENCE_KEY_MISMATCH', 'the evidence was stored for another task', 'storageKey');
      await tx.query(
        `INSERT INTO inspection.task_evidence (storage_key, task_id, file_name, content_type, size, sha256, uploaded_by, uploaded_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
        [c.storageKey, c.taskId, c.fileName, c.contentType, c.size, c.sha256, actor.username, asOf],
      );
      await writeAudit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        action: 'task.attach-evidence',
        entityType: 'task',
        entityId: c.taskId,
        details: { storageKey: c.storageKey, sha256: c.sha256 },
      });
    });
    return {
      storageKey: c.storageKey,
      taskId: c.taskId,
      fileName: c.fileName,
      contentType: c.contentType,
      size: c.size,
      sha256: c.sha256,
      uploadedAt: asOf.toISOString(),
    };
  }

  private async openTaskFor(tx: Tx, actor: Actor, taskId: string): Promise<{ id: string; province_code: string }> {
    const rows: { id: string; status: string; assignee_user_id: string | null; province_code: string }[] = await tx.query(
      `SELECT t.id, t.status, t.assignee_user_id, c.province_code FROM inspection.task t JOIN inspection.campaign c ON c.id = t.campaign_id WHERE t.id = $1 FOR UPDATE OF t`,
      [taskId],
    );
    const t = rows[0];
    if (!t || !(t.assignee_user_id === actor.id || (isOffice(actor) && this.canReadProvince(actor, t.province_code))))
      throw AppError.notFound('TASK_NOT_FOUND', `no task ${taskId} assigned to you`);
    if (t.status !== 'OPEN') throw AppError.conflict('TASK_NOT_OPEN', `task ${taskId} is ${t.status}`);
    return t;
  }

  /** The office assigns (or reassigns) an open task to an inspector. */
  async assign(actor: Actor, taskId: string, inspectorUserId: string): Promise<TaskView> {
    if (!isOffice(actor)) throw AppError.forbidden('ROLE_FORBIDDEN', 'the standing office assigns tasks');
    const task: { province_code: string }[] = await this.ds.query(
      'SELECT c.province_code FROM inspection.task t JOIN inspection.campaign c ON c.id = t.campaign_id WHERE t.id = $1',
      [taskId],
    );
    if (!task[0] || !this.canReadProvince(actor, task[0].province_code))
      throw AppError.notFound('TASK_NOT_FOUND', `no open task ${taskId} in your province`);
    await this.users.require(actor, [
      { userId: inspectorUserId, field: 'inspectorUserId', roles: [Role.INSPECTOR], provinceCode: task[0].province_code },
    ]);
    await this.ds.transaction(async (tx) => {
      const rows = (
        await tx.query(
          `UPDATE inspection.task t SET assignee_user_id = $2 FROM inspection.campaign c WHERE t.id = $1 AND c.id = t.campaign_id AND t.status = 'OPEN' AND ($3 = '*' OR c.province_code = $3) RETURNING t.id`,
          [taskId, inspectorUserId, actor.scope.provinceCode],
        )
      )[0] as { id: string }[];
      if (!rows.length) throw AppError.notFound('TASK_NOT_FOUND', `no open task ${taskId} in your province`);
      await writeAudit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        action: 'task.assign',
        entityType: 'task',
        entityId: taskId,
        details: { inspectorUserId },
      });
    });
    return (
      await this.ds.query(
        `SELECT ${TASK_COLUMNS} FROM inspection.task t JOIN inspection.certificate_pool c ON c.certificate_id = t.certificate_id WHERE t.id = $1`,
        [taskId],
      )
    )[0];
  }

  activeRecurrences(): Promise<{ id: string; cron: string }[]> {
    return this.ds.query('SELECT id, cron FROM inspection.campaign_recurrence WHERE active');
  }

  private planningProvince(actor: Actor): string {
    if (!isOffice(actor)) throw AppError.forbidden('ROLE_FORBIDDEN', 'campaigns are planned by the standing office');
    if (actor.scope.provinceCode === '*')
      throw AppError.validation('PROVINCE_REQUIRED', 'a campaign belongs to one province: use a province account', 'provinceCode');
    return actor.scope.provinceCode;
  }

  /** Rule and checklist of a campaign or template; returns the checklist. */
  private checkTemplate(c: Pick<CreateCampaignCommand, 'rule' | 'checklist'>, seedRequired: boolean): string[] {
    if (c.rule.kind !== 'ALL' && !c.rule.share)
      throw AppError.validation('SHARE_REQUIRED', `a ${c.rule.kind} rule needs a share`, 'rule.share');
    if (seedRequired && c.rule.kind === 'RANDOM' && !c.rule.seed)
      throw AppError.validation('SEED_REQUIRED', 'a RANDOM rule needs a seed (reproducible selection)', 'rule.seed');
    const checklist = c.checklist ?? ITEM_CODES;
    const unknown = checklist.filter((i) => !ITEM_CODES.includes(i));
    if (unknown.length) throw AppError.validation('CHECKLIST_ITEM_UNKNOWN', `unknown checklist items: ${unknown.join(', ')}`, 'checklist');
    return checklist;
  }

  private async insertCampaign(
    tx: Tx,
    x: {
      id: string;
      c: CreateCampaignCommand;
      provinceCode: string;
      from: Date;
      to: Date;
      checklist: string[];
      recurrenceId: string | null;
      by: string;
      asOf: Date;
    },
  ): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `INSERT INTO inspection.campaign (id, name, legal_basis, province_code, period_from, period_to, scope, rule, checklist, team, origin, origin_reference, status, created_by, created_at, recurrence_id)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,'PLANNED',$13,$14,$15) ON CONFLICT DO NOTHING RETURNING id`,
      [
        x.id,
        x.c.name,
        x.c.legalBasis,
        x.provinceCode,
        x.from,
        x.to,
        JSON.stringify(x.c.scope),
        JSON.stringify(x.c.rule),
        JSON.stringify(x.checklist),
        JSON.stringify(x.c.team),
        x.c.origin ?? 'PLANNED',
        x.c.originReference ?? null,
        x.by,
        x.asOf,
        x.recurrenceId,
      ],
    );
    return rows.length > 0;
  }

  /**
   * Selects the campaign's certificates (active, in scope, in its province) by its rule as of the period's
   * start and creates one task each, assigned round-robin to the team's inspectors and due at the period's end.
   */
  async select(actor: Actor, campaignId: string, asOf: Date): Promise<CampaignView> {
    if (!isOffice(actor)) throw AppError.forbidden('ROLE_FORBIDDEN', 'campaigns are run by the standing office');
    await this.ds.transaction((tx) => this.selectIn(tx, actor, campaignId, asOf));
    return this.get(actor, campaignId);
  }

  private async selectIn(tx: Tx, actor: Actor, campaignId: string, asOf: Date): Promise<void> {
    const c = await this.lockCampaign(tx, actor, campaignId);
    if (c.status !== 'PLANNED') throw AppError.conflict('CAMPAIGN_NOT_PLANNED', `campaign ${c.name} is ${c.status}`);
    const pool = await this.pool(tx, c.province_code, c.period_from);
    const scope: CampaignScope = {
      ...c.scope,
      issuedBefore: c.scope.issuedBefore ? new Date(c.scope.issuedBefore) : undefined,
    };
    const scoped = pool.filter((p) => inScope(p, scope, c.period_from));
    const rule = (
      c.rule.kind === 'RISK'
        ? { kind: 'RISK', share: c.rule.share, weights: c.rule.weights as Partial<RiskWeights> | undefined }
        : c.rule.kind === 'RANDOM'
          ? { kind: 'RANDOM', share: c.rule.share, seed: c.rule.seed }
          : { kind: 'ALL' }
    ) as SelectionRule;
    const selected = selectCertificates(scoped, rule, c.period_from);
    // A campaign opened by an event has no team yet: its tasks wait to be assigned.
    const inspectors = c.team.inspectorUserIds.length ? c.team.inspectorUserIds : [null];
    if (selected.length) {
      await tx.query(
        `INSERT INTO inspection.task (id, campaign_id, certificate_id, rank, risk_score, risk_reasons, assignee_user_id, due_at, status)
         SELECT gen_random_uuid(), $1, u.certificate_id, u.rank, u.score, ARRAY(SELECT jsonb_array_elements_text(u.reasons_json::jsonb)), u.assignee, $2, 'OPEN'
         FROM unnest($3::uuid[], $4::int[], $5::int[], $6::text[], $7::uuid[]) AS u(certificate_id, rank, score, reasons_json, assignee)`,
        [
          c.id,
          c.period_to,
          selected.map((s) => s.certificateId),
          selected.map((s) => s.rank),
          selected.map((s) => s.score),
          selected.map((s) => JSON.stringify(s.reasons)),
          selected.map((_, i) => inspectors[i % inspectors.length]),
        ],
      );
    }
    await tx.query(`UPDATE inspection.campaign SET status = 'OPEN', selected_at = $2 WHERE id = $1`, [c.id, asOf]);
    await this.outbox.enqueue(tx, E.campaignOpened, c.id, {
      campaignId: c.id,
      name: c.name,
      provinceCode: c.province_code,
      tasks: selected.length,
      pool: scoped.length,
      rule: c.rule.kind,
    });
    await writeAudit(tx, {
      actorId: actor.id,
      actorRole: actor.role,
      action: 'campaign.select',
      entityType: 'campaign',
      entityId: c.id,
      details: { pool: scoped.length, selected: selected.length },
    });
  }

  async get(actor: Actor, id: string): Promise<CampaignView> {
    const rows: CampaignRow[] = await this.ds.query(
      `SELECT c.*, (SELECT count(*)::int FROM inspection.task t WHERE t.campaign_id = c.id) AS task_count FROM inspection.campaign c WHERE c.id = $1`,
      [id],
    );
    const c = rows[0];
    if (!c || !this.canReadProvince(actor, c.province_code)) throw AppError.notFound('CAMPAIGN_NOT_FOUND', `no campaign ${id}`);
    return this.view(c);
  }

  async list(actor: Actor): Promise<CampaignView[]> {
    const rows: CampaignRow[] = await this.ds.query(
      `SELECT c.*, (SELECT count(*)::int FROM inspection.task t WHERE t.campaign_id = c.id) AS task_count FROM inspection.campaign c
       WHERE $1 = '*' OR c.province_code = $1 ORDER BY c.period_from DESC, c.created_at DESC`,
      [actor.scope.provinceCode],
    );
    return rows.filter((c) => this.canReadProvince(actor, c.province_code)).map((c) => this.view(c));
  }

  /** Inspectors see the tasks assigned to them; the office and agency staff see the province's. */
  async tasks(actor: Actor, q: ListTasksQuery): Promise<TaskView[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (actor.role === Role.INSPECTOR) {
      params.push(actor.id);
      where.push(`t.assignee_user_id = $${params.length}`);
    } else if (isOffice(actor) || actor.role === Role.AGENCY_OFFICER) {
      if (actor.scope.provinceCode !== '*') {
        params.push(actor.scope.provinceCode);
        where.push(`c.province_code = $${params.length}`);
      }
    } else throw AppError.forbidden('ROLE_FORBIDDEN', 'tasks are for inspectors and the standing office');
    for (const [col, v] of [
      ['t.campaign_id', q.campaignId],
      ['t.certificate_id', q.certificateId],
      ['t.status', q.status],
    ] as const) {
      if (v) {
        params.push(v);
        where.push(`${col} = $${params.length}`);
      }
    }
    params.push(q.limit ?? 100, q.offset ?? 0);
    return this.ds.query(
      `SELECT ${TASK_COLUMNS} FROM inspection.task t JOIN inspection.certificate_pool c ON c.certificate_id = t.certificate_id
      WHERE ${where.length ? where.join(' AND ') : 'TRUE'} ORDER BY t.campaign_id, t.rank LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
  }

  /** The assigned inspector completes a task with one finding per checklist item of the campaign. */
  async complete(
    actor: Actor,
    taskId: string,
    body: CompleteTaskBody,
    asOf: Date,
  ): Promise<{ task: TaskView; violations: ViolationView[] }> {
    const requests: string[] = [];
    await this.ds.transaction(async (tx) => {
      const rows: {
        id: string;
        status: string;
        assignee_user_id: string | null;
        campaign_id: string;
        certificate_id: string;
        checklist: string[];
        province_code: string;
      }[] = await tx.query(
        `SELECT t.id, t.status, t.assignee_user_id, t.campaign_id, t.certificate_id, c.checklist, c.province_code FROM inspection.task t
         JOIN inspection.campaign c ON c.id = t.campaign_id WHERE t.id = $1 FOR UPDATE OF t`,
        [taskId],
      );
      const t = rows[0];
      if (!t || !(t.assignee_user_id === actor.id || (isOffice(actor) && this.canReadProvince(actor, t.province_code))))
        throw AppError.notFound('TASK_NOT_FOUND', `no task ${taskId} assigned to you`);
      if (t.status !== 'OPEN') throw AppError.conflict('TASK_NOT_OPEN', `task ${taskId} is ${t.status}`);
      const codes = body.findings.map((f) => f.itemCode);
      if (new Set(codes).size !== codes.length) throw AppError.validation('FINDING_REPEATED', 'a checklist item appears twice', 'findings');
      const cited = body.findings.flatMap((f) => f.evidenceKeys ?? []);
      if (cited.length) {
        const known: { storage_key: string }[] = await tx.query(
          'SELECT storage_key FROM inspection.task_evidence WHERE task_id = $1 AND storage_key = ANY($2::text[])',
          [t.id, cited],
        );
        const unknown = cited.filter((k) => !known.some((x) => x.storage_key === k));
        if (unknown.length)
          throw AppError.validation('EVIDENCE_UNKNOWN', `evidence not uploaded for this task: ${unknown.join(', ')}`, 'findings');
      }
      const missing = t.checklist.filter((i) => !codes.includes(i));
      const extra = codes.filter((i) => !t.checklist.includes(i));
      if (missing.length || extra.length) {
        throw AppError.validation(
          'FINDINGS_NOT_CHECKLIST',
          `findings must cover the campaign's checklist${missing.length ? `; missing ${missing.join(', ')}` : ''}${extra.length ? `; not on it ${extra.join(', ')}` : ''}`,
          'findings',
        );
      }
      for (const f of body.findings) {
        const findingId = randomUUID();
        await tx.query(
          `INSERT INTO inspection.finding (id, task_id, item_code, severity, note, evidence_keys, recorded_by, recorded_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
          [findingId, t.id, f.itemCode, f.severity, f.note ?? null, f.evidenceKeys ?? [], actor.username, asOf],
        );
        if (f.severity === 'COMPLIANT') continue;
        const item = INSPECTION_CHECKLIST.find((i) => i.code === f.itemCode)!;
        const critical = f.severity === 'CRITICAL';
        const days = f.severity === 'MAJOR' ? this.config.correctiveDaysMajor : this.config.correctiveDaysMinor;
        const violationId = randomUUID();
        await tx.query(
          `INSERT INTO inspection.violation (id, task_id, certificate_id, finding_id, severity, reason_code, details, corrective_deadline, status, created_at)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,'CORRECTIVE_ACTION',$9)`, // a critical one moves on to REVOCATION_REQUESTED below
          [
            violationId,
            t.id,
            t.certificate_id,
            findingId,
            f.severity,
            item.revocationReason,
            `${item.labelVi}: ${f.note ?? f.severity}`,
            critical ? null : new Date(asOf.getTime() + days * DAY_MS),
            asOf,
          ],
        );
        await this.outbox.enqueue(tx, E.violationRecorded, t.certificate_id, {
          violationId,
          taskId: t.id,
          certificateId: t.certificate_id,
          severity: f.severity,
          itemCode: f.itemCode,
        });
        if (critical) requests.push(violationId);
      }
      await tx.query(`UPDATE inspection.task SET status = 'COMPLETED', completed_at = $2, completed_by = $3 WHERE id = $1`, [
        t.id,
        asOf,
        actor.username,
      ]);
      await this.outbox.enqueue(tx, E.taskCompleted, t.id, {
        taskId: t.id,
        campaignId: t.campaign_id,
        certificateId: t.certificate_id,
        findings: body.findings.map((f) => [f.itemCode, f.severity]),
      });
      await writeAudit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        action: 'task.complete',
        entityType: 'task',
        entityId: t.id,
        details: { findings: body.findings.length },
      });
      // A critical finding raises the revocation request at once.
      for (const v of requests) await this.requestRevocation(tx, v, asOf);
    });
    const task = (
      await this.ds.query(
        `SELECT ${TASK_COLUMNS} FROM inspection.task t JOIN inspection.certificate_pool c ON c.certificate_id = t.certificate_id WHERE t.id = $1`,
        [taskId],
      )
    )[0];
    const violations = await this.ds.query(
      `SELECT ${VIOLATION_COLUMNS} FROM inspection.violation v WHERE v.task_id = $1 ORDER BY v.created_at, v.id`,
      [taskId],
    );
    return { task, violations };
  }

  /**
   * The follow-up inspection found the violation corrected. Who may say so: the inspector who found it (the
   * task's assignee) or the standing office of the campaign's province; another inspector is refused (the
   * office reassigns or confirms), and outside the province the violation does not exist.
   */
  async correct(actor: Actor, violationId: string, asOf: Date): Promise<ViolationView> {
    if (!isOffice(actor) && actor.role !== Role.INSPECTOR) throw AppError.forbidden('ROLE_FORBIDDEN', 'inspectors confirm corrections');
    await this.ds.transaction(async (tx) => {
      const found: { assignee_user_id: string | null; province_code: string }[] = await tx.query(
        `SELECT t.assignee_user_id, c.province_code FROM inspection.violation v JOIN inspection.task t ON t.id = v.task_id
         JOIN inspection.campaign c ON c.id = t.campaign_id WHERE v.id = $1 FOR UPDATE OF v`,
        [violationId],
      );
      const v = found[0];
      if (!v || !this.canReadProvince(actor, v.province_code))
        throw AppError.notFound('VIOLATION_NOT_FOUND', `no violation ${violationId}`);
      if (!isOffice(actor) && v.assignee_user_id !== actor.id) {
        throw AppError.forbidden(
          'NOT_VIOLATION_INSPECTOR',
          'only the inspector who found the violation, or the standing office, confirms its correction',
        );
      }
      const done = (
        await tx.query(
          `UPDATE inspection.violation SET status = 'CORRECTED', corrected_at = $2, corrected_by = $3 WHERE id = $1 AND status = 'CORRECTIVE_ACTION' RETURNING id, certificate_id`,
          [violationId, asOf, actor.username],
        )
      )[0] as { id: string; certificate_id: string }[];
      if (!done.length) throw AppError.conflict('VIOLATION_NOT_OPEN', `violation ${violationId} is not awaiting correction`);
      await this.outbox.enqueue(tx, E.violationCorrected, done[0]!.certificate_id, {
        violationId,
        certificateId: done[0]!.certificate_id,
        at: asOf.toISOString(),
      });
      await writeAudit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        action: 'violation.correct',
        entityType: 'violation',
        entityId: violationId,
      });
    });
    return (await this.ds.query(`SELECT ${VIOLATION_COLUMNS} FROM inspection.violation v WHERE v.id = $1`, [violationId]))[0];
  }

  async violations(actor: Actor, q: ListViolationsQuery = {}): Promise<ViolationView[]> {
    if (!isOffice(actor) && actor.role !== Role.INSPECTOR && actor.role !== Role.AGENCY_OFFICER)
      throw AppError.forbidden('ROLE_FORBIDDEN', 'violations are for inspection staff');
    return this.ds.query(
      `SELECT ${VIOLATION_COLUMNS} FROM inspection.violation v JOIN inspection.certificate_pool c ON c.certificate_id = v.certificate_id
      WHERE ($1 = '*' OR c.province_code = $1) AND ($2::uuid IS NULL OR v.certificate_id = $2) AND ($3::text IS NULL OR v.status = $3)
        AND ($4::timestamptz IS NULL OR v.corrective_deadline < $4)
      ORDER BY v.created_at, v.id LIMIT $5 OFFSET $6`,
      [
        actor.scope.provinceCode,
        q.certificateId ?? null,
        q.status ?? null,
        q.deadlineBefore ?? null,
        q.limit ?? DEFAULT_PAGE.limit,
        q.offset ?? DEFAULT_PAGE.offset,
      ],
    );
  }

  /** Corrective deadlines passed at `asOf` without correction: one revocation request each. */
  async followUps(asOf: Date): Promise<{ revocationRequests: number }> {
    return this.ds.transaction(async (tx) => {
      const due: { id: string }[] = await tx.query(
        `SELECT id FROM inspection.violation WHERE status = 'CORRECTIVE_ACTION' AND corrective_deadline <= $1 ORDER BY corrective_deadline, id FOR UPDATE SKIP LOCKED`,
        [asOf],
      );
      let n = 0;
      for (const v of due) if (await this.requestRevocation(tx, v.id, asOf)) n++;
      return { revocationRequests: n };
    });
  }

  /** A failed lab result for a task's sample: a violation (one per sample) and its revocation request, in the result's transaction. */
  async onLabFailure(tx: Tx, sampleId: string, taskId: string, sampleCode: string, failed: string[], asOf: Date): Promise<void> {
    const rows: { id: string; certificate_id: string }[] = await tx.query(
      `INSERT INTO inspection.violation (id, task_id, certificate_id, sample_id, severity, reason_code, details, status, created_at)
       SELECT gen_random_uuid(), t.id, t.certificate_id, $2, 'LAB_FAIL', 'LAB_TEST_FAILED', $3, 'CORRECTIVE_ACTION', $4 FROM inspection.task t WHERE t.id = $1
       ON CONFLICT (sample_id) DO NOTHING RETURNING id, certificate_id`,
      [taskId, sampleId, `Kết quả kiểm nghiệm mẫu ${sampleCode} không đạt: ${failed.join(', ')}`, asOf],
    );
    if (!rows[0]) return;
    await this.outbox.enqueue(tx, E.violationRecorded, rows[0].certificate_id, {
      violationId: rows[0].id,
      taskId,
      certificateId: rows[0].certificate_id,
      severity: 'LAB_FAIL',
      sampleId,
    });
    await this.requestRevocation(tx, rows[0].id, asOf);
  }

  /**
   * Active certificates not inspected (a completed task) since their validity began — or, with `withinMonths`,
   * within that many months before `asOf` (a province's own rule, e.g. once a year).
   */
  async coverage(actor: Actor, asOf: Date, withinMonths?: number): Promise<CoverageView> {
    if (!isOffice(actor) && actor.role !== Role.INSPECTOR && actor.role !== Role.AGENCY_OFFICER)
      throw AppError.forbidden('ROLE_FORBIDDEN', 'the coverage report is for inspection staff');
    const rows: { certificate_id: string; number: string; product_name: string; valid_from: Date; valid_to: Date; inspected: boolean }[] =
      await this.ds.query(
        `SELECT c.certificate_id, c.number, c.product_name, c.valid_from, c.valid_to,
         EXISTS (SELECT 1 FROM inspection.task t WHERE t.certificate_id = c.certificate_id AND t.status = 'COMPLETED' AND t.completed_at <= $2
           AND t.completed_at >= greatest(c.valid_from, CASE WHEN $3::int IS NULL THEN c.valid_from ELSE $2::timestamptz - make_interval(months => $3::int) END)) AS inspected
       FROM inspection.certificate_pool c
       WHERE c.status IN ('ACTIVE','EXPIRING') AND c.valid_from <= $2 AND c.valid_to > $2 AND ($1 = '*' OR c.province_code = $1) ORDER BY c.number`,
        [actor.scope.provinceCode, asOf, withinMonths ?? null],
      );
    return {
      asOf: asOf.toISOString(),
      active: rows.length,
      inspected: rows.filter((r) => r.inspected).length,
      gaps: rows
        .filter((r) => !r.inspected)
        .map((r) => ({
          certificateId: r.certificate_id,
          number: r.number,
          productName: r.product_name,
          validFrom: r.valid_from.toISOString(),
          validTo: r.valid_to.toISOString(),
        })),
    };
  }

  /** Exactly once per violation: the conditional update is the guard, the event goes in the same transaction. */
  private async requestRevocation(tx: Tx, violationId: string, asOf: Date): Promise<boolean> {
    const rows = (
      await tx.query(
        `UPDATE inspection.violation v SET status = 'REVOCATION_REQUESTED', revocation_requested_at = $2 FROM inspection.task t
       WHERE v.id = $1 AND v.status = 'CORRECTIVE_ACTION' AND t.id = v.task_id RETURNING v.id, v.task_id, t.campaign_id, v.certificate_id, v.reason_code, v.details, v.severity`,
        [violationId, asOf],
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
    if (!v) return false;
    const data: InspectionRevocationRequestedData = {
      violationId: v.id,
      taskId: v.task_id,
      campaignId: v.campaign_id,
      certificateId: v.certificate_id,
      reasonCode: v.reason_code,
      details: v.details,
      severity: v.severity,
      requestedAt: asOf.toISOString(),
    };
    await this.outbox.enqueue(tx, E.revocationRequested, v.certificate_id, data);
    await writeAudit(tx, {
      actorId: SYSTEM_ACTOR.id,
      actorRole: SYSTEM_ACTOR.role,
      action: 'violation.request-revocation',
      entityType: 'violation',
      entityId: v.id,
      details: { certificateId: v.certificate_id },
    });
    return true;
  }

  /** The pool with its risk facts as of `at`: last inspection, prior violations, complaints (campaigns opened by a complaint). */
  private async pool(tx: Tx, provinceCode: string, at: Date): Promise<PoolCertificate[]> {
    const rows: {
      certificate_id: string;
      product_group: string;
      product_set_code: string;
      stars: number;
      province_code: string;
      authority_unit_code: string;
      issued_at: Date;
      valid_to: Date;
      last_inspected_at: Date | null;
      prior_violations: number;
      complaints: number;
    }[] = await tx.query(
      `SELECT c.certificate_id, c.product_group, c.product_set_code, c.stars, c.province_code, c.authority_unit_code, c.issued_at, c.valid_to,
         (SELECT max(t.completed_at) FROM inspection.task t WHERE t.certificate_id = c.certificate_id AND t.status = 'COMPLETED') AS last_inspected_at,
         (SELECT count(*)::int FROM inspection.violation v WHERE v.certificate_id = c.certificate_id AND v.severity IN ('MAJOR','CRITICAL','LAB_FAIL')) AS prior_violations,
         (SELECT count(*)::int FROM inspection.task t JOIN inspection.campaign k ON k.id = t.campaign_id WHERE t.certificate_id = c.certificate_id AND k.origin = 'COMPLAINT') AS complaints
       FROM inspection.certificate_pool c WHERE c.status IN ('ACTIVE','EXPIRING') AND c.province_code = $1 AND c.valid_from <= $2 AND c.valid_to > $2`,
      [provinceCode, at],
    );
    return rows.map((r) => ({
      certificateId: r.certificate_id,
      productGroup: r.product_group,
      productSetCode: r.product_set_code,
      stars: r.stars,
      unitCodes: [r.province_code, r.authority_unit_code],
      issuedAt: r.issued_at,
      validTo: r.valid_to,
      lastInspectedAt: r.last_inspected_at,
      priorViolations: r.prior_violations,
      complaints: r.complaints,
    }));
  }

  private async lockCampaign(tx: Tx, actor: Actor, id: string): Promise<CampaignRow> {
    const rows: CampaignRow[] = await tx.query('SELECT * FROM inspection.campaign WHERE id = $1 FOR UPDATE', [id]);
    if (!rows[0] || !this.canReadProvince(actor, rows[0].province_code)) throw AppError.notFound('CAMPAIGN_NOT_FOUND', `no campaign ${id}`);
    return rows[0];
  }

  private canReadProvince(actor: Actor, provinceCode: string): boolean {
    return actor.scope.provinceCode === '*' || actor.scope.provinceCode === provinceCode;
  }

  private view(c: CampaignRow): CampaignView {
    return {
      id: c.id,
      name: c.name,
      legalBasis: c.legal_basis,
      provinceCode: c.province_code,
      periodFrom: c.period_from.toISOString(),
      periodTo: c.period_to.toISOString(),
      scope: c.scope,
      rule: c.rule,
      checklist: c.checklist,
      team: c.team,
      origin: c.origin,
      originReference: c.origin_reference,
      status: c.status,
      selectedAt: c.selected_at?.toISOString() ?? null,
      taskCount: c.task_count,
    };
  }
}
