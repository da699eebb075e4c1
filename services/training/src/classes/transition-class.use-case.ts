import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, TrainingEvents as E, type Actor, type ClassView, type TransitionClassCommand } from '@ocop/contracts';
import { EventOutbox, type OutboxEvent } from '@ocop/messaging';
import { writeAudit } from '@ocop/persistence';
import { manages } from '../access/training-access.policy';
import { EnrolmentsRepository } from '../enrolments/enrolments.repository';
import { CompletionCertificatesRepository } from '../completion/completion-certificates.repository';
import { ClassesRepository } from './classes.repository';
import { classDays, classView } from './class.view';

/** planned → open for enrolment → running → completed, or cancelled before it runs. */
const TRANSITIONS: Record<string, { from: string[]; to: string }> = {
  open: { from: ['PLANNED'], to: 'OPEN' },
  start: { from: ['OPEN'], to: 'RUNNING' },
  complete: { from: ['RUNNING'], to: 'COMPLETED' },
  cancel: { from: ['PLANNED', 'OPEN'], to: 'CANCELLED' },
};

/**
 * The organiser moves a class on. Completing it decides each enrolled person's outcome: completed when they attended at
 * least the class's share of its days (`completionPercent`), not completed otherwise; one event per person.
 */
@Injectable()
export class TransitionClassUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly classes: ClassesRepository,
    private readonly enrolments: EnrolmentsRepository,
    private readonly outbox: EventOutbox,
    private readonly certificates: CompletionCertificatesRepository,
  ) {}

  async execute(actor: Actor, c: TransitionClassCommand, asOf: Date): Promise<ClassView> {
    const cls = await this.classes.get(c.classId);
    if (!cls || !manages(actor, cls)) throw AppError.notFound('CLASS_NOT_FOUND', 'no such class');
    const t = TRANSITIONS[c.transition]!;
    await this.ds.transaction(async (tx) => {
      const locked = (await this.classes.lock(tx, cls.id))!;
      if (!t.from.includes(locked.status))
        throw AppError.conflict('CLASS_TRANSITION_INVALID', `a ${locked.status} class cannot ${c.transition}`, 'transition');
      await this.classes.setStatus(tx, cls.id, t.to);
      const events: OutboxEvent[] = [
        {
          type: E.classStatusChanged,
          subject: cls.id,
          data: { classId: cls.id, provinceCode: cls.provinceCode, status: t.to, at: asOf.toISOString() },
        },
      ];
      if (t.to === 'COMPLETED') {
        const days = classDays(locked).length;
        const completed: string[] = [];
        for (const e of (await this.enrolments.ofClass(tx, cls.id)).filter((x) => x.status === 'ENROLLED')) {
          const outcome = e.daysAttended * 100 >= locked.completionPercent * days ? 'COMPLETED' : 'NOT_COMPLETED';
          if (outcome === 'COMPLETED') completed.push(e.id);
          await this.enrolments.update(tx, e.id, { status: outcome });
          events.push({
            type: E.enrolmentCompleted,
            subject: e.id,
            data: {
              enrolmentId: e.id,
              classId: cls.id,
              provinceCode: cls.provinceCode,
              targetGroup: cls.targetGroup,
              userId: e.userId,
              producerId: e.producerId,
              outcome,
              daysAttended: e.daysAttended,
              at: asOf.toISOString(),
            },
          });
        }
        await this.certificates.issue(tx, cls.provinceCode, cls.id, completed, asOf);
      }
      await this.outbox.enqueueEvents(tx, events);
      await writeAudit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        action: `class.${c.transition}`,
        entityType: 'training_class',
        entityId: cls.id,
        details: { from: locked.status, to: t.to },
      });
    });
    return classView((await this.classes.get(cls.id))!);
  }
}
