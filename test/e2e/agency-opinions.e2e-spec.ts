import { connect, headers as natsHeaders, type NatsConnection } from '@nats-io/transport-node';
import { AgencyApi, DEMO, HEADERS, agencyApiSubject } from '@ocop/contracts';
import { eventually } from '@ocop/testing';
import { startPlatform, type Platform } from '../support/platform';
import { createHealthAgencyApp } from '../../agencies/health/src/health-agency.app';
import { loadHealthAgencyConfig } from '../../agencies/health/src/config/health-agency.config';
import { createScienceTechnologyAgencyApp } from '../../agencies/science-technology/src/science-technology-agency.app';
import { loadScienceTechnologyAgencyConfig } from '../../agencies/science-technology/src/config/science-technology-agency.config';
import {
  communeAssessmentOf,
  councilOfFour,
  councilUsers,
  evaluationOf,
  newProducer,
  proposedDossier,
  sheetWithTotal,
  treeFor,
  type DocTree,
} from '../support/scoring';

const DAY = 24 * 3600 * 1000;

/**
 * Agencies' written opinions on dossiers: the province's rule for food asks Health (SYT) for its opinion on every food
 * dossier proposed; the council cannot score the dossier until the opinion arrives (from Health's own service, on its
 * NATS subject); an unanswered request is reminded and escalated once each; an officer of another agency gives one
 * unasked through the API; every step is on the dossier's timeline.
 */
