import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AppError, Role, ScoringEvents, type Actor } from '@ocop/contracts';
import type { EventOutbox } from '@ocop/messaging';
import type { Tx } from '@ocop/persistence';
import { CloseSessionUseCase } from './close-session.use-case';
import { Session } from './session.entity';
import { SessionItem } from './session-item.entity';
import { ScoreSheet } from './score-sheet.entity';
import { SessionState } from './session-state.policy';
import type { SessionsRepository } from './sessions.repository';
import type { ScoreSheetsRepository } from './score-sheets.repository';
import { Council } from '../councils/council.entity';
import { CouncilMember } from '../councils/council-member.entity';
import { MemberConflict } from '../councils/member-conflict.entity';
import { Evaluation } from '../evaluations/evaluation.entity';
import type { EvaluationsRepository } from '../evaluations/evaluations.repository';
import type { EvaluationWorkflow } from '../evaluations/evaluation.workflow';
import type { CatalogueLoader } from '../catalogue/catalogue.loader';
import type { ScoringConfig } from '../config/scoring.config';

/**
 * Closing a session when no dossier can be finalised: the deferral rules (which sheets count, lab gate, spread), the
 * quorum and the secretary-only rule, with every collaborator mocked.
 */
describe('CloseSessionUseCase (deferrals)', () => {
  const asOf = new Date('2025-05-10T03:00:00Z');
  const council = Object.assign(new Council(), {
    id: randomUUID(),
    name: 'Hội đồng tỉnh',
    tier: 'PROVINCE',
    unitCode: '38',
    provinceCode: '38',
    authorityName: 'UBND tỉnh Thanh Hóa',
    placeName: 'Thanh Hóa',
    quorum: 2,
    chairRequired: true,
    spreadLimit: 1000,
    createdBy: 'office',
    createdAt: new Date('2025-01-01T00:00:00Z'),
  });
  const member = (role: string, position: number) =>
    Object.assign(new CouncilMember(), {
      id: randomUUID(),
      councilId: council.id,
      userId: randomUUID(),
      fullName: `${role} ${position}`,
      agency: 'Sở',
      role,
      position,
    });
  const chair = member('CHAIR', 1);
  const m1 = member('MEMBER', 2);
  const m2 = member('MEMBER', 3);
  const secretary = member('SECRETARY', 4);
  const members = [chair, m1, m2, secretary];
  const asActor = (m: CouncilMember): Actor => ({
    id: m.userId,
    username: m.fullName,
    role: Role.COUNCIL_MEMBER,
    scope: { provinceCode: '38' },
  });

  const evaluation = (o: Partial<Evaluation>) =>
    Object.assign(new Evaluation(), {
      id: randomUUID(),
      dossierId: randomUUID(),
      dossierCode: `HS-${randomUUID().slice(0, 6)}`,
      dossierKind: 'NEW',
      productId: randomUUID(),
      productName: 'Sản phẩm',
      productSetCode: '04',
      producerId: randomUUID(),
      producerName: 'Chủ thể',
      tier: 'PROVINCE',
      unitCode: '38',
      provinceCode: '38',
      districtCode: null,
      communeCode: '38001',
      legalVersion: '148+1489',
      labState: 'NOT_REQUIRED',
      labReference: null,
      status: 'SCHEDULED',
      lastDeferral: null,
      result: null,
      ...o,
    });
  const sheet = (sessionId: string, e: Evaluation, m: CouncilMember, total: number) =>
    Object.assign(new ScoreSheet(), { id: randomUUID(), sessionId, evaluationId: e.id, memberId: m.id, total });

  function setUp(o: {
    present: CouncilMember[];
    evaluations: Evaluation[];
    sheets?: (sessionId: string) => ScoreSheet[];
    conflicts?: MemberConflict[];
    /** Per evaluation id, the agencies whose required opinion has not been heard. */
    missingOpinions?: Map<string, string[]>;
    /** A written consultation with this deadline (no attendance). */
    sheetsDueAt?: Date;
  }) {
    const session = Object.assign(new Session(), {
      id: randomUUID(),
      councilId: council.id,
      reference: 'BB-38-2025-0001',
      title: 'Phiên 1',
      location: null,
      scheduledFor: new Date('2025-05-10T01:00:00Z'),
      status: 'OPEN',
      presentMemberIds: o.present.map((m) => m.id),
      minutes: null,
      ...(o.sheetsDueAt ? { mode: 'WRITTEN', sheetsDueAt: o.sheetsDueAt, sheetsEscalatedAt: null } : {}),
    });
    const state = new SessionState(session, { council, members, conflicts: o.conflicts ?? [] });
    const items = o.evaluations.map((e, i) =>
      Object.assign(new SessionItem(), {
        sessionId: session.id,
        evaluationId: e.id,
        position: i + 1,
        catalogueRevisionId: randomUUID(),
        spreadFlagged: false,
        outcome: null,
      }),
    );
    // The audit writer's one statement (writeAudit runs tx.query in the data source's schema).
    const tx = { query: jest.fn().mockResolvedValue([]), connection: { options: { schema: 'test' } } } as unknown as Tx;
    const sessions = {
      lockState: jest.fn().mockResolvedValue(state),
      agenda: jest.fn().mockResolvedValue(items),
      setOutcomes: jest.fn(),
      close: jest.fn(),
    };
    const scoreSheets = { ofSession: jest.fn().mockResolvedValue(o.sheets?.(session.id) ?? []) };
    const evaluations = {
      onAgenda: jest.fn().mockResolvedValue(o.evaluations),
      applyCloseUpdates: jest.fn(),
      missingOpinions: jest.fn().mockResolvedValue(o.missingOpinions ?? new Map()),
    };
    const workflow = { open: jest.fn() };
    const catalogues = { byRevisionId: jest.fn() };
    const outbox = { enqueueEvent: jest.fn(), enqueueEvents: jest.fn() };
    const ds = { transaction: (fn: (tx: Tx) => unknown) => fn(tx) };
    const useCase = new CloseSessionUseCase(
      ds as unknown as DataSource,
      outbox as unknown as EventOutbox,
      sessions as unknown as SessionsRepository,
      scoreSheets as unknown as ScoreSheetsRepository,
      evaluations as unknown as EvaluationsRepository,
      workflow as unknown as EvaluationWorkflow,
      catalogues as unknown as CatalogueLoader,
      { districtTransition: { provinceCertifiesDistrictStars: true }, allowProvisionalCertification: false } as ScoringConfig,
    );
    return { useCase, session, sessions, evaluations, outbox, workflow, catalogues };
  }

  it('lets only the council secretary close', async () => {
    const { useCase, session, sessions } = setUp({ present: [chair, m1], evaluations: [evaluation({})] });
    await expect(useCase.execute(asActor(chair), session.id, asOf)).rejects.toMatchObject({ code: 'SESSION_SECRETARY_ONLY' });
    expect(sessions.close).not.toHaveBeenCalled();
  });

  it('refuses to close without the quorum (the chair counts among the present scoring members)', async () => {
    const { useCase, session, sessions } = setUp({ present: [m1, m2], evaluations: [evaluation({})] });
    const err = await useCase.execute(asActor(secretary), session.id, asOf).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'SESSION_QUORUM_NOT_MET', message: expect.stringContaining('the chair must be present') });
    expect(sessions.close).not.toHaveBeenCalled();
  });

  it('defers each dossier that cannot be finalised with all its reasons, back to the waiting list', async () => {
    const incomplete = evaluation({ labState: 'PENDING' }); // the chair's sheet only: the absent member's sheet does not count
    const allConflicted = evaluation({});
    const disputed = evaluation({ labState: 'FAILED' });
    const conflicts = [chair, m1].map((m) =>
      Object.assign(new MemberConflict(), {
        memberId: m.id,
        producerId: allConflicted.producerId,
        reason: 'cổ đông',
        declaredBy: 'office',
        declaredAt: asOf,
      }),
    );
    const { useCase, session, sessions, evaluations, outbox, workflow, catalogues } = setUp({
      present: [chair, m1],
      evaluations: [incomplete, allConflicted, disputed],
      conflicts,
      missingOpinions: new Map([[incomplete.id, ['SYT']]]),
      sheets: (sessionId) => [
        sheet(sessionId, incomplete, chair, 8000),
        sheet(sessionId, incomplete, m2, 8000),
        sheet(sessionId, disputed, chair, 9000),
        sheet(sessionId, disputed, m1, 7000),
      ],
    });

    const minutes = await useCase.execute(asActor(secretary), session.id, asOf);

    expect(minutes.results).toEqual([]);
    expect(minutes.deferred.map((d) => [d.dossierCode, d.reasons])).toEqual([
      [incomplete.dossierCode, ['SHEETS_MISSING', 'LAB_RESULT_MISSING', 'AGENCY_OPINION_MISSING']],
      [allConflicted.dossierCode, ['NO_ELIGIBLE_MEMBERS']],
      [disputed.dossierCode, ['LAB_RESULT_FAILED', 'SPREAD_UNRESOLVED']],
    ]);
    const lastDeferral = (reasons: string[]) => ({ sessionId: session.id, reasons, at: asOf.toISOString() });
    expect(evaluations.applyCloseUpdates).toHaveBeenCalledWith(expect.anything(), [
      {
        id: incomplete.id,
        status: 'AWAITING_SESSION',
        session_id: null,
        result: null,
        last_deferral: lastDeferral(['SHEETS_MISSING', 'LAB_RESULT_MISSING', 'AGENCY_OPINION_MISSING']),
      },
      {
        id: allConflicted.id,
        status: 'AWAITING_SESSION',
        session_id: null,
        result: null,
        last_deferral: lastDeferral(['NO_ELIGIBLE_MEMBERS']),
      },
      {
        id: disputed.id,
        status: 'AWAITING_SESSION',
        session_id: null,
        result: null,
        last_deferral: lastDeferral(['LAB_RESULT_FAILED', 'SPREAD_UNRESOLVED']),
      },
    ]);
    expect((sessions.setOutcomes.mock.calls[0] as [Tx, string, SessionItem[]])[2].map((i) => i.outcome)).toEqual([
      'DEFERRED',
      'DEFERRED',
      'DEFERRED',
    ]);
    expect(sessions.close).toHaveBeenCalledWith(expect.anything(), session.id, { closedAt: asOf, closedBy: secretary.userId, minutes });
    const events = (outbox.enqueueEvents.mock.calls[0] as [Tx, { type: string; subject: string }[]])[1];
    expect(events.map((e) => [e.type, e.subject])).toEqual(
      [incomplete, allConflicted, disputed].map((e) => [ScoringEvents.evaluationDeferred, e.dossierId]),
    );
    expect(outbox.enqueueEvent).toHaveBeenCalledWith(
      expect.anything(),
      ScoringEvents.sessionClosed,
      session.id,
      expect.objectContaining({ completed: 0, deferred: 3 }),
    );
    // Nothing was scored, so no catalogue was loaded and nothing went on to the next tier.
    expect(catalogues.byRevisionId).not.toHaveBeenCalled();
    expect(workflow.open).not.toHaveBeenCalled();
  });

  describe('a written consultation', () => {
    const conflictOf = (m: CouncilMember, e: Evaluation) =>
      Object.assign(new MemberConflict(), {
        memberId: m.id,
        producerId: e.producerId,
        reason: 'cổ đông',
        declaredBy: 'office',
        declaredAt: asOf,
      });

    it('closes before its deadline only once every sheet owed has arrived', async () => {
      const e = evaluation({ dossierKind: 'RE_EVALUATION' });
      const { useCase, session, sessions } = setUp({
        present: [],
        evaluations: [e],
        sheetsDueAt: new Date(asOf.getTime() + 3_600_000),
        sheets: (sessionId) => [sheet(sessionId, e, chair, 8000), sheet(sessionId, e, m1, 8000)],
      });
      await expect(useCase.execute(asActor(secretary), session.id, asOf)).rejects.toMatchObject({
        code: 'SESSION_SHEETS_OUTSTANDING',
        message: expect.stringContaining(m2.fullName),
      });
      expect(sessions.close).not.toHaveBeenCalled();
    });

    it('after its deadline defers only the dossiers whose sheets received miss the quorum, and its minutes say how it was held', async () => {
      const short = evaluation({ dossierKind: 'RE_EVALUATION' }); // the chair's sheet only: 1 of the 2 required
      const enough = evaluation({ dossierKind: 'RE_EVALUATION', labState: 'FAILED' }); // 2 of 3 sheets: the quorum is met
      const chairExcluded = evaluation({ dossierKind: 'RE_EVALUATION', labState: 'FAILED' }); // the chair counts, linked to the producer
      const { useCase, session, sessions } = setUp({
        present: [],
        evaluations: [short, enough, chairExcluded],
        conflicts: [conflictOf(chair, chairExcluded)],
        sheetsDueAt: new Date(asOf.getTime() - 60_000),
        sheets: (sessionId) => [
          sheet(sessionId, short, chair, 8000),
          sheet(sessionId, enough, chair, 8000),
          sheet(sessionId, enough, m1, 8000),
          sheet(sessionId, chairExcluded, m1, 8000),
          sheet(sessionId, chairExcluded, m2, 8000),
        ],
      });

      const minutes = await useCase.execute(asActor(secretary), session.id, asOf);

      expect(minutes.deferred.map((d) => [d.dossierCode, d.reasons])).toEqual([
        [short.dossierCode, ['SHEETS_MISSING']],
        [enough.dossierCode, ['LAB_RESULT_FAILED']],
        [chairExcluded.dossierCode, ['LAB_RESULT_FAILED']],
      ]);
      expect(minutes.deferred[0]!.reasonVi).toBe('số phiếu đánh giá nhận được không bảo đảm số thành viên tối thiểu theo quy định');
      expect(minutes.mode).toBe('WRITTEN');
      expect(minutes.quorum).toMatchObject({ required: 2, present: 3, chairPresent: true, met: true });
      expect(minutes.members.filter((m) => m.present).map((m) => m.fullName)).toEqual([chair, m1, m2].map((m) => m.fullName));
      expect(minutes.writtenConsultation).toMatchObject({
        formVi: 'Hình thức: lấy ý kiến bằng văn bản về phiếu đánh giá',
        sheetsDueAt: session.sheetsDueAt!.toISOString(),
        sheetsDueAtVi: '10/05/2025 09:59',
        sentBy: [chair, m1, m2].map((m) => m.fullName),
        missingFrom: [m1, m2].map((m) => m.fullName),
      });
      expect(minutes.writtenConsultation!.summaryVi).toContain('hạn gửi phiếu đánh giá: 10/05/2025 09:59 (giờ Việt Nam)');
      expect(sessions.close).toHaveBeenCalled();
    });
  });
});
