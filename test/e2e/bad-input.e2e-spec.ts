import { Client } from 'pg';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { DEMO } from '@ocop/contracts';
import { eventually } from '@ocop/testing';
import { PDF, multipartBody, startPlatform, type Platform } from '../support/platform';

const goodProducer = {
  type: 'ENTERPRISE',
  name: 'Công ty TNHH Nông sản Sầm Sơn',
  businessRegistrationNumber: '2802223334',
  representativeName: 'Trần Văn Bình',
  phone: '0911222333',
  address: 'Phường Trung Sơn',
  communeCode: DEMO.communeCode,
  womanLed: false,
  ethnicMinority: true,
};

/** Bad input gets a 4xx problem+json naming the field and a stable code, and leaves no rows or events behind. */
describe('bad input', () => {
  let p: Platform;
  let officer: string;
  let pg: Client;
  /** Row and stream counts, once the outbox has relayed everything committed so far. */
  async function counts() {
    const q = async (sql: string) => Number((await pg.query(sql)).rows[0].n);
    await eventually(
      async () => (await q('SELECT count(*) AS n FROM registration.outbox WHERE published_at IS NULL')) === 0,
      10_000,
      'the outbox to drain',
    );
    const nc = await connect({ servers: p.env.natsUrl });
    const messages = (await (await jetstreamManager(nc)).streams.info(p.env.stream)).state.messages;
    await nc.close();
    return {
      producers: await q('SELECT count(*) AS n FROM registration.producer'),
      dossiers: await q('SELECT count(*) AS n FROM registration.dossier'),
      documents: await q('SELECT count(*) AS n FROM registration.dossier_document'),
      outbox: await q('SELECT count(*) AS n FROM registration.outbox'),
      audit: await q('SELECT count(*) AS n FROM registration.audit_log'),
      users: await q('SELECT count(*) AS n FROM gateway.app_user'),
      messages,
    };
  }

  beforeAll(async () => {
    p = await startPlatform();
    officer = await p.login('commune.officer');
    pg = new Client({ connectionString: p.env.databaseUrl });
    await pg.connect();
  });
  afterAll(async () => {
    await pg?.end();
    await p?.stop();
  });

  const cases: [string, Record<string, unknown> | string, number, string, string][] = [
    ['missing field', { ...goodProducer, name: undefined }, 400, 'VALIDATION_FAILED', 'name'],
    ['wrong type', { ...goodProducer, womanLed: 'yes' }, 400, 'VALIDATION_FAILED', 'womanLed'],
    ['unknown field', { ...goodProducer, isAdmin: true }, 400, 'VALIDATION_FAILED', 'isAdmin'],
    ['malformed commune code', { ...goodProducer, communeCode: '12' }, 400, 'VALIDATION_FAILED', 'communeCode'],
    ['unknown commune', { ...goodProducer, communeCode: '99999' }, 400, 'UNIT_UNKNOWN', 'communeCode'],
    [
      'invalid business registration number',
      { ...goodProducer, businessRegistrationNumber: '28012345X7' },
      400,
      'BUSINESS_REGISTRATION_INVALID',
      'businessRegistrationNumber',
    ],
    ['invalid producer type', { ...goodProducer, type: 'STATE_FARM' }, 400, 'VALIDATION_FAILED', 'type'],
  ];

  it.each(cases)('refuses a producer with %s', async (_name, body, status, code, field) => {
    const before = await counts();
    const res = await p.http('POST', '/api/producers', { token: officer, body });
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      status,
      code,
      field,
      type: expect.stringMatching(/^urn:ocop:problem:/),
      title: code,
      instance: '/api/producers',
    });
    expect(await counts()).toEqual(before);
  });

  it('refuses malformed JSON and oversized bodies', async () => {
    const before = await counts();
    const malformed = await p.http('POST', '/api/producers', {
      token: officer,
      payload: '{"type": "ENTERPRISE",',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ code: 'MALFORMED_JSON', field: 'body' });
    const huge = await p.http('POST', '/api/producers', {
      token: officer,
      payload: JSON.stringify({ ...goodProducer, name: 'x'.repeat(2 * 1024 * 1024) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ code: 'BODY_TOO_LARGE', field: 'body' });
    expect(await counts()).toEqual(before);
  });

  it('refuses a duplicate registration number with 409 and no second row', async () => {
    const first = await p.http('POST', '/api/producers', { token: officer, body: goodProducer });
    expect(first.status).toBe(201);
    const before = await counts();
    const again = await p.http('POST', '/api/producers', { token: officer, body: goodProducer });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'PRODUCER_DUPLICATE', field: 'businessRegistrationNumber' });
    expect(await counts()).toEqual(before);
  });

  it('refuses bad path ids, product sets, dossier commands and uploads without leaving anything', async () => {
    const producer = await p.login('producer');
    const before = await counts();
    expect((await p.http('GET', '/api/dossiers/not-a-uuid', { token: producer })).body).toMatchObject({ status: 400, field: 'id' });
    const badSet = await p.http('POST', '/api/products', {
      token: producer,
      body: { producerId: DEMO.producerId, name: 'Rượu', productSetCode: '27' },
    });
    expect(badSet.body).toMatchObject({ status: 400, code: 'PRODUCT_SET_UNKNOWN', field: 'productSetCode' });
    const badKind = await p.http('POST', '/api/dossiers', { token: producer, body: { productId: DEMO.productId, kind: 'RENEW' } });
    expect(badKind.body).toMatchObject({ status: 400, field: 'kind' });
    const badQuery = await p.http('GET', '/api/dossiers?limit=abc', { token: producer });
    expect(badQuery.body).toMatchObject({ status: 400, field: 'limit' });
    expect(await counts()).toEqual(before);

    const dossier = await p.http('POST', '/api/dossiers', { token: producer, body: { productId: DEMO.productId, kind: 'NEW' } });
    const afterCreate = await counts();
    const notPdf = multipartBody('REGISTRATION_FORM', Buffer.from('MZ not a pdf at all'), 'x.pdf', 'application/pdf');
    expect((await p.http('POST', `/api/dossiers/${dossier.body.id}/documents`, { token: producer, ...notPdf })).body).toMatchObject({
      status: 400,
      code: 'DOCUMENT_CONTENT_MISMATCH',
      field: 'file',
    });
    const badType = multipartBody('LOVE_LETTER', PDF);
    expect((await p.http('POST', `/api/dossiers/${dossier.body.id}/documents`, { token: producer, ...badType })).body).toMatchObject({
      status: 400,
      code: 'DOCUMENT_TYPE_UNKNOWN',
      field: 'type',
    });
    const emptyReasons = await p.http('POST', `/api/dossiers/${dossier.body.id}/return`, { token: officer, body: { reasons: [] } });
    expect(emptyReasons.body).toMatchObject({ status: 400, field: 'reasons' });
    const wrongState = await p.http('POST', `/api/dossiers/${dossier.body.id}/accept`, { token: officer });
    expect(wrongState.body).toMatchObject({ status: 409, code: 'DOSSIER_INVALID_TRANSITION' });
    expect(await counts()).toEqual(afterCreate);
    const stored = await pg.query('SELECT count(*) AS n FROM registration.dossier_document');
    expect(Number(stored.rows[0].n)).toBe(0);
  });

  it('refuses as-of overrides that are not instants, and logins that fail, with named fields', async () => {
    const res = await p.http('GET', '/api/dossiers', { token: officer, headers: { 'x-as-of': 'yesterday' } });
    expect(res.body).toMatchObject({ status: 400, code: 'AS_OF_INVALID', field: 'X-As-Of' });
    const login = await p.http('POST', '/api/auth/login', { body: { username: 'commune.officer', password: 'wrong' } });
    expect(login.body).toMatchObject({ status: 400, code: 'LOGIN_FAILED', field: 'password' });
    expect(login.body.accessToken).toBeUndefined();
  });
});