describe("agencies' opinions on dossiers", () => {
  let p: Platform;
  let nc: NatsConnection;
  let admin: string;
  let office: string;
  let officer: string;
  let tree: DocTree;

  beforeAll(async () => {
    p = await startPlatform({ scoring: { allowProvisionalCertification: true } });
    nc = await connect({ servers: p.env.natsUrl, name: 'agency-SYT-test' });
    admin = await p.login('admin');
    office = await p.login('province.office');
    officer = await p.login('commune.officer');
    tree = await treeFor(p, admin, '148', '04');
  });
  afterAll(async () => {
    await nc?.close();
    await p?.stop();
  });

  /** Health's service gives its opinion on its own subject (the agency is the subject's, never the body's). */
  async function agencyRequest(agencyCode: string, body: unknown, asOf?: string) {
    const h = natsHeaders();
    if (asOf) h.set(HEADERS.asOf, asOf);
    const reply = await nc.request(agencyApiSubject(p.env.prefix, agencyCode, AgencyApi.giveOpinion), JSON.stringify(body), {
      timeout: 10_000,
      headers: h,
    });
    return reply.json<{ ok: boolean; data?: Record<string, unknown>; error?: Record<string, unknown> }>();
  }

  /**
   * A province council's session with the evaluation on its agenda, its lab result in and its members present: the first
   * member's sheet for it (60 points), to send again and again.
   */
  async function sheetInSession(evaluationId: string, prefix: string, assessed: Record<string, string>) {
    const lab = await p.http('PUT', `/api/scoring/evaluations/${evaluationId}/lab-result`, {
      token: office,
      body: { state: 'PASSED', reference: `PKQ-2026-${prefix}` },
    });
    expect(lab.status).toBe(200);
    const council = await councilOfFour(p, admin, office, {
      prefix,
      tier: 'PROVINCE',
      unitCode: DEMO.provinceCode,
      authorityName: 'UBND tỉnh Thanh Hóa',
    });
    const secretary = council.secretary.token;
    const s = await p.http('POST', '/api/scoring/sessions', {
      token: secretary,
      body: {
        councilId: council.id,
        title: 'Phiên họp đánh giá',
        location: 'Hội trường UBND tỉnh',
        scheduledFor: new Date().toISOString(),
      },
    });
    expect(s.status).toBe(201);
    const agenda = await p.http('POST', `/api/scoring/sessions/${s.body.id}/agenda`, {
      token: secretary,
      body: { evaluationIds: [evaluationId] },
    });
    expect(agenda.status).toBe(200);
    const attendance = await p.http('PUT', `/api/scoring/sessions/${s.body.id}/attendance`, {
      token: secretary,
      body: { presentMemberIds: council.present },
    });
    expect(attendance.status).toBe(200);
    return () =>
      p.http('PUT', `/api/scoring/sessions/${s.body.id}/evaluations/${evaluationId}/sheet`, {
        token: council.voting[0]!.token,
        body: { entries: sheetWithTotal(tree, 60, { assessed }) },
      });
  }

  const run = (asOf: string) => p.http('POST', '/api/registration/jobs/agency-follow-ups/run', { token: admin, body: { asOf } });
  const sent = (opinionReminders: number, opinionEscalations: number, guidanceReminders = 0, guidanceEscalations = 0) => ({
    opinionReminders,
    opinionEscalations,
    guidanceReminders,
    guidanceEscalations,
  });

  it('no opinion is required by default; with the food rule on, scoring waits for Health, which is reminded and escalated once', async () => {
    // Off by default: no rule, and a food dossier proposed now requires nothing.
    expect((await p.http('GET', '/api/opinion-rules', { token: office })).body).toEqual([]);
    const producer = await newProducer(p, officer, 'Hợp tác xã Mật ong Như Xuân');
    const assessed = communeAssessmentOf(tree);
    const before = await proposedDossier(p, officer, producer, 'Mật ong hoa rừng', { assessment: assessed });
    expect((await evaluationOf(p, office, before, 'PROVINCE')).requiredOpinions).toEqual([]);

    // Bad rules change nothing.
    const bad = await p.http('PUT', '/api/opinion-rules/FOOD', { token: office, body: { agencies: [{ agencyCode: 'syt', dueDays: 10 }] } });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ field: 'agencies.0.agencyCode' });
    const twice = await p.http('PUT', '/api/opinion-rules/FOOD', {
      token: office,
      body: {
        agencies: [
          { agencyCode: 'SYT', dueDays: 10 },
          { agencyCode: 'SYT', dueDays: 5 },
        ],
      },
    });
    expect(twice.body).toMatchObject({ code: 'OPINION_RULE_AGENCY_TWICE', field: 'agencies.1.agencyCode' });
    expect((await p.http('PUT', '/api/opinion-rules/SWEETS', { token: office, body: { agencies: [] } })).status).toBe(400);
    expect((await p.http('PUT', '/api/opinion-rules/FOOD', { token: officer, body: { agencies: [] } })).status).toBe(403);
    expect((await p.http('GET', '/api/opinion-rules', { token: office })).body).toEqual([]);

    const rule = await p.http('PUT', '/api/opinion-rules/FOOD', {
      token: office,
      body: { agencies: [{ agencyCode: 'SYT', dueDays: 10 }] },
    });
    expect(rule.status).toBe(200);
    expect((await p.http('GET', '/api/opinion-rules', { token: office })).body).toEqual([
      { productGroup: 'FOOD', agencies: [{ agencyCode: 'SYT', dueDays: 10 }] },
    ]);

    const proposedAt = Date.now();
    const answered = await proposedDossier(p, officer, producer, 'Mật ong hoa nhãn', { assessment: assessed });
    const unanswered = await proposedDossier(p, officer, producer, 'Mật ong bạc hà', { assessment: assessed });
    const evaluation = await evaluationOf(p, office, answered, 'PROVINCE');
    expect(evaluation.requiredOpinions).toEqual(['SYT']);
    const requested = (await p.http('GET', `/api/dossiers/${answered}/opinions`, { token: office })).body;
    expect(requested).toEqual([expect.objectContaining({ agencyCode: 'SYT', required: true, status: 'REQUESTED', conclusion: null })]);
    const due = Date.parse(requested[0].dueAt);
    expect(due - proposedAt).toBeGreaterThanOrEqual(10 * DAY - 60_000);
    expect(due - proposedAt).toBeLessThanOrEqual(10 * DAY + 60_000);

    // The province council's session: the lab result is in, but the members cannot score before Health's opinion.
    const put = await sheetInSession(evaluation.id, 'hdyt', assessed);
    const refused = await put();
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'AGENCY_OPINION_MISSING' });
    expect(refused.body.detail).toContain('SYT');

    // Health's service: a malformed body is refused with its field, and changes nothing.
    const malformed = await agencyRequest('SYT', { dossierId: answered, conclusion: 'MAYBE', text: 'Không rõ' });
    expect(malformed).toMatchObject({ ok: false, error: { kind: 'VALIDATION', field: 'conclusion' } });
    expect((await p.http('GET', `/api/dossiers/${answered}/opinions`, { token: office })).body[0].status).toBe('REQUESTED');
    const opinion = {
      dossierId: answered,
      conclusion: 'FAVOURABLE',
      text: 'Cơ sở có Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm còn hiệu lực; thống nhất đề nghị Hội đồng đánh giá.',
      reference: '125/SYT-ATTP',
    };
    const given = await agencyRequest('SYT', opinion);
    expect(given).toMatchObject({
      ok: true,
      data: { agencyCode: 'SYT', status: 'GIVEN', required: true, givenVia: 'NATS', reference: '125/SYT-ATTP' },
    });
    // A retry with the same reference is the same opinion; another opinion of the same agency is refused.
    expect(await agencyRequest('SYT', opinion)).toEqual(given);
    expect(await agencyRequest('SYT', { ...opinion, reference: '126/SYT-ATTP' })).toMatchObject({
      ok: false,
      error: { code: 'OPINION_ALREADY_GIVEN' },
    });

    // Scoring hears it: the sheet is taken now.
    await eventually(async () => (await put()).status === 200, 15_000, 'sheet accepted after the opinion');

    // An officer of Industry and Trade gives an opinion unasked through the API; it does not count as Health's.
    const sct = await p.login('agency.officer');
    const unasked = await p.http('POST', `/api/dossiers/${answered}/opinions`, {
      token: sct,
      body: { conclusion: 'CONDITIONAL', text: 'Đề nghị bổ sung hợp đồng tiêu thụ với điểm bán sản phẩm OCOP.' },
    });
    expect(unasked.status).toBe(201);
    expect(unasked.body).toMatchObject({ agencyCode: 'SCT', required: false, givenVia: 'HTTP' });
    expect((await p.http('POST', `/api/dossiers/${answered}/opinions`, { token: officer, body: opinion })).status).toBe(403);

    // The unanswered dossier: nothing due yet; after the due time one reminder and one escalation, then none again.
    expect((await run(new Date(proposedAt + 5 * DAY).toISOString())).body.result).toEqual(sent(0, 0));
    const late = new Date(proposedAt + 11 * DAY).toISOString();
    expect((await run(late)).body.result).toEqual(sent(1, 1));
    expect((await run(late)).body.result).toEqual(sent(0, 0));
    expect((await run(new Date(proposedAt + 30 * DAY).toISOString())).body.result).toEqual(sent(0, 0));
    const followed = (await p.http('GET', `/api/dossiers/${unanswered}/opinions`, { token: office })).body[0];
    expect(followed).toMatchObject({ status: 'REQUESTED', remindedAt: late, escalatedAt: late });

    // The timelines.
    const types = async (id: string) =>
      ((await p.http('GET', `/api/dossiers/${id}/timeline`, { token: office })).body as { type: string }[]).map((e) => e.type);
    await eventually(
      async () => (await types(answered)).filter((t) => t === 'registration.opinion-given.v1').length === 2,
      15_000,
      'opinions on the timeline',
    );
    expect(await types(answered)).toContain('registration.opinion-requested.v1');
    await eventually(
      async () => {
        const t = await types(unanswered);
        return (
          t.filter((x) => x === 'registration.opinion-reminded.v1').length === 1 &&
          t.filter((x) => x === 'registration.opinion-escalated.v1').length === 1
        );
      },
      15_000,
      'follow-ups on the timeline',
    );
  });

  it('a producer asks Science and Technology about traceability; its service answers; an unanswered question is reminded and escalated once', async () => {
    const producer = await newProducer(p, officer, 'Công ty TNHH Nước mắm Ba Làng');
    const product = await p.http('POST', '/api/products', {
      token: officer,
      body: { producerId: producer, name: 'Nước mắm cốt', productSetCode: '09' },
    });
    const dossier = (await p.http('POST', '/api/dossiers', { token: officer, body: { productId: product.body.id, kind: 'NEW' } })).body
      .id as string;
    const askedAt = Date.now();
    const ask = (body: unknown, token = officer) => p.http('POST', `/api/dossiers/${dossier}/guidance`, { token, body });
    // Bad questions change nothing.
    expect((await ask({ agencyCode: 'SKHCN', topic: 'truy xuất', text: 'Câu hỏi' })).body).toMatchObject({ field: 'topic' });
    expect((await ask({ agencyCode: 'SKHCN', topic: 'TRACEABILITY', text: 'Câu hỏi' }, office)).status).toBe(403);
    expect((await p.http('GET', `/api/dossiers/${dossier}/guidance`, { token: office })).body).toEqual([]);

    const asked = await ask({
      agencyCode: 'SKHCN',
      topic: 'TRACEABILITY',
      text: 'Sản phẩm cần mã truy xuất nguồn gốc theo tiêu chuẩn nào để đạt 3 sao?',
    });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ agencyCode: 'SKHCN', topic: 'TRACEABILITY', status: 'OPEN', messages: [{ side: 'ASKER' }] });
    const unanswered = await ask({ agencyCode: 'SKHCN', topic: 'INTELLECTUAL_PROPERTY', text: 'Nhãn hiệu tập thể đăng ký ở đâu?' });

    // Science and Technology's service answers on its own subject; Industry and Trade's cannot see the thread.
    const answer = {
      threadId: asked.body.id,
      text: 'Áp dụng TCVN 12850:2019 và in mã QR truy xuất trên bao bì.',
      reference: 'HD-12/SKHCN',
    };
    const other = await nc.request(agencyApiSubject(p.env.prefix, 'SCT', AgencyApi.answerGuidance), JSON.stringify(answer), {
      timeout: 10_000,
    });
    expect(other.json()).toMatchObject({ ok: false, error: { code: 'GUIDANCE_THREAD_NOT_FOUND' } });
    const reply = async () =>
      (
        await nc.request(agencyApiSubject(p.env.prefix, 'SKHCN', AgencyApi.answerGuidance), JSON.stringify(answer), { timeout: 10_000 })
      ).json<{
        ok: boolean;
        data: { status: string; messages: { side: string; via: string }[] };
      }>();
    const answered = await reply();
    expect(answered).toMatchObject({ ok: true, data: { status: 'ANSWERED' } });
    expect(answered.data.messages.map((m) => [m.side, m.via])).toEqual([
      ['ASKER', 'HTTP'],
      ['AGENCY', 'NATS'],
    ]);
    expect((await reply()).data.messages).toHaveLength(2); // the same reference again is taken once
    // The asker follows up; an officer of another agency cannot write in the thread.
    const follow = await p.http('POST', `/api/guidance/${asked.body.id}/messages`, {
      token: officer,
      body: { text: 'Cảm ơn Sở, cơ sở sẽ bổ sung.' },
    });
    expect(follow.status).toBe(201);
    expect(follow.body.messages).toHaveLength(3);
    const sct = await p.login('agency.officer');
    expect((await p.http('POST', `/api/guidance/${asked.body.id}/messages`, { token: sct, body: { text: 'Ý kiến khác' } })).status).toBe(
      404,
    );
    expect((await p.http('GET', '/api/guidance?status=OPEN', { token: sct })).body).toEqual([]);
    const inbox = (await p.http('GET', '/api/guidance?status=OPEN', { token: office })).body as { id: string }[];
    expect(inbox.map((t) => t.id)).toEqual([unanswered.body.id]);

    // The unanswered question (due in 7 days): one reminder two days before, one escalation at the due time.
    expect((await run(new Date(askedAt + 4 * DAY).toISOString())).body.result).toEqual(sent(0, 0, 0, 0));
    expect((await run(new Date(askedAt + 5 * DAY + 60_000).toISOString())).body.result).toEqual(sent(0, 0, 1, 0));
    expect((await run(new Date(askedAt + 8 * DAY).toISOString())).body.result).toEqual(sent(0, 0, 0, 1));
    expect((await run(new Date(askedAt + 9 * DAY).toISOString())).body.result).toEqual(sent(0, 0, 0, 0));
    const types = async () =>
      ((await p.http('GET', `/api/dossiers/${dossier}/timeline`, { token: office })).body as { type: string }[]).map((e) => e.type);
    await eventually(
      async () => {
        const t = await types();
        const count = (x: string) => t.filter((y) => y === x).length;
        return (
          count('registration.guidance-requested.v1') === 2 &&
          count('registration.guidance-message-posted.v1') === 2 &&
          count('registration.guidance-reminded.v1') === 1 &&
          count('registration.guidance-escalated.v1') === 1
        );
      },
      15_000,
      'guidance on the timeline',
    );
  });

  it('Health nominates an expert for the province council; the office accepts; the council set up with her seats the nomination', async () => {
    const hospital = await p.http('POST', '/api/users', {
      token: admin,
      body: {
        username: 'syt.officer',
        password: 'agency-password-2026',
        fullName: 'Sở Y tế',
        role: 'AGENCY_OFFICER',
        provinceCode: DEMO.provinceCode,
        agencyCode: 'SYT',
      },
    });
    expect(hospital.status).toBe(201);
    const syt = await p.login('syt.officer', 'agency-password-2026');
    const [expert, other] = await councilUsers(p, admin, 'ytcg', ['Trần Thị Hạnh', 'Lê Văn Khoa']);
    const nominate = (token: string, body: Record<string, unknown>) => p.http('POST', '/api/scoring/nominations', { token, body });
    const seat = {
      tier: 'PROVINCE',
      unitCode: DEMO.provinceCode,
      userId: expert!.userId,
      fullName: expert!.fullName,
      agency: 'Sở Y tế tỉnh Thanh Hóa',
      role: 'MEMBER',
    };
    // Bad nominations change nothing.
    expect((await nominate(syt, { ...seat, role: 'CHAIR' })).body).toMatchObject({ field: 'role' });
    expect((await nominate(syt, { ...seat, userId: (await p.http('GET', '/api/auth/me', { token: office })).body.id })).body).toMatchObject(
      {
        code: 'USER_ROLE_INVALID',
        field: 'userId',
      },
    );
    expect((await nominate(office, seat)).status).toBe(403);
    expect((await p.http('GET', '/api/scoring/nominations', { token: office })).body).toEqual([]);

    const n = await nominate(syt, { ...seat, note: 'Phó Trưởng phòng Nghiệp vụ Y, phụ trách an toàn thực phẩm' });
    expect(n.status).toBe(201);
    expect(n.body).toMatchObject({ agencyCode: 'SYT', status: 'PENDING', councilId: null });
    expect((await nominate(syt, seat)).body).toMatchObject({ code: 'NOMINATION_EXISTS' });
    const rejected = await nominate(syt, { ...seat, userId: other!.userId, fullName: other!.fullName });
    // Another agency's officer sees none of Health's; the office decides.
    expect((await p.http('GET', '/api/scoring/nominations', { token: await p.login('agency.officer') })).body).toEqual([]);
    expect((await p.http('POST', `/api/scoring/nominations/${n.body.id}/accept`, { token: syt })).status).toBe(403);
    const accepted = await p.http('POST', `/api/scoring/nominations/${n.body.id}/accept`, { token: office });
    expect(accepted.body).toMatchObject({ status: 'ACCEPTED' });
    expect((await p.http('POST', `/api/scoring/nominations/${n.body.id}/accept`, { token: office })).body).toMatchObject({
      code: 'NOMINATION_DECIDED',
    });
    const no = await p.http('POST', `/api/scoring/nominations/${rejected.body.id}/reject`, {
      token: office,
      body: { reason: 'Hội đồng đã đủ thành viên ngành y tế' },
    });
    expect(no.body).toMatchObject({ status: 'REJECTED', reason: 'Hội đồng đã đủ thành viên ngành y tế' });

    // The office sets up the council with the accepted nominee: the nomination is seated on it.
    const [chair, m2, secretary] = await councilUsers(p, admin, 'hdyt2', ['Mai Văn Nam', 'Lý Thị Oanh', 'Chu Thị Quế']);
    const member = (u: { userId: string; fullName: string }, role: string, agency = 'Sở Nông nghiệp và Môi trường') => ({
      userId: u.userId,
      fullName: u.fullName,
      agency,
      role,
    });
    const council = await p.http('POST', '/api/scoring/councils', {
      token: office,
      body: {
        name: 'Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Thanh Hóa',
        tier: 'PROVINCE',
        unitCode: DEMO.provinceCode,
        authorityName: 'UBND tỉnh Thanh Hóa',
        placeName: 'Thanh Hóa',
        quorum: 3,
        members: [
          member(chair!, 'CHAIR'),
          member(m2!, 'MEMBER'),
          member(expert!, 'MEMBER', 'Sở Y tế tỉnh Thanh Hóa'),
          member(secretary!, 'SECRETARY'),
        ],
      },
    });
    expect(council.status).toBe(201);
    const mine = (await p.http('GET', '/api/scoring/nominations', { token: syt })).body as {
      id: string;
      status: string;
      councilId: string | null;
    }[];
    expect(mine.map((x) => [x.id, x.status, x.councilId])).toEqual([
      [n.body.id, 'SEATED', council.body.id],
      [rejected.body.id, 'REJECTED', null],
    ]);
  });

  it("the Department of Health's own service (on the SDK) answers a food dossier's request: its opinion is on the timeline and the council may score", async () => {
    // The food rule asks SYT. Proposed while Health's service is down: the sheet is refused.
    const rule = await p.http('PUT', '/api/opinion-rules/FOOD', {
      token: office,
      body: { agencies: [{ agencyCode: 'SYT', dueDays: 10 }] },
    });
    expect(rule.status).toBe(200);
    const producer = await newProducer(p, officer, 'Hợp tác xã Chè Xuân Lập');
    const assessed = communeAssessmentOf(tree);
    const dossier = await proposedDossier(p, officer, producer, 'Mật ong hoa cà phê', { assessment: assessed });
    const evaluation = await evaluationOf(p, office, dossier, 'PROVINCE');
    expect(evaluation.requiredOpinions).toEqual(['SYT']);
    const put = await sheetInSession(evaluation.id, 'hdyt3', assessed);
    expect((await put()).body).toMatchObject({ code: 'AGENCY_OPINION_MISSING' });

    const health = await createHealthAgencyApp(
      loadHealthAgencyConfig({
        OCOP_MODE: 'test',
        AGENCY_CODE: 'SYT',
        NATS_URL: p.env.natsUrl,
        OCOP_SUBJECT_PREFIX: p.env.prefix,
        OCOP_STREAM: p.env.stream,
        LOG_LEVEL: 'silent',
      }),
    );
    try {
      const code = (await p.http('GET', `/api/dossiers/${dossier}`, { token: office })).body.code as string;
      const opinion = await eventually(
        async () =>
          ((await p.http('GET', `/api/dossiers/${dossier}/opinions`, { token: office })).body as { status: string }[]).find(
            (o) => o.status === 'GIVEN',
          ),
        20_000,
        "Health's opinion",
      );
      expect(opinion).toMatchObject({
        agencyCode: 'SYT',
        required: true,
        conclusion: 'FAVOURABLE',
        givenVia: 'NATS',
        reference: `SYT-ATTP-${code}`,
      });
      expect((opinion as unknown as { text: string }).text).toContain('Nghị định 15/2018/NĐ-CP');
      await eventually(
        async () =>
          ((await p.http('GET', `/api/dossiers/${dossier}/timeline`, { token: office })).body as { type: string; source: string }[]).some(
            (e) => e.type === 'registration.opinion-given.v1',
          ),
        15_000,
        "Health's opinion on the timeline",
      );
      await eventually(async () => (await put()).status === 200, 15_000, 'sheet accepted after the opinion');
    } finally {
      await health.close();
    }
  });

  it("Science and Technology's own service checks a beverage dossier's traceability and IP documents, and answers guidance on barcodes", async () => {
    const rule = await p.http('PUT', '/api/opinion-rules/BEVERAGES', {
      token: office,
      body: { agencies: [{ agencyCode: 'SKHCN', dueDays: 10 }] },
    });
    expect(rule.status).toBe(200);
    const skhcn = await createScienceTechnologyAgencyApp(
      loadScienceTechnologyAgencyConfig({
        OCOP_MODE: 'test',
        NATS_URL: p.env.natsUrl,
        OCOP_SUBJECT_PREFIX: p.env.prefix,
        OCOP_STREAM: p.env.stream,
        LOG_LEVEL: 'silent',
      }),
    );
    try {
      const producer = await newProducer(p, officer, 'Hợp tác xã Rượu Làng Quảng');
      const assessment = communeAssessmentOf(await treeFor(p, admin, '148', '14'));
      const complete = await proposedDossier(p, officer, producer, 'Rượu nếp cái hoa vàng', {
        productSetCode: '14',
        assessment,
        documents: ['TRACEABILITY', 'INTELLECTUAL_PROPERTY'],
      });
      const partial = await proposedDossier(p, officer, producer, 'Rượu men lá', {
        productSetCode: '14',
        assessment,
        documents: ['TRACEABILITY'],
      });
      const given = (id: string) =>
        eventually(
          async () =>
            (
              (await p.http('GET', `/api/dossiers/${id}/opinions`, { token: office })).body as {
                agencyCode: string;
                status: string;
                conclusion: string;
                text: string;
                reference: string;
              }[]
            ).find((o) => o.agencyCode === 'SKHCN' && o.status === 'GIVEN'),
          20_000,
          `the S&T opinion on ${id}`,
        );
      expect(await given(complete)).toMatchObject({ conclusion: 'FAVOURABLE', reference: expect.stringMatching(/^SKHCN-TXNG-/) });
      const conditional = await given(partial);
      expect(conditional.conclusion).toBe('CONDITIONAL');
      expect(conditional.text).toContain('sở hữu trí tuệ');

      // A dossier it was not asked about does not exist for its service.
      const unasked = await proposedDossier(p, officer, producer, 'Mật ong bạc hà', { assessment: communeAssessmentOf(tree) });
      const read = await nc.request(
        agencyApiSubject(p.env.prefix, 'SKHCN', AgencyApi.readDossier),
        JSON.stringify({ dossierId: unasked }),
        {
          timeout: 10_000,
        },
      );
      expect(read.json()).toMatchObject({ ok: false, error: { code: 'DOSSIER_NOT_FOUND' } });

      const asked = await p.http('POST', `/api/dossiers/${partial}/guidance`, {
        token: officer,
        body: { agencyCode: 'SKHCN', topic: 'BARCODE', text: 'Sản phẩm cần đăng ký mã số mã vạch ở đâu?' },
      });
      expect(asked.status).toBe(201);
      const answered = await eventually(
        async () =>
          (
            (await p.http('GET', `/api/dossiers/${partial}/guidance`, { token: officer })).body as {
              id: string;
              status: string;
              messages: { side: string; text: string }[];
            }[]
          ).find((t) => t.id === asked.body.id && t.status === 'ANSWERED'),
        20_000,
        'the S&T answer',
      );
      expect(answered.messages.map((m) => m.side)).toEqual(['ASKER', 'AGENCY']);
      expect(answered.messages[1]!.text).toContain('GS1');
    } finally {
      await skhcn.close();
    }
  });
});
