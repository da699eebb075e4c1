import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  AppError,
  Role,
  ScoringEvents,
  type Actor,
  type EvaluationCompletedData,
  type EvaluationDeferredData,
  type MinutesDeferredView,
  type MinutesResultView,
  type MinutesView,
  type SessionClosedData,
} from '@ocop/contracts';
import {
  LEGAL_VERSIONS,
  evaluateDossier,
  formatPoints,
  meanText,
  routeEvaluation,
  tierModelInForce,
  treeForProductSet,
  type LegalVersionCode,
  type Tier,
} from '@ocop/domain';
import { EventOutbox, type OutboxEvent } from '@ocop/messaging';
import { SessionsRepository } from './sessions.repository';
import { ScoreSheetsRepository } from './score-sheets.repository';
import { assertTierActs } from './session.policy';
import { auditSessionChange } from './session.audit';
import { SCORING_CONFIG } from '../scoring.tokens';
import type { ScoringConfig } from '../config/scoring.config';
import { COUNCIL_ROLE_VI, DEFERRAL_VI, WRITTEN_DEFERRAL_VI, decisionVi, writtenConsultationMinutes } from './minutes.document';
import { assertMayCloseWritten, dossierQuorum, isWritten, missingSheets, respondents } from './written-consultation.policy';
import { Evaluation, type StoredResult } from '../evaluations/evaluation.entity';
import { EvaluationsRepository, type EvaluationCloseUpdate } from '../evaluations/evaluations.repository';
import { EvaluationWorkflow, evaluationEventData, unitAtTier } from '../evaluations/evaluation.workflow';
import { CatalogueLoader, type LoadedCatalogue } from '../catalogue/catalogue.loader';
import { readerScope } from '../access/scoring-scope.policy';

/**
 * Closing a session (the secretary, once the quorum is present): each dossier on the agenda is finalised —
 * exact mean, band, cap by mandatory criteria, routing — or deferred back to the waiting list with its reasons
 * (lab results missing or failed, sheets missing, spread unresolved). Results, minutes, forwarded evaluations
 * and events are written in one transaction.
 *
 * A written consultation closes after the deadline of its sheets, or before it once every sheet owed has arrived;
 * there is no attendance to check, the quorum is each dossier's on the sheets received (written-consultation.policy.ts):
 * a dossier is finalised on the sheets received (their mean) when its quorum is met, and deferred with SHEETS_MISSING
 * only when it is not. A consultation where no dossier meets it still closes (all deferred, back to the waiting list).
 */
