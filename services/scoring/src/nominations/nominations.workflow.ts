import { Injectable } from '@nestjs/common';
import { ScoringEvents, type Actor } from '@ocop/contracts';
import { EventOutbox } from '@ocop/messaging';
import { writeAudit, type Tx } from '@ocop/persistence';
import { currentContext, now } from '@ocop/observability';
import type { Council } from '../councils/council.entity';
import type { CouncilNomination } from './nomination.entity';
import { NominationsRepository } from './nominations.repository';
import { nominationEventData } from './nomination.view';

/** The one way a nomination changes: saved with its audit record and event, in the caller's transaction. */
@Injectable()
export class NominationsWorkflow {
  constructor(
    private readonly nominations: NominationsRepository,
    private readonly outbox: EventOutbox,
  ) {}

  async record(
    tx: Tx,
    actor: Actor,
    n: CouncilNomination,
    action: string,
    event: typeof ScoringEvents.memberNominated | typeof ScoringEvents.nominationDecided,
  ): Promise<void> {
    await this.nominations.save(tx, n);
    await writeAudit(tx, {
      actorId: actor.id,
      actorRole: actor.role,
      action: `nomination.${action}`,
      entityType: 'council-nomination',
      entityId: n.id,
      details: { status: n.status, agencyCode: n.agencyCode, userId: n.userId, reason: n.reason, councilId: n.councilId },
      correlationId: currentContext()?.correlationId,
    });
    await this.outbox.enqueueEvent(tx, event, n.id, nominationEventData(n));
  }

  /** A council set up with accepted nominees of its unit seats them. */
  async seat(tx: Tx, actor: Actor, council: Council, userIds: string[]): Promise<void> {
    for (const n of await this.nominations.acceptedForUpdate(tx, council.tier, council.unitCode, userIds)) {
      Object.assign(n, { status: 'SEATED', councilId: council.id, decidedBy: actor.id, decidedAt: now() });
      await this.record(tx, actor, n, 'seat', ScoringEvents.nominationDecided);
    }
  }
}
