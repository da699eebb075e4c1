import { Ctx } from '@nestjs/microservices';
import { ScoringEvents, type EvaluationCompletedData } from '@ocop/contracts';
import { EventContext, OnEvent, RpcController, type EventConsumerSpec } from '@ocop/messaging';
import { InvitationWorkflow } from './invitation.workflow';

/** Scoring's outcomes, one at a time. */
const OUTCOMES: EventConsumerSpec = { name: 'evaluation-outcomes', concurrency: 1 };

/** A producer whose dossier fell short (no certificate at the tier that decides) is invited to a class for potential producers. */
@RpcController()
export class EvaluationOutcomesConsumer {
  constructor(private readonly invitations: InvitationWorkflow) {}

  @OnEvent(OUTCOMES, ScoringEvents.evaluationCompleted, { when: (e) => (e.data as EvaluationCompletedData).outcome === 'NO_CERTIFICATE' })
  async fellShort(@Ctx() ctx: EventContext): Promise<void> {
    const d = ctx.event.data as EvaluationCompletedData;
    await this.invitations.invite(ctx.tx, {
      producerId: d.producerId,
      provinceCode: d.provinceCode,
      targetGroup: 'POTENTIAL_PRODUCERS',
      reason: 'FELL_SHORT',
      at: new Date(d.completedAt),
      causedBy: ctx.event.id,
    });
  }
}
