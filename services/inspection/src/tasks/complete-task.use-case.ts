import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, InspectionEvents as E, type Actor, type CompleteTaskBody, type TaskView, type ViolationView } from '@ocop/contracts';
import { INSPECTION_CHECKLIST } from '@ocop/domain';
import { EventOutbox } from '@ocop/messaging';
import { writeAudit } from '@ocop/persistence';
import { INSPECTION_CONFIG } from '../inspection.tokens';
import type { InspectionConfig } from '../config/inspection.config';
import { SYSTEM_SCOPE } from '../province-scope.policy';
import { ViolationsRepository } from '../violations/violations.repository';
import { ViolationWorkflow } from '../violations/violation.workflow';
import { TasksRepository } from './tasks.repository';
import { openTaskOrThrow, taskWorkScopeOf } from './task.policy';

const DAY_MS = 86_400_000;

/**
 * The assigned inspector completes a task with one finding per checklist item of the campaign. Minor and
 * major findings become corrective actions with a deadline; a critical one raises a revocation request at once.
 */
@Injectable()
export class CompleteTaskUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly tasks: TasksRepository,
    private readonly violations: ViolationsRepository,
    private readonly workflow: ViolationWorkflow,
    private readonly outbox: EventOutbox,
    @Inject(INSPECTION_CONFIG) private readonly config: InspectionConfig,
  ) {}

  async execute(
    actor: Actor,
    taskId: string,
    body: CompleteTaskBody,
    asOf: Date,
  ): Promise<{ task: TaskView; violations: ViolationView[] }> {
    const requests: string[] = [];
    await this.ds.transaction(async (tx) => {
      const t = openTaskOrThrow(taskId, await this.tasks.getForWork(tx, taskWorkScopeOf(actor), taskId));
      const codes = body.findings.map((f) => f.itemCode);
      if (new Set(codes).size !== codes.length) throw AppError.validation('FINDING_REPEATED', 'a checklist item appears twice', 'findings');
      const cited = body.findings.flatMap((f) => f.evidenceKeys ?? []);
      if (cited.length) {
        const known = await this.tasks.evidenceKeysOf(tx, t.id, cited);
        const unknown = cited.filter((k) => !known.includes(k));
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
        await this.tasks.insertFinding(tx, {
          id: findingId,
          taskId: t.id,
          itemCode: f.itemCode,
          severity: f.severity,
          note: f.note ?? null,
          evidenceKeys: f.evidenceKeys ?? [],
          recordedBy: actor.username,
          recordedAt: asOf,
        });
        if (f.severity === 'COMPLIANT') continue;
        const item = INSPECTION_CHECKLIST.find((i) => i.code === f.itemCode)!;
        const critical = f.severity === 'CRITICAL';
        const days = f.severity === 'MAJOR' ? this.config.correctiveDaysMajor : this.config.correctiveDaysMinor;
        const violationId = randomUUID();
        await this.violations.insert(tx, {
          id: violationId,
          taskId: t.id,
          certificateId: t.certificateId,
          findingId,
          sampleId: null,
          severity: f.severity,
          reasonCode: item.revocationReason,
          details: `${item.labelVi}: ${f.note ?? f.severity}`,
          correctiveDeadline: critical ? null : new Date(asOf.getTime() + days * DAY_MS),
          status: 'CORRECTIVE_ACTION', // a critical one moves on to REVOCATION_REQUESTED below
          createdAt: asOf,
        });
        await this.outbox.enqueueEvent(tx, E.violationRecorded, t.certificateId, {
          violationId,
          taskId: t.id,
          certificateId: t.certificateId,
          severity: f.severity,
          itemCode: f.itemCode,
        });
        if (critical) requests.push(violationId);
      }
      await this.tasks.markCompleted(tx, t.id, asOf, actor.username);
      await this.outbox.enqueueEvent(tx, E.taskCompleted, t.id, {
        taskId: t.id,
        campaignId: t.campaignId,
        certificateId: t.certificateId,
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
      for (const v of requests) await this.workflow.requestRevocation(tx, v, asOf);
    });
    const task = (await this.tasks.view(SYSTEM_SCOPE, taskId)) as TaskView;
    const violations = await this.violations.ofTask(SYSTEM_SCOPE, taskId);
    return { task, violations };
  }
}
