import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import {
  AppError,
  DEFAULT_PAGE,
  Role,
  ScoringEvents,
  type Actor,
  type AddAgendaCommand,
  type AttendanceCommand,
  type CreateSessionCommand,
  type DossierScheduledData,
  type ListSessionsQuery,
  type SessionView,
  type SheetView,
  type SheetsQuery,
  type SubmitSheetCommand,
} from '@ocop/contracts';
import {
  Tier as TierCode,
  cycleYear,
  districtTierActs,
  formatPoints,
  productSetNeedsSamples,
  scoreSheet,
  tierModelFor,
  treeForProductSet,
  type LegalVersionCode,
  type Tier,
} from '@ocop/domain';
import { EventOutbox } from '@ocop/messaging';
import { writeAudit, type Tx } from '@ocop/persistence';
import { currentContext, now } from '@ocop/observability';
import { Session } from './session.entity';
import { SessionItem } from './session-item.entity';
import { ScoreSheet } from './score-sheet.entity';
import { SessionState } from './session-state';
import { Evaluation } from '../evaluations/evaluation.entity';
import { EvaluationsUseCases } from '../evaluations/evaluations.use-cases';
import { CouncilsUseCases } from '../councils/councils.use-cases';
import { CatalogueService } from '../catalogue/catalogue.service';
import { canManageUnit, canReadUnit } from '../access/access';

const audit = (tx: Tx, actor: Actor, action: string, entityType: string, entityId: string, details: Record<string, unknown>) =>
  writeAudit(tx, {
    actorId: actor.id,
    actorRole: actor.role,
    action,
    entityType,
    entityId,
    details,
    correlationId: currentContext()?.correlationId,
  });

/** No district council meets on or after 01/07/2025 (the 2025 legal calendar): its dossiers are the province's. */
export function assertTierActs(tier: string, asOf: Date): void {
  if (tier === TierCode.DISTRICT && !districtTierActs(asOf)) {
    throw AppError.rule(
      'DISTRICT_TIER_CEASED',
      "district councils and People's Committees ceased on 01/07/2025; dossiers waiting at a district are evaluated by the province",
    );
  }
}

/** Council sessions: creation, agenda, attendance and score sheets (closing is CloseSessionUseCase). */
@Injectable()
export class SessionsUseCases {
  constructor(
    private readonly ds: DataSource,
    private readonly outbox: EventOutbox,
    private readonly councils: CouncilsUseCases,
    private readonly evaluations: EvaluationsUseCases,
    private readonly catalogues: CatalogueService,
  ) {}

  async create(actor: Actor, c: CreateSessionCommand, asOf: Date): Promise<SessionView> {
    const council = await this.councils.load(c.councilId);
    this.assertOrganiser(actor, new SessionState({ presentMemberIds: [] } as unknown as Session, council));
    assertTierActs(council.council.tier, asOf);
    const id = randomUUID();
    await this.ds.transaction(async (tx) => {
      const year = cycleYear(asOf);
      const [{ last_number: n }] = (await tx.query(
        `INSERT INTO scoring.session_reference_counter (scope, last_number) VALUES ($1, 1)
         ON CONFLICT (scope) DO UPDATE SET last_number = session_reference_counter.last_number + 1 RETURNING last_number`,
        [`${council.council.unitCode}-${year}`],
      )) as { last_number: number }[];
      const reference = `BB-${council.council.unitCode}-${year}-${String(n).padStart(4, '0')}`;
      await tx.insert(
        Session,
        Object.assign(new Session(), {
          id,
          councilId: council.council.id,
          reference,
          title: c.title,
          location: c.location ?? null,
          scheduledFor: new Date(c.scheduledFor),
          status: 'OPEN',
          presentMemberIds: [],
          minutes: null,
          closedAt: null,
          closedBy: null,
          createdBy: actor.id,
        }),
      );
      await audit(tx, actor, 'session.create', 'session', id, { councilId: c.councilId, reference, title: c.title });
    });
    return this.get(actor, id);
  }

