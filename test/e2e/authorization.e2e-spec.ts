import { SignJWT } from 'jose';
import { DEMO } from '@ocop/contracts';
import { startPlatform, type Platform } from '../support/platform';

const OTHER_COMMUNE = '14802'; // same district, another commune

/** Out-of-scope reads and writes are refused for every role that should not reach them. */
describe('authorization by role and administrative scope', () => {
  let p: Platform;
  const t: Record<string, string> = {};
  let own: string; // dossier of the demo producer, commune 14801
  let other: string; // dossier of another producer, commune 14802

  beforeAll(async () => {
    p = await startPlatform();
    for (const u of [
      'admin',
      'province.office',
      'district.officer',
      'commune.officer',
      'producer',
      'council.member',
      'agency.officer',
      'inspector',
      'lab',
      'consultant',
    ]) {
      t[u] = await p.login(u);
    }
    own = (await p.http('POST', '/api/dossiers', { token: t.producer, body: { productId: DEMO.productId, kind: 'NEW' } })).body.id;
    const producer = await p.http('POST', '/api/producers', {
      token: t['province.office'],
      body: {
        type: 'HOUSEHOLD_BUSINESS',
        name: 'Hộ kinh doanh Phạm Văn Đức',
        businessRegistrationNumber: '38A8001234',
        representativeName: 'Phạm Văn Đức',
        phone: '0900000001',
        address: 'Thôn 5',
        communeCode: OTHER_COMMUNE,
        womanLed: false,
        ethnicMinority: false,
      },
    });
    expect(producer.status).toBe(201);
    const product = await p.http('POST', '/api/products', {
      token: t['province.office'],
      body: { producerId: producer.body.id, name: 'Nem chua', productSetCode: '08' },
    });
    const otherOfficer = await p.http('POST', '/api/users', {
      token: t.admin,
      body: {
        username: 'officer.14802',
        password: 'another-long-password',
        fullName: 'Cán bộ xã',
        role: 'COMMUNE_OFFICER',
        provinceCode: '38',
        communeCode: OTHER_COMMUNE,
      },
    });
    expect(otherOfficer.status).toBe(201);
    t.otherOfficer = await p.login('officer.14802', 'another-long-password');
    other = (await p.http('POST', '/api/dossiers', { token: t.otherOfficer, body: { productId: product.body.id, kind: 'NEW' } })).body.id;
    expect(other).toEqual(expect.any(String));
  });
  afterAll(async () => {
    await p?.stop();
  });

  it('refuses requests without a valid token', async () => {
    expect((await p.http('GET', '/api/dossiers')).status).toBe(401);
    expect((await p.http('GET', '/api/dossiers', { token: 'not.a.jwt' })).status).toBe(401);
    const forged = await new SignJWT({ role: 'ADMIN', scope: { provinceCode: '*' } })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setIssuer('ocop-platform')
      .setAudience('ocop-api')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('a-secret-that-is-not-the-gateways-own-secret'));
    const res = await p.http('GET', '/api/users', { token: forged });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });

  it.each([
    ['commune.officer', 'GET', () => `/api/dossiers/${other}`],
    ['commune.officer', 'GET', () => `/api/dossiers/${other}/timeline`],
    ['commune.officer', 'POST', () => `/api/dossiers/${other}/accept`],
    ['producer', 'GET', () => `/api/dossiers/${other}`],
    ['producer', 'POST', () => `/api/dossiers/${other}/submit`],
    ['otherOfficer', 'GET', () => `/api/dossiers/${own}`],
    ['otherOfficer', 'POST', () => `/api/dossiers/${own}/return`],
  ])('%s cannot see or touch a dossier outside its scope (%s %s): 404', async (who, method, url) => {
    const body = url().endsWith('/return') ? { reasons: [{ reason: 'Thiếu hồ sơ' }] } : undefined;
    const res = await p.http(method, url(), { token: t[who], body });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('DOSSIER_NOT_FOUND');
  });

  it.each([
    ['producer', 'POST', '/api/producers'],
    ['producer', 'GET', '/api/users'],
    ['commune.officer', 'POST', '/api/users'],
    ['province.office', 'GET', '/api/admin/dead-letters?service=registration'],
    ['council.member', 'POST', '/api/producers'],
    ['district.officer', 'POST', '/api/dossiers'],
    ['lab', 'GET', '/api/dossiers'],
    ['inspector', 'POST', '/api/rounds'],
    ['agency.officer', 'POST', '/api/products'],
    ['consultant', 'POST', '/api/producers'],
    ['consultant', 'POST', '/api/dossiers/00000000-0000-4000-8000-000000000000/accept'],
    ['consultant', 'GET', '/api/users'],
  ])('%s may not %s %s: 403', async (who, method, url) => {
    const res = await p.http(method, url, { token: t[who], body: method === 'POST' ? {} : undefined });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('ROLE_FORBIDDEN');
  });

  it('lets a producer read but not decide on its own dossier', async () => {
    expect((await p.http('GET', `/api/dossiers/${own}`, { token: t.producer })).status).toBe(200);
    const res = await p.http('POST', `/api/dossiers/${own}/accept`, { token: t.producer });
    expect(res.status).toBe(403);
  });

  it('confines lists to the scope', async () => {
    const ids = async (who: string) => (await p.http('GET', '/api/dossiers', { token: t[who] })).body.map((d: { id: string }) => d.id);
    expect(await ids('commune.officer')).toEqual([own]);
    expect(await ids('otherOfficer')).toEqual([other]);
    expect(await ids('producer')).toEqual([own]);
    expect((await ids('district.officer')).sort()).toEqual([own, other].sort());
    expect((await ids('province.office')).sort()).toEqual([own, other].sort());
    // A consultant has no unit: without a producer's grant it sees no dossier at all.
    expect((await p.http('GET', '/api/dossiers', { token: t.consultant })).body.code).toBe('SCOPE_MISSING');
  });

  it('refuses a commune officer registering a producer in another commune', async () => {
    const res = await p.http('POST', '/api/producers', {
      token: t['commune.officer'],
      body: {
        type: 'ENTERPRISE',
        name: 'Công ty A',
        businessRegistrationNumber: '2805556667',
        representativeName: 'Ngô Văn A',
        phone: '0900000002',
        address: 'Thôn 1',
        communeCode: OTHER_COMMUNE,
        womanLed: false,
        ethnicMinority: false,
      },
    });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('OUT_OF_SCOPE');
  });
});
