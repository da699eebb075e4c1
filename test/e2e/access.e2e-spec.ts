import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { DataSource } from 'typeorm';
import { DEMO, ScoringEvents, type EvaluationCompletedData } from '@ocop/contracts';
import { INSPECTION_CHECKLIST } from '@ocop/domain';
import { eventually } from '@ocop/testing';
import { startPlatform, type Platform } from '../support/platform';
import { TestBus } from '../support/bus';
import { communeAssessmentOf, councilUsers, evaluationOf, newProducer, proposedDossier, sheetWithTotal, treeFor } from '../support/scoring';

const JWT_SECRET = 'access-e2e-secret-of-at-least-32-bytes!';
const TRUSTED_PROXY = '127.0.0.2';
const OTHER_DISTRICT = '381'; // Thị xã Bỉm Sơn, province 38

/**
 * Issue 11, "every out-of-scope attempt refused": forwarded headers only from configured proxies; tokens need
 * exp, iat, issuer and audience; revocation requests, council sessions and sheets, violation corrections stay
 * within their owners; user ids in councils, campaign teams and assignments are resolved against the
 * platform's users; national accounts exist and unknown provinces do not; an admin works for a named province.
 */
describe('access: every out-of-scope attempt refused', () => {
  let p: Platform;
  let bus: TestBus;
  let db: DataSource;
  let admin: string;
  let office: string;
  let district: string;
  let inspector: string;
  let inspectorId: string;
  const member = (u: { userId: string; fullName: string }, role: string) => ({
    userId: u.userId,
    fullName: u.fullName,
    agency: 'Sở Nông nghiệp và Môi trường',
    role,
  });
  const sub = (token: string): string => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).sub;

  async function createUser(username: string, body: Record<string, unknown>): Promise<{ id: string; token: string }> {
    const res = await p.http('POST', '/api/users', {
      token: admin,
      body: { username, password: 'access-password-2026', fullName: 'Nguyễn Văn Kiểm', ...body },
    });
    expect(res.status).toBe(201);
    return { id: res.body.id, token: await p.login(username, 'access-password-2026') };
  }

  const completed = (o: Partial<EvaluationCompletedData>): EvaluationCompletedData => ({
    dossierId: randomUUID(),
    dossierCode: `HS-${randomUUID().slice(0, 6)}`,
    evaluationId: randomUUID(),
    productId: randomUUID(),
    producerId: randomUUID(),
    tier: 'PROVINCE',
    unitCode: DEMO.provinceCode,
    provinceCode: DEMO.provinceCode,
    sessionId: randomUUID(),
    councilId: randomUUID(),
    legalVersion: '148+1489',
    catalogueCode: '148',
    catalogueRevision: 1,
    sheetCount: 5,
    sumHundredths: 37_500,
    mean: '75.00',
    band: 4,
    rank: 4,
    capReasons: [],
    outcome: 'CERTIFY',
    stars: 4,
    certifyingTier: 'PROVINCE',
    authorityUnitCode: DEMO.provinceCode,
    nextTier: null,
    productName: 'Mật ong bạc hà',
    producerName: 'Hợp tác xã Đồng Tâm',
    productSetCode: '08',
    dossierKind: 'NEW',
    completedAt: '2026-01-10T03:00:00.000Z',
    ...o,
  });
  /** A certificate issued by certification from scoring's outcome on the bus. */
  async function certificate(o: Partial<EvaluationCompletedData>): Promise<{ id: string; number: string }> {
    const data = completed(o);
    await bus.publish('ocop/scoring', ScoringEvents.evaluationCompleted, data);
    return eventually(
      async () => (await p.http('GET', `/api/certification/certificates?productId=${data.productId}`, { token: admin })).body?.[0],
      15_000,
      'certificate issued',
    );
  }

  beforeAll(async () => {
    p = await startPlatform({ gateway: { loginRateLimit: 3, jwtSecret: JWT_SECRET, trustProxy: [TRUSTED_PROXY] } });
    bus = await TestBus.connect(p.env);
    db = new DataSource({ type: 'postgres', url: p.env.databaseUrl });
    await db.initialize();
    admin = await p.login('admin');
    office = await p.login('province.office');
    district = await p.login('district.officer');
    inspector = await p.login('inspector');
    inspectorId = sub(inspector);
  }, 60_000);
  afterAll(async () => {
    await bus?.close();
    await db?.destroy();
    await p?.stop();
  });

  describe('login rate limit and forwarded headers', () => {
    const login = (username: string, remoteAddress: string, forwardedFor: string) =>
      p.gateway
        .getHttpAdapter()
        .getInstance()
        .inject({
          method: 'POST',
          url: '/api/auth/login',
          remoteAddress,
          headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
          payload: JSON.stringify({ username, password: 'wrong-password-here' }),
        });

    it('sets the security headers on every answer: a reply, a refusal and a public page', async () => {
      for (const [path, status, token] of [
        ['/api/units', 200, admin],
        ['/api/dossiers', 401, undefined],
        ['/verify/NOT-A-CODE', 404, undefined],
      ] as const) {
        const res = await p.http('GET', path, { token });
        expect({ path, status: res.status }).toEqual({ path, status });
        expect(res.headers['content-security-policy']).toContain("default-src 'self'");
        expect(res.headers['content-security-policy']).toContain("img-src 'self' data:");
        expect(res.headers).toMatchObject({
          'x-content-type-options': 'nosniff',
          'x-frame-options': 'SAMEORIGIN',
          'strict-transport-security': expect.stringContaining('max-age='),
          'cross-origin-opener-policy': 'same-origin',
        });
        expect(res.headers['x-powered-by']).toBeUndefined();
      }
    });

    it('counts X-Forwarded-For only from a configured proxy: a forged one does not reset the limit, clients behind the proxy each have theirs', async () => {
      const forged = [];
      for (let i = 1; i <= 4; i++) forged.push((await login('forger', '127.0.0.1', `203.0.113.${i}`)).statusCode);
      expect(forged).toEqual([400, 400, 400, 429]);
      const proxied = [];
      for (let i = 1; i <= 4; i++) proxied.push((await login('behind.proxy', TRUSTED_PROXY, `198.51.100.${i}`)).statusCode);
      expect(proxied).toEqual([400, 400, 400, 400]);
      // The same client behind the proxy is limited.
      for (let i = 0; i < 3; i++) await login('behind.proxy', TRUSTED_PROXY, '198.51.100.9');
      expect((await login('behind.proxy', TRUSTED_PROXY, '198.51.100.9')).statusCode).toBe(429);
    });
  });

  describe('bearer tokens', () => {
    const key = new TextEncoder().encode(JWT_SECRET);
    const now = Math.floor(Date.now() / 1000);
    const claims = { username: 'admin', role: 'ADMIN', scope: { provinceCode: '*' } };
    const signed = (build: (j: SignJWT) => SignJWT) =>
      build(new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject(randomUUID())).sign(key);
    const full = (j: SignJWT) => j.setIssuer('ocop-platform').setAudience('ocop-api');

    it('requires exp, iat, the issuer and the audience, and bounds iat to the token lifetime within a small clock tolerance', async () => {
      const status = async (build: (j: SignJWT) => SignJWT) => {
        const res = await p.http('GET', '/api/users', { token: await signed(build) });
        return res.status === 401 ? `401 ${res.body.code}` : String(res.status);
      };
      const refused = {
        'no exp': await status((j) => full(j).setIssuedAt()),
        'no iat': await status((j) => full(j).setExpirationTime('10m')),
        'iat an hour ahead': await status((j) =>
          full(j)
            .setIssuedAt(now + 3600)
            .setExpirationTime(now + 7200),
        ),
        'a lifetime far beyond the configured one': await status((j) =>
          full(j)
            .setIssuedAt(now - 7200)
            .setExpirationTime(now + 10 * 365 * 86400),
        ),
        'expired beyond the tolerance': await status((j) =>
          full(j)
            .setIssuedAt(now - 600)
            .setExpirationTime(now - 120),
        ),
        'another issuer': await status((j) => j.setIssuer('someone-else').setAudience('ocop-api').setIssuedAt().setExpirationTime('10m')),
        'no issuer': await status((j) => j.setAudience('ocop-api').setIssuedAt().setExpirationTime('10m')),
        'another audience': await status((j) =>
          j.setIssuer('ocop-platform').setAudience('other-api').setIssuedAt().setExpirationTime('10m'),
        ),
      };
      expect(refused).toEqual(Object.fromEntries(Object.keys(refused).map((k) => [k, '401 UNAUTHENTICATED'])));
      // Well-formed, also issued a few seconds "in the future" by a replica whose clock runs ahead.
      expect(await status((j) => full(j).setIssuedAt().setExpirationTime('10m'))).toBe('200');
      expect(
        await status((j) =>
          full(j)
            .setIssuedAt(now + 10)
            .setExpirationTime(now + 600),
        ),
      ).toBe('200');
    });
  });

  it('a district officer may request revocation only of the certificates its own district issued', async () => {
    const cert = await certificate({
      tier: 'DISTRICT',
      unitCode: DEMO.districtCode,
      certifyingTier: 'DISTRICT',
      authorityUnitCode: DEMO.districtCode,
      legalVersion: '148',
      stars: 3,
      rank: 3,
      band: 3,
      mean: '60.00',
      sumHundredths: 30_000,
      completedAt: '2024-10-10T03:00:00.000Z',
    });
    const other = await createUser('officer.381', {
      role: 'DISTRICT_OFFICER',
      provinceCode: DEMO.provinceCode,
      districtCode: OTHER_DISTRICT,
    });
    const body = { certificateId: cert.id, reasonCode: 'QUALITY_NOT_AS_CERTIFIED', details: 'Bao bì không đúng mẫu đã công nhận' };
    const refused = await p.http('POST', '/api/certification/revocations', { token: other.token, body });
    expect([refused.status, refused.body.code]).toEqual([403, 'SCOPE_FORBIDDEN']);
    expect((await p.http('GET', `/api/certification/revocations?certificateId=${cert.id}`, { token: admin })).body).toEqual([]);
    const own = await p.http('POST', '/api/certification/revocations', { token: district, body });
    expect([own.status, own.body.status]).toEqual([201, 'REQUESTED']);
  });

  describe('councils, sessions and score sheets', () => {
    it('a member sees the councils and sessions they sit on only; sheets: their own, the chair and secretary all once closed', async () => {
      const tree = await treeFor(p, admin, '148', '04');
      const assessed = communeAssessmentOf(tree);
      const a = await councilUsers(p, admin, 'hda', ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung']);
      const [chair, m2, m3, secretary] = a as [(typeof a)[0], (typeof a)[0], (typeof a)[0], (typeof a)[0]];
      const b = await councilUsers(p, admin, 'hdb', ['Hoàng Văn Em', 'Đỗ Thị Giang', 'Vũ Văn Hải']);
      const councilA = await p.http('POST', '/api/scoring/councils', {
        token: office,
        body: {
          name: 'Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Thanh Hóa (A)',
          tier: 'PROVINCE',
          unitCode: DEMO.provinceCode,
          authorityName: 'UBND tỉnh Thanh Hóa',
          placeName: 'Thanh Hóa',
          quorum: 3,
          members: [member(chair, 'CHAIR'), member(m2, 'MEMBER'), member(m3, 'MEMBER'), member(secretary, 'SECRETARY')],
        },
      });
      expect(councilA.status).toBe(201);
      const councilB = await p.http('POST', '/api/scoring/councils', {
        token: district,
        body: {
          name: 'Hội đồng OCOP thành phố Thanh Hóa (B)',
          tier: 'DISTRICT',
          unitCode: DEMO.districtCode,
          authorityName: 'UBND thành phố Thanh Hóa',
          placeName: 'Thanh Hóa',
          quorum: 2,
          members: [member(b[0]!, 'CHAIR'), member(b[1]!, 'MEMBER'), member(b[2]!, 'SECRETARY')],
        },
      });
      expect(councilB.status).toBe(201);
      // District councils meet only before 01/07/2025 (the two-level local government).
      const sessionB = await p.http('POST', '/api/scoring/sessions', {
        token: b[2]!.token,
        headers: { 'x-as-of': '2025-06-01T01:00:00Z' },
        body: { councilId: councilB.body.id, title: 'Phiên họp huyện', scheduledFor: '2025-06-20T01:00:00Z' },
      });
      expect(sessionB.status).toBe(201);

      // One dossier scored and closed by council A.
      const officer = await p.login('commune.officer');
      const dossier = await proposedDossier(p, officer, await newProducer(p, officer, 'Hợp tác xã Mật ong Như Xuân'), 'Mật ong hoa nhãn', {
        assessment: assessed,
      });
      const e = await evaluationOf(p, office, dossier, 'PROVINCE');
      expect(
        (await p.http('PUT', `/api/scoring/evaluations/${e.id}/lab-result`, { token: office, body: { state: 'PASSED' } })).status,
      ).toBe(200);
      const voting = councilA.body.members.filter((x: { voting: boolean }) => x.voting).map((x: { id: string }) => x.id);
      const sA = await p.http('POST', '/api/scoring/sessions', {
        token: secretary.token,
        body: { councilId: councilA.body.id, title: 'Phiên họp tỉnh', scheduledFor: '2026-11-24T01:00:00Z' },
      });
      expect(
        (await p.http('POST', `/api/scoring/sessions/${sA.body.id}/agenda`, { token: secretary.token, body: { evaluationIds: [e.id] } }))
          .status,
      ).toBe(200);
      expect(
        (
          await p.http('PUT', `/api/scoring/sessions/${sA.body.id}/attendance`, {
            token: secretary.token,
            body: { presentMemberIds: voting },
          })
        ).status,
      ).toBe(200);
      for (const [i, m] of [chair, m2, m3].entries()) {
        const res = await p.http('PUT', `/api/scoring/sessions/${sA.body.id}/evaluations/${e.id}/sheet`, {
          token: m.token,
          body: { entries: sheetWithTotal(tree, 74 + i, { assessed }) },
        });
        expect(res.status).toBe(200);
      }

      // Councils and sessions: by membership.
      const councilIds = (await p.http('GET', '/api/scoring/councils', { token: m2.token })).body.map((c: { id: string }) => c.id);
      expect(councilIds).toEqual([councilA.body.id]);
      expect((await p.http('GET', `/api/scoring/councils/${councilB.body.id}`, { token: m2.token })).status).toBe(404);
      const sessionIds = (await p.http('GET', '/api/scoring/sessions', { token: m2.token })).body.map((s: { id: string }) => s.id);
      expect(sessionIds).toEqual([sA.body.id]);
      const foreign = await p.http('GET', `/api/scoring/sessions/${sessionB.body.id}`, { token: m2.token });
      expect([foreign.status, foreign.body.code]).toEqual([404, 'SESSION_NOT_FOUND']);
      expect((await p.http('GET', `/api/scoring/sessions/${sA.body.id}`, { token: b[0]!.token })).status).toBe(404);
      expect((await p.http('GET', `/api/scoring/sessions/${sA.body.id}/minutes`, { token: b[0]!.token })).status).toBe(404);
      // The demo council member sits on no council: sees none of them.
      const demoMember = await p.login('council.member');
      expect((await p.http('GET', '/api/scoring/sessions', { token: demoMember })).body).toEqual([]);
      expect((await p.http('GET', '/api/scoring/councils', { token: demoMember })).body).toEqual([]);
      expect((await p.http('GET', `/api/scoring/evaluations/${e.id}`, { token: demoMember })).status).toBe(404);
      expect((await p.http('GET', `/api/scoring/evaluations/${e.id}`, { token: m2.token })).status).toBe(200);

      const sheetsOf = async (token: string) => {
        const res = await p.http('GET', `/api/scoring/sessions/${sA.body.id}/sheets`, { token });
        expect(res.status).toBe(200);
        return (res.body as { total: string }[]).map((s) => s.total).sort();
      };
      expect(await sheetsOf(m2.token)).toEqual(['75.00']);
      expect(await sheetsOf(chair.token)).toEqual(['74.00']);
      expect(await sheetsOf(secretary.token)).toEqual(['74.00', '75.00', '76.00']);
      const closed = await p.http('POST', `/api/scoring/sessions/${sA.body.id}/close`, { token: secretary.token });
      expect(closed.status).toBe(200);
      // Closed: a member still sees only their own sheet (the totals are in the minutes); the chair and the secretary see all.
      expect(await sheetsOf(m2.token)).toEqual(['75.00']);
      expect(await sheetsOf(m3.token)).toEqual(['76.00']);
      expect(await sheetsOf(chair.token)).toEqual(['74.00', '75.00', '76.00']);
      expect(await sheetsOf(secretary.token)).toEqual(['74.00', '75.00', '76.00']);
      expect(await sheetsOf(office)).toEqual(['74.00', '75.00', '76.00']);
    });

    it("a district council made by a national admin belongs to the district's province, so the province office sees it", async () => {
      const u = await councilUsers(p, admin, 'hdadm', ['Lý Văn Khoa', 'Mai Thị Liên', 'Tạ Văn Minh']);
      const body = {
        name: 'Hội đồng OCOP thành phố Thanh Hóa (do quản trị lập)',
        tier: 'DISTRICT',
        unitCode: DEMO.districtCode,
        authorityName: 'UBND thành phố Thanh Hóa',
        placeName: 'Thanh Hóa',
        quorum: 2,
        members: [member(u[0]!, 'CHAIR'), member(u[1]!, 'MEMBER'), member(u[2]!, 'SECRETARY')],
      };
      const created = await p.http('POST', '/api/scoring/councils', { token: admin, body });
      expect([created.status, created.body.provinceCode]).toEqual([201, DEMO.provinceCode]);
      expect((await p.http('GET', `/api/scoring/councils/${created.body.id}`, { token: office })).status).toBe(200);
      expect((await p.http('GET', '/api/scoring/councils', { token: office })).body.map((c: { id: string }) => c.id)).toContain(
        created.body.id,
      );
      const unknown = await p.http('POST', '/api/scoring/councils', { token: admin, body: { ...body, unitCode: '999' } });
      expect([unknown.status, unknown.body.code, unknown.body.field]).toEqual([422, 'COUNCIL_UNIT_UNKNOWN', 'unitCode']);
    });

    it("resolves every seat against the platform's users: unknown, wrong role, or another scope refused with the field named", async () => {
      const u = await councilUsers(p, admin, 'hdchk', ['Phan Văn Nam', 'Quách Thị Oanh', 'Kiều Văn Phúc']);
      const national = await createUser('hd.quocgia', { role: 'COUNCIL_MEMBER', provinceCode: 'VN' });
      const base = {
        name: 'Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Thanh Hóa (kiểm tra)',
        tier: 'PROVINCE',
        unitCode: DEMO.provinceCode,
        authorityName: 'UBND tỉnh Thanh Hóa',
        placeName: 'Thanh Hóa',
        quorum: 2,
      };
      const seats = (third: { userId: string; fullName: string }) => [
        member(u[0]!, 'CHAIR'),
        member(u[1]!, 'MEMBER'),
        member(third, 'SECRETARY'),
      ];
      const cases: [{ userId: string; fullName: string }, string][] = [
        [{ userId: randomUUID(), fullName: 'Không Có Thật' }, 'USER_UNKNOWN'],
        [{ userId: sub(district), fullName: 'Phòng Kinh tế' }, 'USER_ROLE_INVALID'],
        [{ userId: national.id, fullName: 'Thành viên quốc gia' }, 'USER_OUT_OF_SCOPE'],
      ];
      for (const [third, code] of cases) {
        const res = await p.http('POST', '/api/scoring/councils', { token: office, body: { ...base, members: seats(third) } });
        expect([res.status, res.body.code, res.body.field]).toEqual([422, code, 'members.2.userId']);
      }
      expect((await p.http('GET', '/api/scoring/councils', { token: office })).body.map((c: { name: string }) => c.name)).not.toContain(
        base.name,
      );
      expect((await p.http('POST', '/api/scoring/councils', { token: office, body: { ...base, members: seats(u[2]!) } })).status).toBe(201);
      // The ministry's council takes national members.
      const central = await p.http('POST', '/api/scoring/councils', {
        token: admin,
        body: {
          ...base,
          name: 'Hội đồng cấp quốc gia (kiểm tra)',
          tier: 'CENTRAL',
          unitCode: 'VN',
          authorityName: 'Bộ Nông nghiệp và Môi trường',
          placeName: 'Hà Nội',
          members: seats({ userId: national.id, fullName: 'Thành viên quốc gia' }),
        },
      });
      expect(central.status).toBe(201);
    });
  });

  describe('inspection teams, assignments and corrections', () => {
    let taskId: string;
    let violationId: string;
    let other: { id: string; token: string };
    const campaign = (inspectorUserIds: string[], certificateIds: string[]) =>
      p.http('POST', '/api/inspection/campaigns', {
        token: office,
        headers: { 'x-as-of': '2026-02-15T00:00:00Z' },
        body: {
          name: 'Kiểm tra đột xuất sản phẩm OCOP',
          legalBasis: 'Kế hoạch số 12/KH-UBND ngày 10/02/2026',
          periodFrom: '2026-03-01T00:00:00Z',
          periodTo: '2026-05-31T00:00:00Z',
          scope: { certificateIds },
          rule: { kind: 'ALL' },
          team: { inspectorUserIds },
        },
      });

    beforeAll(async () => {
      other = await createUser('inspector.two', { role: 'INSPECTOR', provinceCode: DEMO.provinceCode });
      const cert = await certificate({});
      const created = await campaign([inspectorId], [cert.id]);
      expect(created.status).toBe(201);
      // The pool fills by events: select once the certificate is there.
      await eventually(
        async () => (await db.query('SELECT 1 FROM inspection.certificate_pool WHERE certificate_id = $1', [cert.id])).length === 1,
        15_000,
        'certificate in the pool',
      );
      const selected = await p.http('POST', `/api/inspection/campaigns/${created.body.id}/select`, {
        token: office,
        headers: { 'x-as-of': '2026-03-01T00:00:00Z' },
      });
      expect(selected.status).toBe(200);
      const tasks = (await p.http('GET', `/api/inspection/tasks?campaignId=${created.body.id}`, { token: office })).body;
      expect(tasks).toHaveLength(1);
      taskId = tasks[0].id;
      const findings = INSPECTION_CHECKLIST.map((i) =>
        i.code === 'FOOD_SAFETY'
          ? { itemCode: i.code, severity: 'MAJOR', note: 'Thiếu giấy chứng nhận an toàn thực phẩm' }
          : { itemCode: i.code, severity: 'COMPLIANT' },
      );
      const done = await p.http('POST', `/api/inspection/tasks/${taskId}/complete`, {
        token: inspector,
        headers: { 'x-as-of': '2026-03-05T00:00:00Z' },
        body: { findings },
      });
      expect(done.status).toBe(200);
      violationId = done.body.violations[0].id;
    }, 60_000);

    it("a campaign team is the province's inspectors: an unknown id or another role is refused with its position named", async () => {
      const unknown = await campaign([inspectorId, randomUUID()], [randomUUID()]);
      expect([unknown.status, unknown.body.code, unknown.body.field]).toEqual([422, 'USER_UNKNOWN', 'team.inspectorUserIds.1']);
      const wrongRole = await campaign([sub(district)], [randomUUID()]);
      expect([wrongRole.status, wrongRole.body.code, wrongRole.body.field]).toEqual([422, 'USER_ROLE_INVALID', 'team.inspectorUserIds.0']);
    });

    it("a task is assigned only to an inspector of the campaign's province", async () => {
      const unknown = await p.http('POST', `/api/inspection/tasks/${taskId}/assign`, {
        token: office,
        body: { inspectorUserId: randomUUID() },
      });
      expect([unknown.status, unknown.body.code, unknown.body.field]).toEqual([422, 'USER_UNKNOWN', 'inspectorUserId']);
      const member = await p.http('POST', `/api/inspection/tasks/${taskId}/assign`, {
        token: office,
        body: { inspectorUserId: sub(office) },
      });
      expect([member.status, member.body.code, member.body.field]).toEqual([422, 'USER_ROLE_INVALID', 'inspectorUserId']);
    });

    it('only the inspector who found a violation, or the standing office, marks it corrected', async () => {
      const byOther = await p.http('POST', `/api/inspection/violations/${violationId}/correct`, { token: other.token });
      expect([byOther.status, byOther.body.code]).toEqual([403, 'NOT_VIOLATION_INSPECTOR']);
      const still = (await p.http('GET', '/api/inspection/violations', { token: office })).body.find(
        (v: { id: string }) => v.id === violationId,
      );
      expect(still.status).toBe('CORRECTIVE_ACTION');
      const byFinder = await p.http('POST', `/api/inspection/violations/${violationId}/correct`, { token: inspector });
      expect([byFinder.status, byFinder.body.status]).toEqual([200, 'CORRECTED']);
    });
  });

  describe('user scopes', () => {
    it("creates national (VN) accounts for the ministry's council members and agency staff, and refuses a province no unit has", async () => {
      const ghost = await p.http('POST', '/api/users', {
        token: admin,
        body: {
          username: 'ghost.99',
          password: 'access-password-2026',
          fullName: 'Tỉnh Không Có',
          role: 'COUNCIL_MEMBER',
          provinceCode: '99',
        },
      });
      expect([ghost.status, ghost.body.code, ghost.body.field]).toEqual([400, 'UNIT_UNKNOWN', 'provinceCode']);
      const agency = await createUser('cuc.ktht', { role: 'AGENCY_OFFICER', provinceCode: 'VN', agencyCode: 'BNNMT' });
      const me = (await p.http('GET', '/api/users', { token: admin })).body.find((x: { id: string }) => x.id === agency.id);
      expect(me).toMatchObject({ role: 'AGENCY_OFFICER', provinceCode: 'VN', districtCode: null });
      const office = await p.http('POST', '/api/users', {
        token: admin,
        body: {
          username: 'vp.quocgia',
          password: 'access-password-2026',
          fullName: 'Văn phòng',
          role: 'PROVINCE_OFFICE',
          provinceCode: 'VN',
        },
      });
      expect([office.status, office.body.code, office.body.field]).toEqual([400, 'SCOPE_NATIONAL_ROLE', 'provinceCode']);
      // A national account reads the national tier (the ministry's councils), not a province's.
      const councils = (await p.http('GET', '/api/scoring/councils', { token: agency.token })).body as { tier: string }[];
      expect(councils.length).toBeGreaterThan(0);
      expect(new Set(councils.map((c) => c.tier))).toEqual(new Set(['CENTRAL']));
    });

    it('lets a national admin open and list the rounds of a named province', async () => {
      const round = { cycleYear: 2027, number: 1, name: 'Đợt 1 năm 2027', opensOn: '2027-03-01', closesOn: '2027-06-30' };
      const needsProvince = await p.http('POST', '/api/rounds', { token: admin, body: round });
      expect([needsProvince.status, needsProvince.body.code, needsProvince.body.field]).toEqual([422, 'PROVINCE_REQUIRED', 'provinceCode']);
      const ghost = await p.http('POST', '/api/rounds', { token: admin, body: { ...round, provinceCode: '99' } });
      expect([ghost.status, ghost.body.code]).toEqual([422, 'UNIT_UNKNOWN']);
      const created = await p.http('POST', '/api/rounds', { token: admin, body: { ...round, provinceCode: DEMO.provinceCode } });
      expect([created.status, created.body.provinceCode]).toEqual([201, DEMO.provinceCode]);
      const listed = await p.http('GET', `/api/rounds?provinceCode=${DEMO.provinceCode}`, { token: admin });
      expect(listed.status).toBe(200);
      expect(listed.body.map((r: { id: string }) => r.id)).toContain(created.body.id);
      expect((await p.http('GET', '/api/rounds', { token: office })).body.map((r: { id: string }) => r.id)).toContain(created.body.id);
      const elsewhere = await p.http('GET', '/api/rounds?provinceCode=01', { token: office });
      expect([elsewhere.status, elsewhere.body.code]).toEqual([403, 'OUT_OF_SCOPE']);
    });
  });
});
