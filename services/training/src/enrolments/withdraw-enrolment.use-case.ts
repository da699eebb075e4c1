import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, type Actor, type EnrolmentView } from '@ocop/contracts';
import { writeAuditMany, type AuditEntry } from '@ocop/persistence';
import { ClassesRepository } from '../classes/classes.repository';
import { EnrolmentAccess } from './enrolment-access.policy';
import { EnrolmentsRepository } from './enrolments.repository';
import { enrolmentView } from './enrolment.view';

/** A person leaves a class before it completes; a place they held goes to the first on the waiting list. */
@Injectable()
export class WithdrawEnrolmentUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly classes: ClassesRepository,
    private readonly enrolments: EnrolmentsRepository,
    private readonly access: EnrolmentAccess,
  ) {}

  async execute(actor: Actor, enrolmentId: string, asOf: Date): Promise<EnrolmentView> {
    const { cls } = await this.access.require(actor, enrolmentId);
    const updated = await this.ds.transaction(async (tx) => {
      const locked = (await this.classes.lock(tx, cls.id))!;
      const { enrolment } = await this.access.require(actor, enrolmentId, tx);
      if (!['ENROLLED', 'WAITLISTED'].includes(enrolment.status))
        throw AppError.conflict('NOT_WITHDRAWABLE', `the enrolment is ${enrolment.status}`);
      if (!['PLANNED', 'OPEN', 'RUNNING'].includes(locked.status)) throw AppError.conflict('CLASS_CLOSED', `the class is ${locked.status}`);
      await this.enrolments.update(tx, enrolment.id, { status: 'WITHDRAWN', withdrawnAt: asOf });
      const audit: AuditEntry[] = [
        {
          actorId: actor.id,
          actorRole: actor.role,
          action: 'enrolment.withdraw',
          entityType: 'enrolment',
          entityId: enrolment.id,
          details: { previous: enrolment.status },
        },
      ];
      if (enrolment.status === 'ENROLLED') {
        const next = await this.enrolments.firstWaiting(tx, cls.id);
        if (next) {
          await this.enrolments.update(tx, next.id, { status: 'ENROLLED' });
          audit.push({
            actorId: actor.id,
            actorRole: actor.role,
            action: 'enrolment.move-up',
            entityType: 'enrolment',
            entityId: next.id,
            details: { replaces: enrolment.id },
          });
        }
      }
      await writeAuditMany(tx, audit);
      return { ...enrolment, status: 'WITHDRAWN', withdrawnAt: asOf };
    });
    return enrolmentView(updated);
  }
}