  /** Puts dossiers awaiting a session at this council's tier and unit on the agenda, pinning the catalogue revision they are scored against. */
  async addAgenda(actor: Actor, c: AddAgendaCommand): Promise<SessionView> {
    await this.ds.transaction(async (tx) => {
      const state = await this.lockedState(tx, c.sessionId, 'pessimistic_write');
      this.assertOrganiser(actor, state);
      state.assertOpen();
      const unique = [...new Set(c.evaluationIds)];
      const evaluations = await tx
        .getRepository(Evaluation)
        .createQueryBuilder('e')
        .where('e.id IN (:...ids)', { ids: unique })
        .setLock('pessimistic_write')
        .getMany();
      const byId = new Map(evaluations.map((e) => [e.id, e]));
      const council = state.council.council;
      let position = await tx.count(SessionItem, { where: { sessionId: c.sessionId } });
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
      await tx.insert(SessionItem, items);
      await tx.update(Evaluation, { id: In(unique) }, { status: 'SCHEDULED', sessionId: c.sessionId });
      await audit(tx, actor, 'session.add-agenda', 'session', c.sessionId, { evaluationIds: unique });
      await this.outbox.enqueueMany(
        tx,
        evaluations.map((e) => {
          const data: DossierScheduledData = { ...this.evaluations.eventData(e), sessionId: c.sessionId, councilId: council.id };
          return { type: ScoringEvents.dossierScheduled, subject: e.dossierId, data };
        }),
      );
    });
    return this.get(actor, c.sessionId);
  }

  /** Records who is present (replaces the list). Members marked absent keep their sheets, which no longer count. */
  async attendance(actor: Actor, c: AttendanceCommand): Promise<SessionView> {
    await this.ds.transaction(async (tx) => {
      const state = await this.lockedState(tx, c.sessionId, 'pessimistic_write');
      this.assertOrganiser(actor, state);
      state.assertOpen();
      const members = new Set(state.council.members.map((m) => m.id));
      c.presentMemberIds.forEach((id, i) => {
        if (!members.has(id)) throw AppError.validation('COUNCIL_MEMBER_UNKNOWN', 'not a member of this council', `presentMemberIds.${i}`);
      });
      const present = [...new Set(c.presentMemberIds)];
      await tx.update(Session, { id: c.sessionId }, { presentMemberIds: present });
      await audit(tx, actor, 'session.attendance', 'session', c.sessionId, { from: state.session.presentMemberIds, to: present });
    });
    return this.get(actor, c.sessionId);
  }

