import { DEMO } from '@ocop/contracts';
import { startPlatform, type Platform } from '../support/platform';
import { councilOfFour, evaluationOf, newProducer, proposedDossier, sheetWithTotal, treeFor } from '../support/scoring';

/**
 * Issue 18, the evaluation cycle as the plans run it. The advisory team's pre-scores: the district council's advisor
 * records its sheet for a dossier before the members score; the members read it as input; it never counts (the
 * session's mean is the members' alone); only the advisory team records one, and only while the session is open. The
 * district's evaluation plan: its sessions and the experts it needs, the departments' assignments, the staffing gaps.
 */
describe('the evaluation cycle: advisory pre-scores, districts’ evaluation plans', () => {
  let p: Platform;

  beforeAll(async () => {
    p = await startPlatform({ gateway: { loginRateLimit: 1000 }, scoring: { allowProvisionalCertification: true } });
  }, 120_000);
  afterAll(async () => {
    await p?.stop();
  });

  it('are input for the members and absent from the mean', async () => {
    const [admin, officer, district] = [await p.login('admin'), await p.login('commune.officer'), await p.login('district.officer')];
    const filed = '2024-05-10T03:00:00Z';
    const producerId = await newProducer(p, officer, 'Hợp tác xã Chè Thanh Hóa', { asOf: filed });
    const dossier = await proposedDossier(p, officer, producerId, 'Chè xanh Như Thanh', { asOf: filed, productSetCode: '08' });
    const evaluation = (await evaluationOf(p, district, dossier, 'DISTRICT')).id;
    const council = await councilOfFour(p, admin, district, {
      prefix: 'hdtv',
      tier: 'DISTRICT',
      unitCode: DEMO.districtCode,
      advisor: true,
    });
    const advisor = council.advisor!;
    const day = { 'x-as-of': '2024-06-20T02:00:00Z' };
    const call = async (method: string, url: string, token: string, body?: unknown) => p.http(method, url, { token, headers: day, body });
    const s = (
      await call('POST', '/api/scoring/sessions', council.secretary.token, {
        councilId: council.id,
        title: 'Phiên họp đánh giá',
        location: 'Hội trường UBND',
        scheduledFor: '2024-06-20T02:00:00Z',
      })
    ).body;
    const session = `/api/scoring/sessions/${s.id}`;
    await call('POST', `${session}/agenda`, council.secretary.token, { evaluationIds: [evaluation] });
    await call('PUT', `${session}/attendance`, council.secretary.token, { presentMemberIds: council.present });
    const tree = await treeFor(p, admin, '148', '08');

    // The advisor pre-scores 92 (and corrects it to 95); it may not score as a member; a member may not pre-score.
    const pre = (token: string, total: number) =>
      call('PUT', `${session}/evaluations/${evaluation}/advisory-sheet`, token, { entries: sheetWithTotal(tree, total) });
    expect((await pre(advisor.token, 92)).body).toMatchObject({ total: '92.00', revision: 1, memberName: 'Phan Văn Tư' });
    expect((await pre(advisor.token, 95)).body).toMatchObject({ total: '95.00', revision: 2 });
    expect(
      (await call('PUT', `${session}/evaluations/${evaluation}/sheet`, advisor.token, { entries: sheetWithTotal(tree, 95) })).body,
    ).toMatchObject({
      status: 403,
      code: 'SESSION_MEMBER_NOT_SCORING',
    });
    expect((await pre(council.voting[0]!.token, 80)).body).toMatchObject({ status: 403, code: 'SESSION_NOT_ADVISORY' });
    const unknown = await call('PUT', `${session}/evaluations/${evaluation}/advisory-sheet`, advisor.token, {
      entries: [{ criterionCode: 'Z9.9', optionCode: 'a' }],
    });
    expect(unknown.body).toMatchObject({ status: 400 });
    expect(unknown.body.field).toMatch(/^entries/);

    // The members read it as input before they score.
    const seen = (await call('GET', `${session}/advisory-sheets?evaluationId=${evaluation}`, council.voting[1]!.token)).body;
    expect(seen).toEqual([expect.objectContaining({ total: '95.00', memberName: 'Phan Văn Tư' })]);

    // The members score 62 each: the mean is 62.00 (3★), not pulled up by the advisor's 95.
    for (const m of council.voting)
      await call('PUT', `${session}/evaluations/${evaluation}/sheet`, m.token, { entries: sheetWithTotal(tree, 62) });
    const minutes = (
      await p.http('POST', `${session}/close`, { token: council.secretary.token, headers: { 'x-as-of': '2024-06-20T09:00:00Z' } })
    ).body;
    expect(minutes.results[0]).toMatchObject({ mean: '62.00', sheetCount: 3, stars: 3 });
    // Closed: no more pre-scores.
    expect((await pre(advisor.token, 90)).body).toMatchObject({ code: 'SESSION_CLOSED' });
  });

  it("takes the district's evaluation plan, the departments' experts, and shows the staffing gaps", async () => {
    const [office, district, agency] = [
      await p.login('province.office'),
      await p.login('district.officer'),
      await p.login('agency.officer'),
    ];
    const plan = {
      sessions: [
        {
          month: 6,
          expectedDossiers: 8,
          experts: [
            { agencyCode: 'SCT', experts: 1 },
            { agencyCode: 'SYT', experts: 1 },
          ],
        },
        { month: 10, expectedDossiers: 5, experts: [{ agencyCode: 'SCT', experts: 1 }] },
      ],
    };
    const set = (body: unknown, token = district) => p.http('PUT', '/api/scoring/evaluation-plans/2024', { token, body });
    expect((await set({ sessions: [plan.sessions[0], plan.sessions[0]] })).body).toMatchObject({
      code: 'PLAN_MONTH_TWICE',
      field: 'sessions.1.month',
    });
    expect((await set({ sessions: [{ ...plan.sessions[0], month: 13 }] })).body).toMatchObject({ status: 400, field: 'sessions.0.month' });
    expect((await set(plan, office)).status).toBe(403);
    const sent = await set(plan);
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ districtCode: DEMO.districtCode, year: 2024, expectedDossiers: 13, missingExperts: 3 });

    // Industry and Trade assigns its expert to June; a second one there is more than asked; none is asked of it for March.
    const assign = (body: Record<string, unknown>) =>
      p.http('POST', '/api/scoring/evaluation-plan-assignments', { token: agency, body: { planId: sent.body.id, ...body } });
    expect((await assign({ month: 6, fullName: 'Lê Văn Hùng' })).body).toMatchObject({ missingExperts: 2 });
    expect((await assign({ month: 6, fullName: 'Lê Văn Hùng' })).body).toMatchObject({ missingExperts: 2 });
    expect((await assign({ month: 6, fullName: 'Đỗ Thị Hà' })).body).toMatchObject({ status: 409, code: 'EXPERTS_ENOUGH' });
    expect((await assign({ month: 3, fullName: 'Đỗ Thị Hà' })).body).toMatchObject({ code: 'EXPERTS_NOT_ASKED' });

    // The province sees the plan with its gaps: June's health expert and October's trade expert are missing.
    const [seen] = (await p.http('GET', '/api/scoring/evaluation-plans?year=2024', { token: office })).body as {
      staffing: { month: number; agencyCode: string; assigned: string[]; missing: number }[];
    }[];
    expect(seen!.staffing.map((s) => [s.month, s.agencyCode, s.assigned, s.missing])).toEqual([
      [6, 'SCT', ['Lê Văn Hùng'], 0],
      [6, 'SYT', [], 1],
      [10, 'SCT', [], 1],
    ]);
    // Set again, the plan is replaced and the assignment kept.
    expect((await set({ sessions: [plan.sessions[0]] })).body).toMatchObject({ expectedDossiers: 8, missingExperts: 1 });
  });
});
