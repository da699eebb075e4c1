import { DataSource } from 'typeorm';
import { DEMO } from '@ocop/contracts';
import { multipartBody, PDF, startPlatform, type Platform } from '../support/platform';
import { certifyAtDistrict, evaluationOf, newProducer, proposedDossier } from '../support/scoring';

/**
 * Issue 18, consultants (đội ngũ tư vấn): the standing office registers a consultant; a producer grants it access to
 * its own dossiers; the consultant files on the producer's behalf (X-On-Behalf-Of) and reads its evaluations' gap to
 * the next star; it is refused on another producer's dossier, for a producer that granted it nothing, and after the
 * grant is revoked.
 */
describe('consultants acting for the producers that granted them access', () => {
  let p: Platform;
  let db: DataSource;
  let office: string;
  let producer: string;
  let consultant: string;
  let consultantId: string;
  let otherProducerId: string;
  let otherDossier: string;
  let evaluationId: string;

  const as = (token: string, producerId?: string) => ({
    token,
    headers: producerId ? { 'x-on-behalf-of': producerId } : undefined,
  });

  beforeAll(async () => {
    p = await startPlatform({ gateway: { loginRateLimit: 1000 }, scoring: { allowProvisionalCertification: true } });
    db = new DataSource({ type: 'postgres', url: p.env.databaseUrl });
    await db.initialize();
    const [admin, officer, district] = [await p.login('admin'), await p.login('commune.officer'), await p.login('district.officer')];
    office = await p.login('province.office');
    producer = await p.login('producer');
    // The demo producer's dossier scored at the district (a gap to read); another producer's dossier.
    const filed = '2024-05-10T03:00:00Z';
    const scored = await proposedDossier(p, officer, DEMO.producerId, 'Chè xanh Như Thanh', { asOf: filed, productSetCode: '08' });
    otherProducerId = await newProducer(p, officer, 'Hợp tác xã Mật ong Thanh Hóa', { asOf: filed });
    otherDossier = await proposedDossier(p, officer, otherProducerId, 'Mật ong rừng', { asOf: filed, productSetCode: '08' });
    await certifyAtDistrict(p, { admin, district }, [scored], { prefix: 'tv', expectCertificates: 1 });
    evaluationId = (await evaluationOf(p, district, scored, 'DISTRICT')).id;

    const registered = await p.http('POST', '/api/registration/consultants', {
      token: office,
      body: {
        kind: 'FIRM',
        name: 'Công ty TNHH Tư vấn Phát triển Nông thôn Thanh Hóa',
        phone: '0237 3852 123',
        services: ['PRODUCT_STORY'],
      },
    });
    expect(registered.status).toBe(201);
    consultantId = registered.body.id;
    const account = {
      username: 'tuvan.thanhhoa',
      password: 'mat-khau-tu-van-2026',
      fullName: 'Lê Văn Tư',
      role: 'CONSULTANT',
      provinceCode: '38',
    };
    // A consultant account names its consultant, and never a producer.
    const withProducer = await p.http('POST', '/api/users', {
      token: admin,
      body: { ...account, consultantId, producerId: DEMO.producerId },
    });
    expect([withProducer.status, withProducer.body.code, withProducer.body.field]).toEqual([400, 'SCOPE_NOT_ALLOWED', 'producerId']);
    const without = await p.http('POST', '/api/users', { token: admin, body: account });
    expect([without.status, without.body.field]).toEqual([400, 'consultantId']);
    expect((await p.http('POST', '/api/users', { token: admin, body: { ...account, consultantId } })).status).toBe(201);
    consultant = await p.login('tuvan.thanhhoa', 'mat-khau-tu-van-2026');
  }, 180_000);
  afterAll(async () => {
    await db?.destroy();
    await p?.stop();
  });

  it('refuses a bad consultant and a bad grant with their fields, and writes nothing', async () => {
    const before = (await db.query('SELECT count(*)::int AS n FROM registration.consultant'))[0].n;
    const bad = await p.http('POST', '/api/registration/consultants', { token: office, body: { kind: 'AGENCY', name: 'X', phone: '1' } });
    expect([bad.status, bad.body.field]).toEqual([400, 'kind']);
    expect((await db.query('SELECT count(*)::int AS n FROM registration.consultant'))[0].n).toBe(before);
    const unknown = await p.http('POST', `/api/producers/${DEMO.producerId}/consultant-grants`, {
      token: producer,
      body: { consultantId: '3a1f2c00-0000-4000-8000-00000000ffff' },
    });
    expect([unknown.status, unknown.body.code, unknown.body.field]).toEqual([400, 'CONSULTANT_NOT_FOUND', 'consultantId']);
    // A producer grants for itself only; the office does not grant for it.
    const forOther = await p.http('POST', `/api/producers/${otherProducerId}/consultant-grants`, {
      token: producer,
      body: { consultantId },
    });
    expect(forOther.status).toBe(404);
    expect(
      (await p.http('POST', `/api/producers/${DEMO.producerId}/consultant-grants`, { token: office, body: { consultantId } })).status,
    ).toBe(403);
    expect((await db.query('SELECT count(*)::int AS n FROM registration.consultant_grant'))[0].n).toBe(0);
    const header = await p.http('GET', '/api/dossiers', as(consultant, 'not-a-uuid'));
    expect([header.status, header.body.code]).toEqual([400, 'ON_BEHALF_OF_INVALID']);
  });

  it('files for the producer that granted it access, nowhere else, and not after the grant is revoked', async () => {
    // Before any grant: nothing, whatever producer it names.
    expect((await p.http('GET', '/api/dossiers', as(consultant, DEMO.producerId))).body).toMatchObject({
      status: 403,
      code: 'CONSULTANT_NOT_GRANTED',
    });
    const grant = await p.http('POST', `/api/producers/${DEMO.producerId}/consultant-grants`, { token: producer, body: { consultantId } });
    expect(grant.status).toBe(201);
    expect(grant.body).toMatchObject({ consultantId, producerId: DEMO.producerId, active: true });
    const again = await p.http('POST', `/api/producers/${DEMO.producerId}/consultant-grants`, { token: producer, body: { consultantId } });
    expect(again.body.id).toBe(grant.body.id);

    // Without naming the producer, a consultant has no scope; naming it, it acts as the producer does.
    expect((await p.http('GET', '/api/dossiers', as(consultant))).body).toMatchObject({ status: 403, code: 'SCOPE_MISSING' });
    const mine = as(consultant, DEMO.producerId);
    const product = await p.http('POST', '/api/products', {
      ...mine,
      body: { producerId: DEMO.producerId, name: 'Trà hoa vàng', productSetCode: '08' },
    });
    expect(product.status).toBe(201);
    const dossier = await p.http('POST', '/api/dossiers', { ...mine, body: { productId: product.body.id, kind: 'NEW' } });
    expect(dossier.status).toBe(201);
    const { payload, headers } = multipartBody('REGISTRATION_FORM', PDF);
    const upload = await p.http('POST', `/api/dossiers/${dossier.body.id}/documents`, {
      token: consultant,
      payload,
      headers: { ...headers, 'x-on-behalf-of': DEMO.producerId },
    });
    expect(upload.status).toBe(201);
    const listed = (await p.http('GET', '/api/dossiers', mine)).body.map((d: { producerId: string }) => d.producerId);
    expect(new Set(listed)).toEqual(new Set([DEMO.producerId]));
    // The gap to the next star of the producer's scored dossier.
    const gap = await p.http('GET', `/api/scoring/evaluations/${evaluationId}/gap`, mine);
    expect(gap.body).toMatchObject({ evaluationId, stars: 3, nextStars: 4, pointsMissing: '8.00' }); // 62 points: 8 short of 70
    // Another producer's dossier does not exist for it; a producer that granted nothing is refused.
    expect((await p.http('GET', `/api/dossiers/${otherDossier}`, mine)).status).toBe(404);
    expect((await p.http('GET', `/api/dossiers/${otherDossier}`, as(consultant, otherProducerId))).body.code).toBe(
      'CONSULTANT_NOT_GRANTED',
    );
    // Nor does it reach what only the producer itself decides, or other services' producer pages.
    expect((await p.http('POST', `/api/producers/${DEMO.producerId}/consultant-grants`, { ...mine, body: { consultantId } })).status).toBe(
      403,
    );
    expect((await p.http('GET', '/api/certification/certificates', mine)).status).toBe(403);
    // Audited as the consultant's own account.
    const [audit] = await db.query(
      `SELECT actor_role FROM registration.audit_log WHERE entity_id = $1 AND action LIKE 'dossier.%' LIMIT 1`,
      [dossier.body.id],
    );
    expect(audit?.actor_role).toBe('CONSULTANT');
    expect((await p.http('GET', '/api/consultant-grants', { token: consultant })).body).toEqual([
      expect.objectContaining({ producerId: DEMO.producerId, producerName: expect.any(String), active: true }),
    ]);

    // Revoked: refused from the next request, the token unchanged.
    const revoked = await p.http('POST', `/api/consultant-grants/${grant.body.id}/revoke`, { token: producer });
    expect(revoked.body).toMatchObject({ active: false, revokedBy: expect.any(String) });
    expect((await p.http('GET', `/api/dossiers/${dossier.body.id}`, mine)).body).toMatchObject({
      status: 403,
      code: 'CONSULTANT_NOT_GRANTED',
    });
    expect((await p.http('GET', `/api/scoring/evaluations/${evaluationId}/gap`, mine)).status).toBe(403);
    expect((await p.http('POST', `/api/consultant-grants/${grant.body.id}/revoke`, { token: producer })).body.active).toBe(false);
    const actions = await db.query(
      `SELECT action FROM registration.audit_log WHERE entity_type = 'consultant_grant' AND entity_id = $1 ORDER BY occurred_at`,
      [grant.body.id],
    );
    expect(actions.map((a: { action: string }) => a.action)).toEqual(['consultant.grant', 'consultant.revoke']);
  });
});