  /** A present scoring member submits, or corrects until the session closes, their one sheet for a dossier on the agenda. */
  async submitSheet(actor: Actor, c: SubmitSheetCommand): Promise<SheetView> {
    return this.ds.transaction(async (tx) => {
      const state = await this.lockedState(tx, c.sessionId, 'pessimistic_read', actor);
      const member = state.memberOf(actor);
      if (!member || actor.role !== Role.COUNCIL_MEMBER)
        throw AppError.forbidden('SESSION_NOT_A_MEMBER', 'only members of this council score in its sessions');
      if (!state.presentVoting.some((m) => m.id === member.id)) {
        throw AppError.forbidden(
          'SESSION_MEMBER_NOT_SCORING',
          `${member.fullName} is not recorded as a present scoring member of this session`,
        );
      }
      state.assertOpen();
      // The agenda item locked: sheets of one dossier are written one at a time, so the same sheet sent twice at once
      // (a double tap on a tablet) is one submission and one correction, never a duplicate-key error.
      const item = await tx.findOne(SessionItem, {
        where: { sessionId: c.sessionId, evaluationId: c.evaluationId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!item) throw AppError.notFound('AGENDA_ITEM_NOT_FOUND', "this dossier is not on the session's agenda");
      const e = await tx.findOneByOrFail(Evaluation, { id: c.evaluationId });
      if (state.conflicted(e.producerId).some((m) => m.id === member.id)) {
        throw AppError.forbidden('CONFLICT_OF_INTEREST', `${member.fullName} is linked to the producer and may not score this dossier`);
      }
      const { catalogue } = await this.catalogues.byRevisionId(item.catalogueRevisionId, tx);
      const model = tierModelFor(e.legalVersion as LegalVersionCode);
      const scored = scoreSheet(
        treeForProductSet(catalogue, e.productSetCode),
        c.entries,
        model.communeAssessment && e.communeAssessment ? e.communeAssessment : undefined,
      );
      const existing = await tx
        .getRepository(ScoreSheet)
        .createQueryBuilder('s')
        .where('s.session_id = :s AND s.evaluation_id = :e AND s.member_id = :m', { s: c.sessionId, e: c.evaluationId, m: member.id })
        .setLock('pessimistic_write')
        .getOne();
      const at = now();
      const sheet = Object.assign(existing ?? new ScoreSheet(), {
        id: existing?.id ?? randomUUID(),
        sessionId: c.sessionId,
        evaluationId: c.evaluationId,
        memberId: member.id,
        entries: c.entries.map((x) => ({
          criterionCode: x.criterionCode,
          optionCode: x.optionCode,
          ...(x.points !== undefined ? { points: x.points } : {}),
        })),
        total: scored.totalHundredths,
        partTotals: scored.partTotals,
        criterionPoints: scored.criterionPoints,
        revision: (existing?.revision ?? 0) + 1,
        submittedAt: existing?.submittedAt ?? at,
        updatedAt: at,
      });
      await tx.save(ScoreSheet, sheet);
      await audit(tx, actor, existing ? 'score-sheet.correct' : 'score-sheet.submit', 'score_sheet', sheet.id, {
        sessionId: c.sessionId,
        evaluationId: c.evaluationId,
        memberId: member.id,
        total: formatPoints(sheet.total),
        previousTotal: existing ? formatPoints(existing.total) : null,
        revision: sheet.revision,
      });
      const eligible = new Set(state.eligible(e.producerId).map((m) => m.id));
      const totals = (await tx.findBy(ScoreSheet, { sessionId: c.sessionId, evaluationId: c.evaluationId }))
        .filter((s) => eligible.has(s.memberId))
        .map((s) => s.total);
      const spread = state.spread(totals);
      if (spread?.exceeded && !item.spreadFlagged) {
        await tx.update(SessionItem, { sessionId: c.sessionId, evaluationId: c.evaluationId }, { spreadFlagged: true });
        await audit(tx, actor, 'session.spread-flagged', 'session', c.sessionId, { evaluationId: c.evaluationId, spread });
      }
      return this.sheetView(sheet, member.fullName, spread);
    });
  }

  async sheets(actor: Actor, q: SheetsQuery): Promise<SheetView[]> {
    const state = await this.readableState(actor, q.sessionId);
    const member = state.memberOf(actor);
    const organiser = this.isOrganiser(actor, state);
    const where: Record<string, string> = { sessionId: q.sessionId };
    if (q.evaluationId) where.evaluationId = q.evaluationId;
    // Each member scores alone: a member sees their own sheets; the organisers (the unit's office, the secretary) see
    // every sheet, and so does the chair once the session is closed. Everyone else who reads the session sees the
    // totals in the session view and the minutes, not the sheets.
    const chairAfterClosing = state.session.status !== 'OPEN' && actor.role === Role.COUNCIL_MEMBER && member?.role === 'CHAIR';
    if (!organiser && !chairAfterClosing) {
      if (!member) throw AppError.notFound('SESSION_NOT_FOUND', 'no such session');
      where.memberId = member.id;
    }
    const names = new Map(state.council.members.map((m) => [m.id, m.fullName]));
    return (await this.ds.getRepository(ScoreSheet).find({ where, order: { submittedAt: 'ASC' } })).map((s) =>
      this.sheetView(s, names.get(s.memberId) ?? '', null),
    );
  }

  async list(actor: Actor, q: ListSessionsQuery): Promise<SessionView[]> {
    // Scope first (the councils the actor may read), then the page, so no session is cut off by an unreadable one.
    const readable = (await this.councils.readable(actor)).map((c) => c.id).filter((id) => !q.councilId || id === q.councilId);
    if (!readable.length) return [];
    const where: Record<string, unknown> = { councilId: In(readable) };
    if (q.status) where.status = q.status;
    const sessions = await this.ds.getRepository(Session).find({
      where,
      order: { createdAt: 'DESC', id: 'ASC' },
      take: q.limit ?? DEFAULT_PAGE.limit,
      skip: q.offset ?? DEFAULT_PAGE.offset,
    });
    const out: SessionView[] = [];
    const councils = new Map<string, Awaited<ReturnType<CouncilsUseCases['load']>>>(); // a page's sessions share few councils: load each once
    for (const s of sessions) {
      const council = councils.get(s.councilId) ?? (await this.councils.load(s.councilId));
      councils.set(s.councilId, council);
      out.push(await this.view(new SessionState(s, council)));
    }
    return out;
  }

  async get(actor: Actor, id: string): Promise<SessionView> {
    return this.view(await this.readableState(actor, id));
  }

  async readableState(actor: Actor, sessionId: string, tx?: Tx): Promise<SessionState> {
    const session = await (tx ?? this.ds.manager).findOneBy(Session, { id: sessionId });
    if (!session) throw AppError.notFound('SESSION_NOT_FOUND', 'no such session');
    const state = new SessionState(session, await this.councils.load(session.councilId, tx));
    if (!canReadUnit(actor, state.council.council) && !state.memberOf(actor))
      throw AppError.notFound('SESSION_NOT_FOUND', 'no such session');
    return state;
  }

  /** The session row locked (share: sheets; update: agenda, attendance, closing) with its council. */
  async lockedState(tx: Tx, sessionId: string, lock: 'pessimistic_read' | 'pessimistic_write', actor?: Actor): Promise<SessionState> {
    const session = await tx.getRepository(Session).createQueryBuilder('s').where('s.id = :id', { id: sessionId }).setLock(lock).getOne();
    if (!session) throw AppError.notFound('SESSION_NOT_FOUND', 'no such session');
    const state = new SessionState(session, await this.councils.load(session.councilId, tx));
    if (actor && !canReadUnit(actor, state.council.council) && !state.memberOf(actor))
      throw AppError.notFound('SESSION_NOT_FOUND', 'no such session');
    return state;
  }

  /** The office of the council's unit, or the council's secretary. */
  isOrganiser(actor: Actor, state: SessionState): boolean {
    if (canManageUnit(actor, state.council.council)) return true;
    return actor.role === Role.COUNCIL_MEMBER && state.secretary()?.userId === actor.id;
  }

  private assertOrganiser(actor: Actor, state: SessionState): void {
    if (!this.isOrganiser(actor, state))
      throw AppError.forbidden('SESSION_ORGANISER_ONLY', "only the council's secretary or the office of its unit may do this");
  }

  async view(state: SessionState): Promise<SessionView> {
    const s = state.session;
    const council = state.council.council;
    const items = await this.ds.getRepository(SessionItem).find({ where: { sessionId: s.id }, order: { position: 'ASC' } });
    const evaluations = items.length ? await this.ds.getRepository(Evaluation).findBy({ id: In(items.map((i) => i.evaluationId)) }) : [];
    const byId = new Map(evaluations.map((e) => [e.id, e]));
    const sheets: { evaluation_id: string; member_id: string; total: number }[] = await this.ds.query(
      'SELECT evaluation_id, member_id, total FROM scoring.score_sheet WHERE session_id = $1',
      [s.id],
    );
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
      presentMemberIds: s.presentMemberIds,
      quorum: state.quorum(),
      closedAt: s.closedAt?.toISOString() ?? null,
      createdAt: s.createdAt.toISOString(),
      items: items.map((item) => {
        const e = byId.get(item.evaluationId)!;
        const eligible = new Set(state.eligible(e.producerId).map((m) => m.id));
        const totals = sheets.filter((x) => x.evaluation_id === e.id && eligible.has(x.member_id)).map((x) => x.total);
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

  private sheetView(s: ScoreSheet, memberName: string, spread: SheetView['spread']): SheetView {
    return {
      id: s.id,
      sessionId: s.sessionId,
      evaluationId: s.evaluationId,
      memberId: s.memberId,
      memberName,
      total: formatPoints(s.total),
      partTotals: Object.fromEntries(Object.entries(s.partTotals).map(([k, v]) => [k, formatPoints(v)])),
      entries: s.entries,
      revision: s.revision,
      submittedAt: s.submittedAt.toISOString(),
      updatedAt: s.updatedAt.toISOString(),
      spread,
    };
  }
}