@Injectable()
export class CloseSessionUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly outbox: EventOutbox,
    private readonly sessions: SessionsRepository,
    private readonly scoreSheets: ScoreSheetsRepository,
    private readonly evaluations: EvaluationsRepository,
    private readonly workflow: EvaluationWorkflow,
    private readonly catalogues: CatalogueLoader,
    @Inject(SCORING_CONFIG) private readonly config: ScoringConfig,
  ) {}

  async execute(actor: Actor, sessionId: string, asOf: Date): Promise<MinutesView> {
    return this.ds.transaction(async (tx) => {
      const state = await this.sessions.lockState(tx, readerScope(actor), sessionId, 'pessimistic_write');
      if (!state) throw AppError.notFound('SESSION_NOT_FOUND', 'no such session');
      const { council, members } = state.council;
      if (actor.role !== Role.COUNCIL_MEMBER || state.secretary()?.userId !== actor.id) {
        throw AppError.forbidden('SESSION_SECRETARY_ONLY', "only the council's secretary closes a session");
      }
      state.assertOpen();
      assertTierActs(council.tier, asOf);
      const written = isWritten(state.session);
      if (!written) {
        const quorum = state.quorum();
        if (!quorum.met) {
          throw AppError.conflict(
            'SESSION_QUORUM_NOT_MET',
            `${quorum.present} scoring members present, ${quorum.required} required${quorum.chairRequired && !quorum.chairPresent ? ' and the chair must be present' : ''}`,
          );
        }
      }
      const items = await this.sessions.agenda(state, tx);
      if (items.length === 0) throw AppError.rule('SESSION_AGENDA_EMPTY', 'the session has no dossiers on its agenda');
      const evaluations = new Map((await this.evaluations.onAgenda(items, tx)).map((e) => [e.id, e]));
      const sheets = await this.scoreSheets.ofSession(state, tx);
      const agenda = items
        .map((i) => evaluations.get(i.evaluationId)!)
        .map((e) => ({ evaluationId: e.id, producerId: e.producerId, dossierCode: e.dossierCode }));
      const missing = missingSheets(state, agenda, sheets);
      assertMayCloseWritten(state.session, asOf, missing);
      const quorum = written ? state.quorumOf(respondents(state, sheets)) : state.quorum();
      const missingOpinions = await this.evaluations.missingOpinions(tx, [...evaluations.values()]);
      const names = new Map(members.map((m) => [m.id, m.fullName]));
      const closedAt = asOf.toISOString();
      const results: MinutesResultView[] = [];
      const deferred: MinutesDeferredView[] = [];
      const updates: EvaluationCloseUpdate[] = [];
      const catalogueTitles = new Set<string>();
      const events: OutboxEvent[] = [];
      const revisions = new Map<string, LoadedCatalogue>();
      const transitionNotes = new Set<string>();

      for (const item of items) {
        const e = evaluations.get(item.evaluationId)!;
        const eligible = state.eligible(e.producerId);
        const eligibleIds = new Set(eligible.map((m) => m.id));
        const own = sheets.filter((s) => s.evaluationId === e.id && eligibleIds.has(s.memberId));
        const reasons: string[] = [];
        if (eligible.length === 0) reasons.push('NO_ELIGIBLE_MEMBERS');
        else if (
          written ? !dossierQuorum(state, { evaluationId: e.id, producerId: e.producerId }, sheets).met : own.length < eligible.length
        )
          reasons.push('SHEETS_MISSING');
        if (e.labState === 'PENDING') reasons.push('LAB_RESULT_MISSING');
        if (e.labState === 'FAILED') reasons.push('LAB_RESULT_FAILED');
        if (missingOpinions.has(e.id)) reasons.push('AGENCY_OPINION_MISSING');
        if (state.spread(own.map((s) => s.total))?.exceeded) reasons.push('SPREAD_UNRESOLVED');
        if (reasons.length) {
          const lastDeferral = { sessionId, reasons, at: closedAt };
          updates.push({ id: e.id, status: 'AWAITING_SESSION', session_id: null, result: null, last_deferral: lastDeferral });
          item.outcome = 'DEFERRED';
          deferred.push({
            evaluationId: e.id,
            dossierCode: e.dossierCode,
            productName: e.productName,
            reasons,
            reasonVi: reasons.map((r) => (written ? WRITTEN_DEFERRAL_VI[r] : undefined) ?? DEFERRAL_VI[r]).join('; '),
          });
          const data: EvaluationDeferredData = { ...evaluationEventData(e), sessionId, reasons };
          events.push({ type: ScoringEvents.evaluationDeferred, subject: e.dossierId, data });
          continue;
        }
        const loaded = revisions.get(item.catalogueRevisionId) ?? (await this.catalogues.byRevisionId(item.catalogueRevisionId, tx));
        revisions.set(item.catalogueRevisionId, loaded);
        const { revision, catalogue } = loaded;
        catalogueTitles.add(
          `${catalogue.titleVi} (mã ${revision.code}, bản sửa đổi ${revision.revision}${catalogue.status === 'PROVISIONAL' ? ', tạm thời' : ''})`,
        );
        const scored = own.map((s) => ({ totalHundredths: s.total, partTotals: s.partTotals, criterionPoints: s.criterionPoints }));
        const ev = evaluateDossier(treeForProductSet(catalogue, e.productSetCode), scored, { spreadLimitHundredths: council.spreadLimit });
        // The tier model in force on the closing day: from 01/07/2025 a "148" dossier has no district step (2025 calendar).
        const model = tierModelInForce(e.legalVersion as LegalVersionCode, asOf, this.config.districtTransition);
        if (model.transitionNoteVi) transitionNotes.add(model.transitionNoteVi);
        const provisionalCriteria = catalogue.status === 'PROVISIONAL';
        let decision = routeEvaluation(model, e.tier as Tier, ev.rank);
        // No decision or certificate from provisional criteria unless an operator allowed it (ALLOW_PROVISIONAL_CERTIFICATION).
        let withheldReason: 'PROVISIONAL_CRITERIA' | null = null;
        if (provisionalCriteria && decision.outcome === 'CERTIFY' && !this.config.allowProvisionalCertification) {
          withheldReason = 'PROVISIONAL_CRITERIA';
          decision = { outcome: 'NO_CERTIFICATE', stars: decision.stars, certifyingTier: null, nextTier: null };
        }
        const capReasons = ev.capReasons.map((c) => ({
          stars: c.stars,
          criterionCode: c.criterionCode,
          labelVi: c.labelVi,
          required: formatPoints(c.requiredHundredths),
          mean: formatPoints(c.meanFloorHundredths),
        }));
        const result: StoredResult = {
          sessionId,
          sheetCount: ev.sheetCount,
          sumHundredths: ev.sumHundredths,
          mean: meanText(ev.sumHundredths, ev.sheetCount),
          band: ev.band,
          cap: ev.cap,
          rank: ev.rank,
          capReasons,
          outcome: decision.outcome,
          stars: decision.stars,
          certifyingTier: decision.certifyingTier,
          authorityUnitCode: decision.certifyingTier ? unitAtTier(decision.certifyingTier, e) : null,
          nextTier: decision.nextTier,
          catalogueCode: revision.code,
          catalogueRevision: revision.revision,
          completedAt: closedAt,
          provisionalCriteria,
          withheldReason,
        };
        updates.push({ id: e.id, status: 'COMPLETED', session_id: sessionId, result, last_deferral: e.lastDeferral });
        item.outcome = 'COMPLETED';
        results.push({
          order: results.length + 1,
          evaluationId: e.id,
          dossierId: e.dossierId,
          dossierCode: e.dossierCode,
          productName: e.productName,
          producerName: e.producerName,
          productSetCode: e.productSetCode,
          sheetCount: ev.sheetCount,
          totals: Object.fromEntries(own.map((s) => [names.get(s.memberId) ?? s.memberId, formatPoints(s.total)])),
          mean: result.mean,
          band: ev.band,
          rank: ev.rank,
          capReasons,
          outcome: decision.outcome,
          stars: decision.stars,
          certifyingTier: decision.certifyingTier,
          decisionVi: decisionVi({ ...decision, rank: ev.rank }, e.tier, decision.nextTier, withheldReason),
          excludedMembers: state.conflicted(e.producerId).map((m) => m.fullName),
          spreadFlagged: item.spreadFlagged,
        });
        const data: EvaluationCompletedData = {
          ...evaluationEventData(e),
          sessionId,
          councilId: council.id,
          legalVersion: e.legalVersion,
          catalogueCode: revision.code,
          catalogueRevision: revision.revision,
          sheetCount: ev.sheetCount,
          sumHundredths: ev.sumHundredths,
          mean: result.mean,
          band: ev.band,
          rank: ev.rank,
          capReasons,
          outcome: decision.outcome,
          stars: decision.stars,
          certifyingTier: decision.certifyingTier,
          authorityUnitCode: result.authorityUnitCode,
          nextTier: decision.nextTier,
          productName: e.productName,
          producerName: e.producerName,
          productSetCode: e.productSetCode,
          dossierKind: e.dossierKind,
          producerDistrictCode: e.districtCode,
          completedAt: closedAt,
          provisionalCriteria,
          withheldReason,
        };
        events.push({ type: ScoringEvents.evaluationCompleted, subject: e.dossierId, data });
        if (decision.outcome === 'FORWARD' && decision.nextTier) {
          const next = Object.assign(new Evaluation(), {
            ...e,
            id: randomUUID(),
            tier: decision.nextTier,
            unitCode: unitAtTier(decision.nextTier, e),
            status: 'AWAITING_SESSION',
            sessionId: null,
            forwardedFrom: e.id,
            lastDeferral: null,
            result: null,
            createdAt: undefined,
            labState: e.labState === 'PASSED' ? 'PASSED' : 'NOT_REQUIRED',
            labReference: e.labState === 'PASSED' ? e.labReference : null,
          });
          await this.workflow.open(tx, next);
        }
      }

      await this.outbox.enqueueEvents(tx, events);
      await this.evaluations.applyCloseUpdates(tx, updates);
      await this.sessions.setOutcomes(tx, sessionId, items);

      // A written consultation has no attendance: a member "present" in its minutes is one who sent sheets.
      const present = new Set(written ? respondents(state, sheets).map((m) => m.id) : state.session.presentMemberIds);
      const legalVersions = new Set([...evaluations.values()].map((e) => e.legalVersion));
      const minutes: MinutesView = {
        sessionId,
        reference: state.session.reference,
        councilId: council.id,
        councilNameVi: council.name,
        authorityVi: council.authorityName,
        placeVi: council.placeName,
        tier: council.tier,
        sessionTitle: state.session.title,
        location: state.session.location,
        openedAt: state.session.scheduledFor.toISOString(),
        closedAt,
        legalBasisVi: [...LEGAL_VERSIONS.filter((v) => legalVersions.has(v.code)).map((v) => v.decisionVi), ...transitionNotes],
        catalogueVi: [...catalogueTitles].join('; '),
        mode: state.session.mode ?? 'MEETING',
        writtenConsultation: written
          ? writtenConsultationMinutes(
              state.session.sheetsDueAt!,
              respondents(state, sheets).map((m) => m.fullName),
              [...missing.keys()].map((m) => m.fullName),
            )
          : null,
        quorum,
        members: members.map((m) => ({
          memberId: m.id,
          fullName: m.fullName,
          agency: m.agency,
          role: m.role,
          roleVi: COUNCIL_ROLE_VI[m.role] ?? m.role,
          present: present.has(m.id),
        })),
        results,
        deferred,
        chairName: members.find((m) => m.role === 'CHAIR')?.fullName ?? null,
        secretaryName: state.secretary()?.fullName ?? null,
      };
      await this.sessions.close(tx, sessionId, { closedAt: asOf, closedBy: actor.id, minutes });
      await auditSessionChange(tx, actor, 'session.close', 'session', sessionId, {
        reference: state.session.reference,
        completed: results.length,
        deferred: deferred.length,
        quorum,
      });
      const closed: SessionClosedData = {
        sessionId,
        councilId: council.id,
        reference: state.session.reference,
        completed: results.length,
        deferred: deferred.length,
        closedAt,
      };
      await this.outbox.enqueueEvent(tx, ScoringEvents.sessionClosed, sessionId, closed);
      return minutes;
    });
  }
}
