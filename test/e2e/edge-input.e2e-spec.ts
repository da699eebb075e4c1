import { Client } from 'pg';
import { DEMO } from '@ocop/contracts';
import { PDF, startPlatform, type Platform } from '../support/platform';

const producerBody = (n: string) => ({
  type: 'ENTERPRISE',
  name: 'Công ty TNHH Nông sản Hoằng Hóa',
  businessRegistrationNumber: n,
  representativeName: 'Lê Văn Cường',
  phone: '0911222444',
  address: 'Xã Hoằng Đạo',
  communeCode: DEMO.communeCode,
  womanLed: false,
  ethnicMinority: false,
});

/** Classes of bad input found by driving a province's year through the API: each answers 4xx problem+json naming the field, and writes nothing. */
describe('input at the edge', () => {
  let p: Platform;
  let officer: string;
  let admin: string;
  let pg: Client;
  const count = async (table: string) => Number((await pg.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);

  beforeAll(async () => {
    p = await startPlatform();
    officer = await p.login('commune.officer');
    admin = await p.login('admin');
    pg = new Client({ connectionString: p.env.databaseUrl });
    await pg.connect();
  });
  afterAll(async () => {
    await pg?.end();
    await p?.stop();
  });

  const expectProblem = (
    res: { status: number; body: any; headers: Record<string, unknown> },
    status: number,
    code: string,
    field?: string,
  ) => {
    expect({ status: res.status, code: res.body?.code, field: res.body?.field }).toEqual({ status, code, field });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  };

  it('refuses a NUL byte or a lone surrogate in a body string, a key, a query value and a multipart file name', async () => {
    const before = await count('registration.producer');
    expectProblem(
      await p.http('POST', '/api/producers', { token: officer, body: { ...producerBody('2802223335'), name: 'Công ty\u0000 TNHH' } }),
      400,
      'TEXT_INVALID',
      'name',
    );
    expectProblem(
      await p.http('POST', '/api/producers', {
        token: officer,
        payload: `{"name":"\\ud800x","type":"ENTERPRISE"}`,
        headers: { 'content-type': 'application/json' },
      }),
      400,
      'TEXT_INVALID',
      'name',
    );
    expectProblem(
      await p.http('POST', '/api/producers', { token: officer, body: { ...producerBody('2802223335'), ['bad\u0000key']: 1 } }),
      400,
      'TEXT_INVALID',
      'bad\u0000key',
    );
    expectProblem(await p.http('GET', '/api/dossiers?status=%00', { token: officer }), 400, 'TEXT_INVALID', 'status');
    expect(await count('registration.producer')).toBe(before);

    const producer = await p.login('producer');
    const dossier = await p.http('POST', '/api/dossiers', { token: producer, body: { productId: DEMO.productId, kind: 'NEW' } });
    expect(dossier.status).toBe(201);
    const boundary = '----ocopnul';
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="type"\r\n\r\nREGISTRATION_FORM\r\n`),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a\u0000b.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      PDF,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const upload = await p.http('POST', `/api/dossiers/${dossier.body.id}/documents`, {
      token: producer,
      payload,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expectProblem(upload, 400, 'TEXT_INVALID', 'file');
    expect(await count('registration.dossier_document')).toBe(0);
  });

  it('bounds how deep JSON nests', async () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    expectProblem(
      await p.http('POST', '/api/producers', {
        token: officer,
        payload: `{"name":${deep}}`,
        headers: { 'content-type': 'application/json' },
      }),
      400,
      'INPUT_TOO_DEEP',
      expect.stringMatching(/^name(\.0)+$/) as never,
    );
    expectProblem(
      await p.http('POST', '/api/producers', { token: officer, payload: deep, headers: { 'content-type': 'application/json' } }),
      400,
      'INPUT_TOO_DEEP',
      expect.stringMatching(/^0(\.0)+$/) as never,
    );
  });

  it('bounds every numeric query parameter and parses only plain decimals', async () => {
    expectProblem(await p.http('GET', '/api/dossiers?offset=99999999999999999999', { token: officer }), 400, 'VALIDATION_FAILED', 'offset');
    expectProblem(
      await p.http('GET', '/api/inspection/coverage?withinMonths=0x10', { token: admin }),
      400,
      'VALIDATION_FAILED',
      'withinMonths',
    );
    expectProblem(await p.http('GET', '/api/dossiers?limit=1e2', { token: officer }), 400, 'VALIDATION_FAILED', 'limit');
    expectProblem(await p.http('GET', '/api/dossiers?limit=1&limit=2', { token: officer }), 400, 'VALIDATION_FAILED', 'limit');
    expect((await p.http('GET', '/api/dossiers?limit=5&offset=0', { token: officer })).status).toBe(200);
  });

  it('takes X-As-Of only as a real instant with its offset', async () => {
    for (const asOf of ['2026-02-30T00:00:00Z', '2026-02-28', '2026-02-28T08:00:00', 'Tue, 01 Dec 2026 10:00:00 GMT']) {
      expectProblem(
        await p.http('GET', '/api/dossiers', { token: officer, headers: { 'x-as-of': asOf } }),
        400,
        'AS_OF_INVALID',
        'X-As-Of',
      );
    }
    expect((await p.http('GET', '/api/dossiers', { token: officer, headers: { 'x-as-of': '2026-02-28T08:00:00+07:00' } })).status).toBe(
      200,
    );
  });

  it('refuses query parameters a route does not declare, instead of ignoring them', async () => {
    expectProblem(await p.http('GET', '/api/auth/me?role=ADMIN', { token: admin }), 400, 'VALIDATION_FAILED', 'role');
    expectProblem(
      await p.http('GET', '/api/admin/dead-letters?service=registration&limit=5', { token: admin }),
      400,
      'VALIDATION_FAILED',
      'limit',
    );
    expectProblem(
      await p.http('GET', '/api/inspection/violations?certificateIdx=1', { token: admin }),
      400,
      'VALIDATION_FAILED',
      'certificateIdx',
    );
    expectProblem(await p.http('GET', '/api/dossiers?colour=red', { token: officer }), 400, 'VALIDATION_FAILED', 'colour');
  });

  it('names the path parameter that is wrong', async () => {
    const res = await p.http('DELETE', `/api/inspection/labs/${DEMO.producerId}/credentials/not-a-uuid`, { token: admin });
    expectProblem(res, 400, 'VALIDATION_FAILED', 'credentialId');
  });

  it('answers errors raised before routing as problem+json: long path parameters, bad percent-encoding, huge URLs, multipart without boundary', async () => {
    const long = await p.http('GET', `/api/dossiers/${'a'.repeat(150)}`, { token: officer });
    expect(long.status).toBeGreaterThanOrEqual(400);
    expect(long.status).toBeLessThan(500);
    expect(long.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(long.body.code).toEqual(expect.any(String));
    expectProblem(await p.http('GET', '/api/dossiers/%E0%A4%A', { token: officer }), 400, 'URL_INVALID', 'path');
    const noBoundary = await p.http('POST', `/api/dossiers/${DEMO.producerId}/documents`, {
      token: officer,
      payload: 'x',
      headers: { 'content-type': 'multipart/form-data' },
    });
    expect(noBoundary.status).toBeGreaterThanOrEqual(400);
    expect(noBoundary.status).toBeLessThan(500);
    expect(noBoundary.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('answers a URL over 16 KB on a real socket with 431 problem+json', async () => {
    await p.gateway.listen(0, '127.0.0.1');
    const { port } = p.gateway.getHttpServer().address() as { port: number };
    const res = await fetch(`http://127.0.0.1:${port}/api/dossiers?x=${'a'.repeat(20_000)}`);
    expect(res.status).toBe(431);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await res.json()).toMatchObject({ status: 431, code: 'HEADERS_TOO_LARGE' });
  });

  it('answers the same create sent twice at once with one row and a 409 (never a 500)', async () => {
    const body = producerBody('2802223336');
    const before = await count('registration.producer');
    const answers = await Promise.all(Array.from({ length: 6 }, () => p.http('POST', '/api/producers', { token: officer, body })));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s !== 201).every((s) => s === 409)).toBe(true);
    for (const a of answers.filter((x) => x.status === 409)) expect(a.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await count('registration.producer')).toBe(before + 1);
  });

  it.each([
    [
      'a round',
      'province.office',
      '/api/rounds',
      { cycleYear: 2027, number: 3, name: 'Đợt 3 năm 2027', opensOn: '2027-09-01', closesOn: '2027-11-30' },
      'registration.evaluation_round',
    ],
    [
      'a lab',
      'province.office',
      '/api/inspection/labs',
      { code: 'LAB77', name: 'Trung tâm Kiểm nghiệm Thanh Hóa', indicators: ['E_COLI'], turnaroundDays: 7, contactName: 'Lê Thị Hoa' },
      'inspection.lab',
    ],
    [
      'a user',
      'admin',
      '/api/users',
      {
        username: 'xa.hoangdao',
        password: 'mat-khau-rat-dai-2026',
        fullName: 'Nguyễn Văn An',
        role: 'COMMUNE_OFFICER',
        provinceCode: '38',
        communeCode: DEMO.communeCode,
      },
      'gateway.app_user',
    ],
  ])('answers %s created twice at once with one row and 409s', async (_what, user, url, body, table) => {
    const token = await p.login(user);
    const before = await count(table);
    const answers = await Promise.all(Array.from({ length: 5 }, () => p.http('POST', url, { token, body })));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((st) => st === 201)).toHaveLength(1);
    expect(statuses.filter((st) => st !== 201)).toEqual(statuses.filter((st) => st === 409));
    for (const a of answers.filter((x) => x.status === 409)) expect(a.body).toMatchObject({ status: 409, code: expect.any(String) });
    expect(await count(table)).toBe(before + 1);
  });
});
