import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, InspectionEvents as E, type Actor, type ViolationView } from '@ocop/contracts';
import { EventOutbox } from '@ocop/messaging';
import { writeAudit } from '@ocop/persistence';
import { SYSTEM_SCOPE, provinceScopeOf } from '../province-scope.policy';
import { isOffice } from '../campaigns/campaign-planning.policy';
import { ViolationsRepository } from './violations.repository';

const notFound = (id: string): AppError => AppError.notFound('VIOLATION_NOT_FOUND', `no violation ${id}`);

/**
 * The follow-up inspection found the violation corrected. Who may say so: the inspector who found it (the
 * task's assignee) or the standing office of the campaign's province; another inspector is refused (the
 * office reassigns or confirms), and outside the province the violation does not exist.
 */
@Injectable()
export class CorrectViolationUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly violations: ViolationsRepository,
    private readonly outbox: EventOutbox,
  ) {}

  async execute(actor: Actor, violationId: string, asOf: Date): Promise<ViolationView> {
    await this.ds.transaction(async (tx) => {
      const v = await this.violations.getForCorrection(tx, provinceScopeOf(actor), violationId);
      if (!v) throw notFound(violationId);
      if (!isOffice(actor) && v.assigneeUserId !== actor.id) {
        throw AppError.forbidden(
          'NOT_VIOLATION_INSPECTOR',
          'only the inspector who found the violation, or the standing office, confirms its correction',
        );
      }
      const certificateId = await this.violations.markCorrected(tx, violationId, asOf, actor.username);
      if (!certificateId) throw AppError.conflict('VIOLATION_NOT_OPEN', `violation ${violationId} is not awaiting correction`);
      await this.outbox.enqueueEvent(tx, E.violationCorrected, certificateId, {
        violationId,
        certificateId,
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
    const v = await this.violations.view(SYSTEM_SCOPE, violationId);
    if (!v) throw notFound(violationId);
    return v;
  }
}
