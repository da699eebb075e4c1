import { Injectable } from '@nestjs/common';
import { ScoringEvents, type Actor, type EvaluationOpenedData } from '@ocop/contracts';
import { productSetNeedsSamples, tierModelFor, type LegalVersionCode, type Tier } from '@ocop/domain';
import { EventOutbox, UnrecoverableEventError } from '@ocop/messaging';
import { writeAudit, type Tx } from '@ocop/persistence';
import { currentContext } from '@ocop/observability';
import type { Evaluation } from './evaluation.entity';
import { EvaluationsRepository } from './evaluations.repository';

/** The unit whose council evaluates at `tier`: the dossier's district, its province, or the ministry ("VN"). */
export function unitAtTier(tier: string, e: { provinceCode: string; districtCode: string | null }): string | null {
  return tier === 'DISTRICT' ? e.districtCode : tier === 'PROVINCE' ? e.provinceCode : 'VN';
}

/** What every scoring event about an evaluation carries. */
export function evaluationEventData(e: Evaluation) {
  return {
    dossierId: e.dossierId,
    dossierCode: e.dossierCode,
    evaluationId: e.id,
    productId: e.productId,
    producerId: e.producerId,
    tier: e.tier,
    unitCode: e.unitCode,
    provinceCode: e.provinceCode,
  };
}

/** The steps of an evaluation's life that several use cases take: opening it at a tier, recording its lab state. */
@Injectable()
export class EvaluationWorkflow {
  constructor(
    private readonly outbox: EventOutbox,
    private readonly evaluations: EvaluationsRepository,
  ) {}

  /** Inserts an evaluation at its tier (once per dossier and tier, whatever the redeliveries) and announces it. */
  async open(tx: Tx, e: Evaluation): Promise<void> {
    const step = tierModelFor(e.legalVersion as LegalVersionCode).steps.find((s) => s.tier === (e.tier as Tier));
    if (!step) throw new UnrecoverableEventError(`tier ${e.tier} is not part of legal version ${e.legalVersion}`);
    if (step.requiresLabResults && productSetNeedsSamples(e.productSetCode)) {
      if (e.labState === 'NOT_REQUIRED') e.labState = 'PENDING';
    } else {
      e.labState = 'NOT_REQUIRED';
    }
    if (!(await this.evaluations.insertIfAbsent(tx, e))) return; // the dossier already has an evaluation at this tier
    const data: EvaluationOpenedData = { ...evaluationEventData(e), legalVersion: e.legalVersion, forwardedFrom: e.forwardedFrom };
    await this.outbox.enqueueEvent(tx, ScoringEvents.evaluationOpened, e.dossierId, data);
  }

  /** Records the lab state (the office's entry or inspection's result), audited and announced. */
  async applyLabState(tx: Tx, actor: Actor, e: Evaluation, state: string, reference: string | null, causedBy?: string): Promise<void> {
    const from = e.labState;
    e.labState = state;
    e.labReference = reference;
    await this.evaluations.setLabState(tx, e.id, e.labState, e.labReference);
    await writeAudit(tx, {
      actorId: actor.id,
      actorRole: actor.role,
      action: 'evaluation.lab-result',
      entityType: 'evaluation',
      entityId: e.id,
      details: { from, to: state, reference, causedBy: causedBy ?? null },
      correlationId: currentContext()?.correlationId,
    });
    await this.outbox.enqueueEvent(tx, ScoringEvents.labResultRecorded, e.dossierId, {
      ...evaluationEventData(e),
      labState: e.labState,
      reference: e.labReference,
    });
  }
}
