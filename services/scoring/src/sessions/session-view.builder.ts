import { Injectable } from '@nestjs/common';
import type { SessionView } from '@ocop/contracts';
import { productSetNeedsSamples, tierModelFor, type LegalVersionCode, type Tier } from '@ocop/domain';
import { SessionState } from './session-state.policy';
import { SessionsRepository } from './sessions.repository';
import { ScoreSheetsRepository } from './score-sheets.repository';
import { EvaluationsRepository } from '../evaluations/evaluations.repository';
import { CatalogueLoader } from '../catalogue/catalogue.loader';
import { isWritten, respondents } from './written-consultation.policy';

/** A session as its readers see it: agenda with sheet counts, spreads and lab gates, quorum. */
@Injectable()
export class SessionViewBuilder {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly sheets: ScoreSheetsRepository,
    private readonly evaluations: EvaluationsRepository,
    private readonly catalogues: CatalogueLoader,
  ) {}

  async build(state: SessionState): Promise<SessionView> {
    const s = state.session;
    const council = state.council.council;
    const items = await this.sessions.agenda(state);
    const evaluations = await this.evaluations.onAgenda(items);
    const byId = new Map(evaluations.map((e) => [e.id, e]));
    const sheets = await this.sheets.totals(state);
    const revisions = new Map<string, { code: string; revision: number }>();
    for (const id of new Set(items.map((i) => i.catalogueRevisionId))) {
      const { revision } = await this.catalogues.byRevisionId(id);
      revisions.set(id, { code: revision.code, revision: revision.revision });
    }
    return {
      id: s.id,
      councilId: council.id,
      councilName: council.name,
      tier: council.tier,
      unitCode: council.unitCode,
      title: s.title,
      location: s.location,
      scheduledFor: s.scheduledFor.toISOString(),
      status: s.status,
      reference: s.reference,
      mode: s.mode,
      sheetsDueAt: s.sheetsDueAt?.toISOString() ?? null,
      presentMemberIds: s.presentMemberIds,
      // A written consultation counts the members who have sent sheets (each dossier's own quorum decides at closing).
      quorum: isWritten(s) ? state.quorumOf(respondents(state, sheets)) : state.quorum(),
      closedAt: s.closedAt?.toISOString() ?? null,
      createdAt: s.createdAt.toISOString(),
      items: items.map((item) => {
        const e = byId.get(item.evaluationId)!;
        const eligible = new Set(state.eligible(e.producerId).map((m) => m.id));
        const totals = sheets.filter((x) => x.evaluationId === e.id && eligible.has(x.memberId)).map((x) => x.total);
        const step = tierModelFor(e.legalVersion as LegalVersionCode).steps.find((st) => st.tier === (e.tier as Tier));
        return {
          position: item.position,
          evaluationId: e.id,
          dossierId: e.dossierId,
          dossierCode: e.dossierCode,
          productName: e.productName,
          producerName: e.producerName,
          productSetCode: e.productSetCode,
          catalogueCode: revisions.get(item.catalogueRevisionId)!.code,
          catalogueRevision: revisions.get(item.catalogueRevisionId)!.revision,
          expectedSheets: eligible.size,
          submittedSheets: totals.length,
          excludedMemberIds: state.conflicted(e.producerId).map((m) => m.id),
          spread: state.spread(totals),
          spreadFlagged: item.spreadFlagged,
          labRequired: Boolean(step?.requiresLabResults && productSetNeedsSamples(e.productSetCode)),
          labState: e.labState,
          outcome: item.outcome,
        };
      }),
    };
  }
}
