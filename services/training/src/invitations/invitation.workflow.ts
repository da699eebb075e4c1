import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { SYSTEM_ACTOR, TrainingEvents as E } from '@ocop/contracts';
import { vietnamDay } from '@ocop/domain';
import { EventOutbox } from '@ocop/messaging';
import { writeAudit, type Tx } from '@ocop/persistence';
import { ClassesRepository } from '../classes/classes.repository';
import { Invitation } from './invitation.entity';
import { InvitationsRepository } from './invitations.repository';

/**
 * Invites a producer to the province's next class open for a target group, once per producer and class (the
 * invitation's key), with its event and audit record, in the consumer's transaction. No open class: no invitation.
 */
@Injectable()
export class InvitationWorkflow {
  constructor(
    private readonly classes: ClassesRepository,
    private readonly invitations: InvitationsRepository,
    private readonly outbox: EventOutbox,
  ) {}

  async invite(
    tx: Tx,
    o: { producerId: string; provinceCode: string; targetGroup: string; reason: string; at: Date; causedBy: string },
  ): Promise<void> {
    const cls = await this.classes.nextOpen(tx, o.provinceCode, o.targetGroup, vietnamDay(o.at));
    if (!cls) return;
    const invitation = Object.assign(new Invitation(), {
      id: randomUUID(),
      producerId: o.producerId,
      classId: cls.id,
      provinceCode: o.provinceCode,
      reason: o.reason,
      causeKey: `${o.reason.toLowerCase()}:${cls.id}`,
      createdAt: o.at,
    });
    if (!(await this.invitations.insertIfNew(tx, invitation))) return;
    await this.outbox.enqueueEvent(tx, E.producerInvited, invitation.id, {
      invitationId: invitation.id,
      producerId: o.producerId,
      classId: cls.id,
      provinceCode: o.provinceCode,
      reason: o.reason,
      at: o.at.toISOString(),
    });
    await writeAudit(tx, {
      actorId: SYSTEM_ACTOR.id,
      actorRole: SYSTEM_ACTOR.role,
      action: 'invitation.create',
      entityType: 'invitation',
      entityId: invitation.id,
      details: { producerId: o.producerId, classId: cls.id, reason: o.reason, causedBy: o.causedBy },
    });
  }
}
