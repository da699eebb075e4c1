import { Ctx, Payload } from '@nestjs/microservices';
import {
  CertificationEvents,
  RegistrationEvents,
  ScoringEvents,
  SYSTEM_ACTOR,
  type CertificateIssuedData,
  type DossierScheduledData,
  type EvaluationCompletedData,
  type EventEnvelope,
  type EvaluationTransferredData,
} from '@ocop/contracts';
import { DossierAction, DossierStatus, allowedDossierActions } from '@ocop/domain';
import { writeAudit, type Tx } from '@ocop/persistence';
import { EventContext, OnEvent, RpcController, type EventConsumerSpec } from '@ocop/messaging';
import { DossierWorkflow, type DossierEventType } from './dossier.workflow';
import { DossiersRepository } from './dossiers.repository';

/**
 * Keeps the dossier's overall status in step with scoring and certification: on an agenda → UNDER_EVALUATION;
 * completed with FORWARD → FORWARDED (until the next tier schedules it), NO_CERTIFICATE → NOT_CERTIFIED. CERTIFY
 * leaves it UNDER_EVALUATION until certification issues the certificate → CERTIFIED. One consumer for both
 * services, so the stream order holds: a dossier is scheduled before it completes, and completes before its
 * certificate is issued.
 */
/** One at a time, in stream order: a dossier's scheduling precedes its completion, which precedes its certificate. */
const EVALUATION_PROGRESS: EventConsumerSpec = { name: 'evaluation-progress', concurrency: 1 };

@RpcController()
export class EvaluationProgressConsumer {
  constructor(
    private readonly workflow: DossierWorkflow,
    private readonly dossiers: DossiersRepository,
  ) {}

  @OnEvent(EVALUATION_PROGRESS, ScoringEvents.dossierScheduled)
  scheduled(@Ctx() ctx: EventContext): Promise<void> {
    return this.advance(ctx.event, ctx.tx, DossierAction.START_EVALUATION, RegistrationEvents.dossierEvaluationStarted);
  }

  @OnEvent(EVALUATION_PROGRESS, ScoringEvents.evaluationCompleted)
  async completed(@Payload() data: EvaluationCompletedData, @Ctx() ctx: EventContext): Promise<void> {
    if (data.outcome === 'FORWARD') await this.advance(ctx.event, ctx.tx, DossierAction.FORWARD, RegistrationEvents.dossierForwarded);
    if (data.outcome === 'NO_CERTIFICATE')
      await this.advance(ctx.event, ctx.tx, DossierAction.DECLINE, RegistrationEvents.dossierNotCertified);
  }

  @OnEvent(EVALUATION_PROGRESS, ScoringEvents.evaluationTransferred)
  onTransferred(@Ctx() ctx: EventContext): Promise<void> {
    return this.transferred(ctx.event, ctx.tx);
  }

  @OnEvent(EVALUATION_PROGRESS, CertificationEvents.certificateIssued)
  certified(@Payload() c: CertificateIssuedData, @Ctx() ctx: EventContext): Promise<void> {
    return this.advance(ctx.event, ctx.tx, DossierAction.CERTIFY, RegistrationEvents.dossierCertified, {
      causedBy: ctx.event.type,
      certificateId: c.certificateId,
      certificateNumber: c.number,
      certificateCode: c.code,
      stars: c.stars,
      validFrom: c.validFrom,
      validTo: c.validTo,
      evaluationId: c.evaluationId,
    });
  }

  /**
   * The 2025 calendar moved the dossier from its district's waiting list to the province's: the dossier now awaits the
   * province (its status, legal version and history unchanged). Audited; the event itself is on the timeline.
   */
  private async transferred(e: EventEnvelope, tx: Tx): Promise<void> {
    const data = e.data as EvaluationTransferredData;
    const d = await this.dossiers.getForSystem(data.dossierId, tx);
    if (!d || (d.proposedTier === data.tier && d.proposedToUnitCode === data.unitCode)) return;
    const from = { tier: d.proposedTier, unitCode: d.proposedToUnitCode };
    d.proposedTier = data.tier;
    d.proposedToUnitCode = data.unitCode;
    await this.dossiers.save(tx, d);
    await writeAudit(tx, {
      actorId: SYSTEM_ACTOR.id,
      actorRole: SYSTEM_ACTOR.role,
      action: 'dossier.transfer',
      entityType: 'dossier',
      entityId: d.id,
      details: { from, to: { tier: data.tier, unitCode: data.unitCode }, causedBy: e.id, rule: data.ruleVi },
      correlationId: e.correlationid,
    });
  }

  /** Takes the action when the dossier's status allows it; a redelivery or an out-of-date event changes nothing. */
  private async advance(
    e: EventEnvelope,
    tx: Tx,
    action: DossierAction,
    eventType: DossierEventType,
    extra?: Record<string, unknown>,
  ): Promise<void> {
    const data = e.data as DossierScheduledData | EvaluationCompletedData | CertificateIssuedData;
    const d = await this.dossiers.getForSystem(data.dossierId, tx);
    if (!d || !allowedDossierActions(d.status as DossierStatus).includes(action)) return;
    await this.workflow.transition(
      SYSTEM_ACTOR,
      d.id,
      {
        action,
        event: eventType,
        apply: async () =>
          extra ?? {
            causedBy: e.type,
            tier: data.tier,
            sessionId: 'sessionId' in data ? data.sessionId : null,
            evaluationId: data.evaluationId,
          },
      },
      tx,
    );
  }
}
