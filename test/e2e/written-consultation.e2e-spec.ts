import { DEMO, ScoringEvents } from '@ocop/contracts';
import { eventually } from '@ocop/testing';
import { flat, pdfText } from '../../libs/documents/test/pdf-text';
import { TestBus } from '../support/bus';
import { PDF, multipartBody } from '../support/http';
import { startPlatform, type Platform } from '../support/platform';
import { councilUsers, evaluationOf, newProducer, proposedDossier, sheetWithTotal, treeFor } from '../support/scoring';

type Missing = { memberId: string; userId: string; fullName: string; dossierCodes: string[] };

/**
 * Issue 18, re-evaluation by written consultation (Ninh Bình: "hoặc lấy ý kiến bằng văn bản về phiếu đánh giá"): the
 * district council scores two re-evaluation dossiers without meeting. Each scoring member sends sheets by the deadline
 * (corrections until then, none after it); the hourly sweep, run here twice at each instant, reminds the members with
 * sheets missing once and escalates to the chair and the organiser once after the deadline; the secretary closes on the
 * sheets received — a dossier whose sheets meet the quorum is scored on their mean, the other deferred — and the minutes
 * say it was a written consultation, with the deadline and who sent sheets. Attendance and new dossiers are refused.
 */
describe('re-evaluation by written consultation', () => {
  let p: Platform;
  let bus: TestBus;

  beforeAll(async () => {
    // The shipped 148 catalogue is PROVISIONAL; the hourly scheduler stays off so only this file's runs sweep.
    p = await startPlatform({ gateway: { loginRateLimit: 1000 }, scoring: { allowProvisionalCertification: true, schedulerOwner: false } });
    bus = await TestBus.connect(p.env);
  }, 120_000);
  afterAll(async () => {
    await bus?.close();
    await p?.stop();
  });

  /** A RE_EVALUATION dossier of a new product, through intake to PROPOSED (as proposedDossier does for a NEW one). */
  async function reEvaluationDossier(officer: string, producerId: string, productName: string, asOf: string): Promise<string> {
    const headers = { 'x-as-of': asOf };
    const product = await p.http('POST', '/api/products', {
      token: officer,
      headers,
      body: { producerId, name: productName, productSetCode: '08' },
    });
    expect(product.status).toBe(201);
    const d = await p.http('POST', '/api/dossiers', {
      token: officer,
      headers,
      body: { productId: product.body.id, kind: 'RE_EVALUATION' },
    });
    expect(d.status).toBe(201);
    for (const type of ['REGISTRATION_FORM', 'SELF_ASSESSMENT', 'BUSINESS_REGISTRATION', 'BUSINESS_PLAN']) {
      const { payload, headers: h } = multipartBody(type, PDF);
      expect(
        (await p.http('POST', `/api/dossiers/${d.body.id}/documents`, { token: officer, payload, headers: { ...h, ...headers } })).status,
      ).toBe(201);
    }
    for (const step of ['submit', 'accept'])
      expect((await p.http('POST', `/api/dossiers/${d.body.id}/${step}`, { token: officer, headers })).status).toBe(200);
    expect((await p.http('POST', `/api/dossiers/${d.body.id}/propose`, { token: officer, headers, body: {} })).status).toBe(200);
    return d.body.id as string;
  }

  it('scores re-evaluation dossiers on the sheets received by the deadline, with one reminder and one escalation', async () => {
    const [admin, officer, district] = [await p.login('admin'), await p.login('commune.officer'), await p.login('district.officer')];
    const filed = '2024-05-10T03:00:00Z';
    const producerId = await newProducer(p, officer, 'Hợp tác xã Chè Như Xuân', { asOf: filed });
    const r1 = await reEvaluationDossier(officer, producerId, 'Chè xanh Bãi Trành', filed);
    const r2 = await reEvaluationDossier(officer, producerId, 'Chè búp khô Như Xuân', filed);
    const fresh = await proposedDossier(p, officer, producerId, 'Trà túi lọc Như Xuân', { asOf: filed, productSetCode: '08' });
    const [e1, e2, eNew] = await Promise.all([r1, r2, fresh].map((d) => evaluationOf(p, district, d, 'DISTRICT')));
    expect(e1).toMatchObject({ dossierKind: 'RE_EVALUATION' });

    // A council of four scoring members (quorum 3, the chair required) and a secretary.
    const names = ['Mai Văn Nam', 'Lý Thị Oanh', 'Tạ Văn Phúc', 'Đinh Thị Quyên', 'Chu Thị Quế'];
    const users = await councilUsers(p, admin, 'wc', names);
    const [chair, m2, m3, m4, secretary] = users as [
      (typeof users)[number],
      (typeof users)[number],
      (typeof users)[number],
      (typeof users)[number],
      (typeof users)[number],
    ];
    const roles = ['CHAIR', 'MEMBER', 'MEMBER', 'MEMBER', 'SECRETARY'];
    const created = await p.http('POST', '/api/scoring/councils', {
      token: district,
      body: {
        name: 'Hội đồng OCOP thành phố Thanh Hóa',
        tier: 'DISTRICT',
        unitCode: DEMO.districtCode,
        authorityName: 'UBND thành phố Thanh Hóa',
        placeName: 'Thanh Hóa',
        quorum: 3,
        members: users.map((u, i) => ({ userId: u.userId, fullName: u.fullName, agency: 'Phòng Kinh tế', role: roles[i] })),
      },
    });
    expect(created.status).toBe(201);
    const councilId = created.body.id as string;
    const memberId = (u: { userId: string }) =>
      (created.body.members as { id: string; userId: string }[]).find((x) => x.userId === u.userId)!.id;

    const opened = '2024-06-03T02:00:00Z';
    const dueAt = '2024-06-10T10:00:00.000Z'; // 17:00 in Vietnam
    const at = (asOf: string) => ({ 'x-as-of': asOf });
    const base = { councilId, title: 'Lấy ý kiến đánh giá lại sản phẩm OCOP đợt 1', scheduledFor: opened };
    const create = (body: Record<string, unknown>) =>
      p.http('POST', '/api/scoring/sessions', { token: secretary.token, headers: at(opened), body });

    // Bad input: the deadline missing, past, or on a meeting; nothing is written.
    expect((await create({ ...base, mode: 'WRITTEN' })).body).toMatchObject({
      status: 400,
      code: 'SESSION_SHEETS_DUE_REQUIRED',
      field: 'sheetsDueAt',
    });
    expect((await create({ ...base, mode: 'WRITTEN', sheetsDueAt: '2024-06-01T10:00:00Z' })).body).toMatchObject({
      status: 400,
      code: 'SESSION_SHEETS_DUE_PAST',
      field: 'sheetsDueAt',
    });
    expect((await create({ ...base, sheetsDueAt: dueAt })).body).toMatchObject({
      status: 400,
      code: 'SESSION_SHEETS_DUE_MEETING',
      field: 'sheetsDueAt',
    });
    expect((await create({ ...base, mode: 'BY_POST', sheetsDueAt: dueAt })).body).toMatchObject({ status: 400, field: 'mode' });
    expect((await p.http('GET', `/api/scoring/sessions?councilId=${councilId}`, { token: district })).body).toEqual([]);

    const s = await create({ ...base, mode: 'WRITTEN', sheetsDueAt: dueAt });
    expect(s.status).toBe(201);
    expect(s.body).toMatchObject({
      mode: 'WRITTEN',
      sheetsDueAt: dueAt,
      presentMemberIds: [],
      quorum: { required: 3, present: 0, met: false },
    });
    const session = `/api/scoring/sessions/${s.body.id}`;

    // Re-evaluation dossiers only, all or none; no attendance.
    const agenda = (ids: string[]) =>
      p.http('POST', `${session}/agenda`, { token: secretary.token, headers: at(opened), body: { evaluationIds: ids } });
    expect((await agenda([e1.id, e2.id, eNew.id])).body).toMatchObject({
      status: 422,
      code: 'SESSION_WRITTEN_REEVALUATION_ONLY',
      field: 'evaluationIds.2',
    });
    expect((await p.http('GET', session, { token: district })).body.items).toEqual([]);
    expect((await agenda([e1.id, e2.id])).body.items).toHaveLength(2);
    const attendance = await p.http('PUT', `${session}/attendance`, {
      token: secretary.token,
      headers: at(opened),
      body: { presentMemberIds: [memberId(chair)] },
    });
    expect(attendance.body).toMatchObject({ status: 409, code: 'SESSION_WRITTEN_NO_ATTENDANCE' });

    // Sheets by the deadline, without attendance: the chair and one member for both, another for the first only.
    const tree = await treeFor(p, admin, '148', '08');
    const sheet = (u: { token: string }, e: { id: string }, total: number, asOf: string) =>
      p.http('PUT', `${session}/evaluations/${e.id}/sheet`, {
        token: u.token,
        headers: at(asOf),
        body: { entries: sheetWithTotal(tree, total) },
      });
    const sent = '2024-06-05T02:00:00Z';
    for (const [u, e, total] of [
      [chair, e1, 60],
      [chair, e2, 60],
      [m2, e1, 58],
      [m2, e2, 62],
      [m3, e1, 64],
    ] as const)
      expect((await sheet(u, e, total, sent)).status).toBe(200);
    // A correction until the deadline, inclusive.
    expect((await sheet(m2, e1, 62, dueAt)).body).toMatchObject({ total: '62.00', revision: 2 });
    // The secretary may not close before the deadline while sheets are missing.
    const close = (asOf: string) => p.http('POST', `${session}/close`, { token: secretary.token, headers: at(asOf) });
    expect((await close('2024-06-07T02:00:00Z')).body).toMatchObject({ status: 409, code: 'SESSION_SHEETS_OUTSTANDING' });

    // The sweep: nothing before the reminder window (48 hours), one reminder per member with sheets missing, once.
    const sweep = async (asOf: string) => {
      const res = await p.http('POST', '/api/scoring/jobs/written-consultation-reminders/run', { token: admin, body: { asOf } });
      expect(res.status).toBe(200);
      return res.body as { asOf: string; reminders: number; escalations: number };
    };
    expect(await sweep('2024-06-07T00:00:00Z')).toMatchObject({ reminders: 0, escalations: 0 });
    expect(await sweep('2024-06-09T00:00:00Z')).toEqual({ asOf: '2024-06-09T00:00:00.000Z', reminders: 2, escalations: 0 });
    expect(await sweep('2024-06-09T00:00:00Z')).toMatchObject({ reminders: 0, escalations: 0 });
    expect(await sweep('2024-06-10T09:00:00Z')).toMatchObject({ reminders: 0, escalations: 0 });

    // No sheet after the deadline.
    expect((await sheet(m4, e1, 80, '2024-06-10T10:00:01Z')).body).toMatchObject({ status: 409, code: 'SESSION_SHEETS_DUE_PASSED' });
    // After it: one escalation, once; no more reminders.
    expect(await sweep('2024-06-10T11:00:00Z')).toMatchObject({ reminders: 0, escalations: 1 });
    expect(await sweep('2024-06-10T11:00:00Z')).toMatchObject({ reminders: 0, escalations: 0 });

    const reminders = await eventually(
      async () => {
        const list = await bus.events<{ sessionId: string; userId: string; dossierCodes: string[]; messageVi: string }>(
          ScoringEvents.writtenConsultationReminder,
        );
        const own = list.filter((x) => x.data.sessionId === s.body.id);
        return own.length >= 2 ? own : undefined;
      },
      15_000,
      'two reminders',
    );
    const escalated = await eventually(
      async () => {
        const list = await bus.events<{
          sessionId: string;
          chairUserId: string;
          secretaryUserId: string;
          missing: Missing[];
          messageVi: string;
        }>(ScoringEvents.writtenConsultationEscalated);
        const own = list.filter((x) => x.data.sessionId === s.body.id);
        return own.length ? own : undefined;
      },
      15_000,
      'the escalation',
    );
    const [c1, c2] = [
      (await p.http('GET', `/api/scoring/evaluations/${e1.id}`, { token: district })).body,
      (await p.http('GET', `/api/scoring/evaluations/${e2.id}`, { token: district })).body,
    ];
    expect(reminders.map((r) => [r.data.userId, r.data.dossierCodes]).sort()).toEqual(
      [
        [m3.userId, [c2.dossierCode]],
        [m4.userId, [c1.dossierCode, c2.dossierCode]],
      ].sort(),
    );
    expect(reminders[0]!.data.messageVi).toContain('10/06/2024 17:00');
    expect(escalated).toHaveLength(1);
    expect(escalated[0]!.data).toMatchObject({ chairUserId: chair.userId, secretaryUserId: secretary.userId, sheetsDueAt: dueAt });
    expect(escalated[0]!.data.missing.map((x) => [x.fullName, x.dossierCodes]).sort()).toEqual(
      [
        [m3.fullName, [c2.dossierCode]],
        [m4.fullName, [c1.dossierCode, c2.dossierCode]],
      ].sort(),
    );
    expect(escalated[0]!.data.messageVi).toContain('hết hạn gửi phiếu đánh giá');

    // Closed on the sheets received: three for the first (quorum met, the chair among them: the mean of 60, 62, 64),
    // two for the second (deferred, back to the waiting list).
    const closed = await close('2024-06-10T12:00:00Z');
    expect(closed.status).toBe(200);
    const minutes = closed.body;
    expect(minutes.results).toEqual([expect.objectContaining({ evaluationId: e1.id, sheetCount: 3, mean: '62.00', stars: 3 })]);
    expect(minutes.deferred).toEqual([
      expect.objectContaining({
        evaluationId: e2.id,
        reasons: ['SHEETS_MISSING'],
        reasonVi: 'số phiếu đánh giá nhận được không bảo đảm số thành viên tối thiểu theo quy định',
      }),
    ]);
    expect(minutes).toMatchObject({
      mode: 'WRITTEN',
      quorum: { required: 3, present: 3, chairPresent: true, met: true },
      writtenConsultation: {
        formVi: 'Hình thức: lấy ý kiến bằng văn bản về phiếu đánh giá',
        sheetsDueAt: dueAt,
        sheetsDueAtVi: '10/06/2024 17:00',
        sentBy: [chair, m2, m3].map((u) => u.fullName),
        missingFrom: [m3, m4].map((u) => u.fullName),
      },
    });
    expect(minutes.members.filter((m: { present: boolean }) => m.present).map((m: { fullName: string }) => m.fullName)).toEqual(
      [chair, m2, m3].map((u) => u.fullName),
    );
    expect((await p.http('GET', `${session}/minutes`, { token: district })).body).toEqual(minutes);
    expect((await p.http('GET', `/api/scoring/evaluations/${e2.id}`, { token: district })).body).toMatchObject({
      status: 'AWAITING_SESSION',
      lastDeferral: { reasons: ['SHEETS_MISSING'] },
    });

    // The PDF states the form, the deadline and who sent sheets, instead of attendance.
    const pdf = await p.gateway
      .getHttpAdapter()
      .getInstance()
      .inject({ method: 'GET', url: `${session}/minutes.pdf`, headers: { authorization: `Bearer ${district}` } });
    expect(pdf.statusCode).toBe(200);
    const text = flat((await pdfText(pdf.rawPayload)).pages.join('\n'));
    expect(text).toContain('LẤY Ý KIẾN BẰNG VĂN BẢN VỀ PHIẾU ĐÁNH GIÁ');
    expect(text).toContain('Hình thức: lấy ý kiến bằng văn bản về phiếu đánh giá');
    expect(text).toContain('Hạn gửi phiếu đánh giá: 10/06/2024 17:00 (giờ Việt Nam)');
    expect(text).toContain(`Thành viên đã gửi phiếu đánh giá: ${[chair, m2, m3].map((u) => u.fullName).join(', ')}`);
    expect(text).not.toContain('Có mặt');
    expect(text).toContain('62,00');

    // Closed: no sweep follows it up any more.
    expect(await sweep('2024-06-11T00:00:00Z')).toMatchObject({ reminders: 0, escalations: 0 });
  });
});
