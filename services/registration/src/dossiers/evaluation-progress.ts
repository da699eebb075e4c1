import { Injectable } from '@nestjs/common';
import {
  CertificationEvents, RegistrationEvents, ScoringEvents, SYSTEM_ACTOR, type CertificateIssuedData, type EvaluationCompletedData, type EventEnvelope,
} from '@ocop/contracts';
import { DossierAction, DossierStatus, allowedDossierActions } from '@ocop/domain';
import { UnrecoverableEventError } from '@ocop/messaging';
import type { Tx } from '@ocop/persistence';
import { DossierWorkflow } from './dossier-workflow';
import { DossiersRepository } from './dossiers.repository';
import { readScopeOf } from '../scope/read-scope';

/**
 * Keeps the dossier's overall status in step with scoring and certification: on an agenda → UNDER_EVALUATION;
 * completed with FORWARD → FORWARDED (until the next tier schedules it), NO_CERTIFICATE → NOT_CERTIFIED. CERTIFY
 * leaves it UNDER_EVALUATION until certification issues the certificate → CERTIFIED. One consumer for both
 * services, so the stream order holds: a dossier is scheduled before it completes, and completes before its
 * certificate is issued.
 */
@Injectable()
export class EvaluationProgress {
  constructor(private readonly workflow: DossierWorkflow, private readonly dossiers: DossiersRepository) {}

  handlers(): Record<string, (e: EventEnvelope, tx: Tx) => Promise<void>> {
    return {
      [ScoringEvents.dossierScheduled]: (e, tx) => this.advance(e, tx, DossierAction.START_EVALUATION, RegistrationEvents.dossierEvaluationStarted),
      [ScoringEvents.evaluationCompleted]: async (e, tx) => {
        const data = e.data as EvaluationCompletedData;
        if (data.outcome === 'FORWARD') await this.advance(e, tx, DossierAction.FORWARD, RegistrationEvents.dossierForwarded);
        if (data.outcome === 'NO_CERTIFICATE') await this.advance(e, tx, DossierAction.DECLINE, RegistrationEvents.dossierNotCertified);
      },
      [CertificationEvents.certificateIssued]: (e, tx) => {
        const c = e.data as Partial<CertificateIssuedData>;
        if (typeof c.certificateId !== 'string' || typeof c.number !== 'string') throw new UnrecoverableEventError(`${e.type} ${e.id} has no certificate id or number`);
        return this.advance(e, tx, DossierAction.CERTIFY, RegistrationEvents.dossierCertified, {
          causedBy: e.type, certificateId: c.certificateId, certificateNumber: c.number, certificateCode: c.code ?? null, stars: c.stars ?? null,
          validFrom: c.validFrom ?? null, validTo: c.validTo ?? null, evaluationId: c.evaluationId ?? null,
        });
      },
    };
  }

  /** Takes the action when the dossier's status allows it; a redelivery or an out-of-date event changes nothing. */
  private async advance(e: EventEnvelope, tx: Tx, action: DossierAction, eventType: string, extra?: Record<string, unknown>): Promise<void> {
    const data = e.data as { dossierId?: unknown; tier?: string; sessionId?: string; evaluationId?: string };
    if (typeof data.dossierId !== 'string') throw new UnrecoverableEventError(`${e.type} ${e.id} has no dossierId`);
    const d = await this.dossiers.get(readScopeOf(SYSTEM_ACTOR), data.dossierId, tx);
    if (!d || !allowedDossierActions(d.status as DossierStatus).includes(action)) return;
    await this.workflow.transition(SYSTEM_ACTOR, d.id, {
      action, roles: [SYSTEM_ACTOR.role], event: eventType,
      apply: async () => extra ?? { causedBy: e.type, tier: data.tier ?? null, sessionId: data.sessionId ?? null, evaluationId: data.evaluationId ?? null },
    }, tx);
  }
}
