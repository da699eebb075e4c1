import { DEMO } from '@ocop/contracts';
import { eventually } from '@ocop/testing';
import { PDF, TEST_ADMIN_PASSWORD, multipartBody, startPlatform, type Platform } from '../support/platform';

/** The whole intake through HTTP only, as the people who use it would do it. */
describe('dossier intake end to end', () => {
  let p: Platform;
  let admin: string;
  let officer: string;
  beforeAll(async () => {
    p = await startPlatform();
    admin = await p.login('admin');
    officer = await p.login('commune.officer');
  });
  afterAll(async () => {
    await p?.stop();
  });

  async function upload(token: string, dossierId: string, type: string, extra: Record<string, string> = {}) {
    const { payload, headers } = multipartBody(type, PDF);
    const res = await p.http('POST', `/api/dossiers/${dossierId}/documents`, { token, payload, headers: { ...headers, ...extra } });
    expect(res.status).toBe(201);
    return res.body;
  }

  /** A producer registered by the commune, with its own login: returns the producer's token and id. */
  async function newProducer(brn: string) {
    const created = await p.http('POST', '/api/producers', {
      token: officer,
      body: {
        type: 'COOPERATIVE',
        name: 'Hợp tác xã Chè Đông Sơn',
        businessRegistrationNumber: brn,
        representativeName: 'Nguyễn Thị Lan',
        phone: '0987654321',
        address: 'Thôn 2',
        communeCode: DEMO.communeCode,
        womanLed: true,
        ethnicMinority: false,
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ communeCode: DEMO.communeCode, districtCode: DEMO.districtCode, provinceCode: DEMO.provinceCode });
    const username = `producer.${brn}`;
    const user = await p.http('POST', '/api/users', {
      token: admin,
      body: {
        username,
        password: 'a-long-password-1',
        fullName: 'Nguyễn Thị Lan',
        role: 'PRODUCER',
        provinceCode: DEMO.provinceCode,
        producerId: created.body.id,
      },
    });
    expect(user.status).toBe(201);
    return { producerId: created.body.id as string, token: await p.login(username, 'a-long-password-1') };
  }

  it('takes a dossier from draft to the next tier list, with a return for completion, and shows every step on its timeline', async () => {
    const producer = await newProducer('2809876543');
    const product = await p.http('POST', '/api/products', {
      token: producer.token,
      body: { producerId: producer.producerId, name: 'Chè xanh Đông Sơn', productSetCode: '11' },
    });
    expect(product.status).toBe(201);
    expect(product.body.productGroup).toBe('FOOD');

    const created = await p.http('POST', '/api/dossiers', { token: producer.token, body: { productId: product.body.id, kind: 'NEW' } });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.body).toMatchObject({
      status: 'DRAFT',
      legalVersion: null,
      missingDocuments: ['REGISTRATION_FORM', 'SELF_ASSESSMENT', 'BUSINESS_PLAN', 'BUSINESS_REGISTRATION'],
    });

    // Submitting an incomplete dossier is refused and changes nothing.
    const incomplete = await p.http('POST', `/api/dossiers/${id}/submit`, { token: producer.token });
    expect(incomplete.status).toBe(422);
    expect(incomplete.body).toMatchObject({ code: 'DOSSIER_INCOMPLETE', field: 'documents' });

    for (const type of ['REGISTRATION_FORM', 'SELF_ASSESSMENT', 'BUSINESS_REGISTRATION', 'BUSINESS_PLAN'])
      await upload(producer.token, id, type);
    const submitted = await p.http('POST', `/api/dossiers/${id}/submit`, { token: producer.token });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'SUBMITTED', legalVersion: '148+1489', missingDocuments: [] });

    // The commune returns it once for completion, with reasons.
    const returned = await p.http('POST', `/api/dossiers/${id}/return`, {
      token: officer,
      body: { reasons: [{ documentType: 'QUALITY_DECLARATION', reason: 'Bổ sung bản công bố chất lượng sản phẩm' }] },
    });
    expect(returned.status).toBe(200);
    expect(returned.body.status).toBe('RETURNED_FOR_COMPLETION');
    expect(returned.body.returnReasons).toEqual([
      { documentType: 'QUALITY_DECLARATION', reason: 'Bổ sung bản công bố chất lượng sản phẩm' },
    ]);

    // The producer completes it and resubmits; the commune accepts and proposes it.
    await upload(producer.token, id, 'QUALITY_DECLARATION');
    const resubmitted = await p.http('POST', `/api/dossiers/${id}/submit`, { token: producer.token });
    expect(resubmitted.body).toMatchObject({ status: 'SUBMITTED', returnReasons: [] });
    expect((await p.http('POST', `/api/dossiers/${id}/accept`, { token: officer })).body.status).toBe('ACCEPTED_BY_COMMUNE');
    const communeAssessment = {
      reportReference: '45/BC-UBND',
      entries: ['A1.1', 'A1.2', 'A2.1', 'B2.2'].map((criterionCode) => ({ criterionCode, optionCode: 'b' })),
    };
    const proposed = await p.http('POST', `/api/dossiers/${id}/propose`, {
      token: officer,
      body: { proposalReference: '125/UBND-NN', communeAssessment },
    });
    expect(proposed.status).toBe(200);
    expect(proposed.body).toMatchObject({ status: 'PROPOSED', proposedTier: 'PROVINCE', proposedToUnitCode: DEMO.provinceCode });
    expect(proposed.body.roundId).toEqual(expect.any(String));

    // It appears on the province's list of proposed dossiers.
    const office = await p.login('province.office');
    const list = await p.http('GET', `/api/dossiers?status=PROPOSED&proposedTo=${DEMO.provinceCode}`, { token: office });
    expect(list.status).toBe(200);
    expect(list.body.map((d: { id: string }) => d.id)).toContain(id);

    // The timeline shows each step, in order, with who did it.
    const expected = [
      'registration.dossier-created.v1',
      ...Array(4).fill('registration.document-attached.v1'),
      'registration.dossier-submitted.v1',
      'registration.dossier-returned.v1',
      'registration.document-attached.v1',
      'registration.dossier-submitted.v1',
      'registration.dossier-accepted.v1',
      'registration.dossier-proposed.v1',
      // scoring puts it on the province's list of dossiers awaiting a council session
      'scoring.evaluation-opened.v1',
    ];
    const timeline = await eventually(
      async () => {
        const t = await p.http('GET', `/api/dossiers/${id}/timeline`, { token: producer.token });
        return t.body.length === expected.length ? t.body : undefined;
      },
      20_000,
      'the timeline to hold every step',
    );
    expect(timeline.map((e: { type: string }) => e.type)).toEqual(expected);
    expect(timeline.find((e: { type: string }) => e.type === 'registration.dossier-returned.v1')).toMatchObject({
      actorRole: 'COMMUNE_OFFICER',
    });
    expect(timeline[0]).toMatchObject({ actorRole: 'PRODUCER', source: 'ocop/registration' });
    expect(timeline.every((e: { occurredAt: string }) => !Number.isNaN(Date.parse(e.occurredAt)))).toBe(true);
  });

  it('stamps the legal version in force at filing: a dossier filed in 2024 goes to the district (148)', async () => {
    const producer = await newProducer('2801112223');
    const asOf = { 'x-as-of': '2024-05-10T03:00:00Z' };
    const product = await p.http('POST', '/api/products', {
      token: producer.token,
      body: { producerId: producer.producerId, name: 'Mật ong Đông Sơn', productSetCode: '04' },
    });
    const d = await p.http('POST', '/api/dossiers', {
      token: producer.token,
      body: { productId: product.body.id, kind: 'NEW' },
      headers: asOf,
    });
    expect(d.body.cycleYear).toBe(2024);
    for (const type of ['REGISTRATION_FORM', 'SELF_ASSESSMENT', 'BUSINESS_REGISTRATION', 'BUSINESS_PLAN'])
      await upload(producer.token, d.body.id, type, asOf);
    const submitted = await p.http('POST', `/api/dossiers/${d.body.id}/submit`, { token: producer.token, headers: asOf });
    expect(submitted.body).toMatchObject({ legalVersion: '148', filedAt: '2024-05-10T03:00:00.000Z' });
    await p.http('POST', `/api/dossiers/${d.body.id}/accept`, { token: officer, headers: asOf });
    const proposed = await p.http('POST', `/api/dossiers/${d.body.id}/propose`, { token: officer, body: {}, headers: asOf });
    expect(proposed.body).toMatchObject({ proposedTier: 'DISTRICT', proposedToUnitCode: DEMO.districtCode });
    const district = await p.login('district.officer');
    const list = await p.http('GET', `/api/dossiers?proposedTo=${DEMO.districtCode}`, { token: district });
    expect(list.body.map((x: { id: string }) => x.id)).toContain(d.body.id);
  });

  it('keeps the test admin bootstrap out of the way of demo users', async () => {
    const res = await p.http('POST', '/api/auth/login', { body: { username: 'admin', password: TEST_ADMIN_PASSWORD } });
    expect(res.status).toBe(400); // demo data won: the bootstrap admin is only for an empty database
  });
});
