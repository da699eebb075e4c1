import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, ScoringEvents, type Actor, type AddAgendaCommand, type DossierScheduledData, type SessionView } from '@ocop/contracts';
import { treeForProductSet, type LegalVersionCode } from '@ocop/domain';
import { EventOutbox } from '@ocop/messaging';
import { now } from '@ocop/observability';
import { SessionItem } from './session-item.entity';
import { SessionsRepository } from './sessions.repository';
import { GetSessionQuery } from './get-session.query';
import { assertOrganiser } from './session.policy';
import { auditSessionChange } from './session.audit';
import { assertSheetsOpen, assertWrittenAgendaItem } from './written-consultation.policy';
import { EvaluationsRepository } from '../evaluations/evaluations.repository';
import { evaluationEventData } from '../evaluations/evaluation.workflow';
import { CatalogueLoader } from '../catalogue/catalogue.loader';
import { POLICY_CHECKED } from '../access/scoring-scope.policy';

/**
 * Puts dossiers awaiting a session at this council's tier and unit on the agenda, pinning the catalogue revision they are
 * scored against. A written consultation takes re-evaluation dossiers only, and none once its sheets are due.
 */
@Injectable()
export class AddToAgendaUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly outbox: EventOutbox,
    private readonly sessions: SessionsRepository,
    private readonly evaluations: EvaluationsRepository,
    private readonly catalogues: CatalogueLoader,
    private readonly getSession: GetSessionQuery,
  ) {}

  async execute(actor: Actor, c: AddAgendaCommand): Promise<SessionView> {
    await this.ds.transaction(async (tx) => {
      const state = await this.sessions.lockState(tx, POLICY_CHECKED, c.sessionId, 'pessimistic_write');
      if (!state) throw AppError.notFound('SESSION_NOT_FOUND', 'no such session');
      assertOrganiser(actor, state);
      state.assertOpen();
      assertSheetsOpen(state.session, now());
      const unique = [...new Set(c.evaluationIds)];
      // The organiser may schedule what waits at the council's tier and unit: checked item by item below.
      const evaluations = await this.evaluations.getManyForUpdate(tx, POLICY_CHECKED, unique);
      const byId = new Map(evaluations.map((e) => [e.id, e]));
      const council = state.council.council;
      let position = await this.sessions.agendaLength(tx, c.sessionId);
      const items: SessionItem[] = [];
      for (const [i, id] of c.evaluationIds.entries()) {
        if (c.evaluationIds.indexOf(id) !== i)
          throw AppError.validation('AGENDA_DUPLICATE', 'an evaluation is listed twice', `evaluationIds.${i}`);
        const e = byId.get(id);
        if (!e || e.tier !== council.tier || e.unitCode !== council.unitCode) {
          throw AppError.validation(
            'AGENDA_EVALUATION_UNKNOWN',
            `no dossier awaits evaluation by this council with id ${id}`,
            `evaluationIds.${i}`,
          );
        }
        if (e.status !== 'AWAITING_SESSION')
          throw AppError.conflict('AGENDA_EVALUATION_NOT_WAITING', `dossier ${e.dossierCode} is ${e.status}`, `evaluationIds.${i}`);
        assertWrittenAgendaItem(state.session, e, `evaluationIds.${i}`);
        const { revision, catalogue } = await this.catalogues.forLegalVersion(e.legalVersion as LegalVersionCode, tx);
        treeForProductSet(catalogue, e.productSetCode);
        items.push(
          Object.assign(new SessionItem(), {
            sessionId: c.sessionId,
            evaluationId: id,
            position: ++position,
            catalogueRevisionId: revision.id,
            spreadFlagged: false,
            outcome: null,
          }),
        );
        e.status = 'SCHEDULED';
        e.sessionId = c.sessionId;
      }
      await this.sessions.insertItems(tx, items);
      await this.evaluations.schedule(tx, unique, c.sessionId);
      await auditSessionChange(tx, actor, 'session.add-agenda', 'session', c.sessionId, { evaluationIds: unique });
      await this.outbox.enqueueEvents(
        tx,
        evaluations.map((e) => {
          const data: DossierScheduledData = { ...evaluationEventData(e), sessionId: c.sessionId, councilId: council.id };
          return { type: ScoringEvents.dossierScheduled, subject: e.dossierId, data };
        }),
      );
    });
    return this.getSession.execute(actor, c.sessionId);
  }
}
