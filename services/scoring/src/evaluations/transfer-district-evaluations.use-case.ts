import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ScoringEvents, type Actor, type EvaluationTransferredData } from '@ocop/contracts';
import { Tier, districtTierActs, productSetNeedsSamples, tierModelInForce, type LegalVersionCode } from '@ocop/domain';
import { EventOutbox, type OutboxEvent } from '@ocop/messaging';
import { writeAudit } from '@ocop/persistence';
import { currentContext } from '@ocop/observability';
import { EvaluationsRepository } from './evaluations.repository';
import { evaluationEventData } from './evaluation.workflow';
import { SessionsRepository } from '../sessions/sessions.repository';
import { SCORING_CONFIG } from '../scoring.tokens';
import type { ScoringConfig } from '../config/scoring.config';

export interface DistrictTransferReport {
  asOf: string;
  /** False before 01/07/2025: district councils still act, nothing moves. */
  due: boolean;
  transferred: { evaluationId: string; dossierCode: string; fromUnitCode: string; toUnitCode: string; fromSessionId: string | null }[];
}

/**
 * The 2025 legal calendar: no district council meets on or after 01/07/2025, so every dossier still waiting at a
 * district (on its waiting list, or on the agenda of a district session that never closed) moves to its province's
 * waiting list. The evaluation is moved in place — same id, legal version, criteria, commune and district history;
 * score sheets of an unclosed district session stay stored but no longer count. Each move is audited and announced
 * (`scoring.evaluation-transferred.v1`, which registration records on the dossier and its timeline). Runs as of an
 * explicit instant (the job's); running it again moves nothing more.
 */
@Injectable()
export class TransferDistrictEvaluationsUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly outbox: EventOutbox,
    private readonly evaluations: EvaluationsRepository,
    private readonly sessions: SessionsRepository,
    @Inject(SCORING_CONFIG) private readonly config: ScoringConfig,
  ) {}

  async execute(actor: Actor, asOf: Date): Promise<DistrictTransferReport> {
    const report: DistrictTransferReport = { asOf: asOf.toISOString(), due: !districtTierActs(asOf), transferred: [] };
    if (!report.due) return report;
    return this.ds.transaction(async (tx) => {
      const waiting = await this.evaluations.waitingAtDistrictsForUpdate(tx);
      const events: OutboxEvent[] = [];
      for (const e of waiting) {
        const fromUnitCode = e.unitCode;
        const fromSessionId = e.status === 'SCHEDULED' ? e.sessionId : null;
        const model = tierModelInForce(e.legalVersion as LegalVersionCode, asOf, this.config.districtTransition);
        const step = model.steps.find((s) => s.tier === Tier.PROVINCE);
        const labState =
          step?.requiresLabResults && productSetNeedsSamples(e.productSetCode)
            ? e.labState === 'NOT_REQUIRED'
              ? 'PENDING'
              : e.labState
            : 'NOT_REQUIRED';
        if (fromSessionId) await this.sessions.removeItem(tx, fromSessionId, e.id);
        await this.evaluations.moveToProvince(tx, e, labState);
        Object.assign(e, { tier: Tier.PROVINCE, unitCode: e.provinceCode, status: 'AWAITING_SESSION', sessionId: null, labState });
        const ruleVi = model.transitionNoteVi ?? '';
        await writeAudit(tx, {
          actorId: actor.id,
          actorRole: actor.role,
          action: 'evaluation.transfer',
          entityType: 'evaluation',
          entityId: e.id,
          details: {
            dossierCode: e.dossierCode,
            fromTier: Tier.DISTRICT,
            fromUnitCode,
            toTier: Tier.PROVINCE,
            toUnitCode: e.unitCode,
            fromSessionId,
            asOf: asOf.toISOString(),
            rule: ruleVi,
          },
          correlationId: currentContext()?.correlationId,
        });
        const data: EvaluationTransferredData = {
          ...evaluationEventData(e),
          fromTier: Tier.DISTRICT,
          fromUnitCode,
          legalVersion: e.legalVersion,
          transferredAt: asOf.toISOString(),
          ruleVi,
          fromSessionId,
        };
        events.push({ type: ScoringEvents.evaluationTransferred, subject: e.dossierId, data });
        report.transferred.push({ evaluationId: e.id, dossierCode: e.dossierCode, fromUnitCode, toUnitCode: e.unitCode, fromSessionId });
      }
      await this.outbox.enqueueEvents(tx, events);
      return report;
    });
  }
}
