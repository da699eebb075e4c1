import { DataSource } from 'typeorm';
import { DEMO } from '@ocop/contracts';
import { eventually } from '@ocop/testing';
import { PDF, multipartBody, startPlatform, type Platform } from '../support/platform';
import { councilOfFour, evaluationOf, newProducer, sheetWithTotal, treeFor } from '../support/scoring';

type Entry = { id: string; type: string; occurredAt: string; data: Record<string, unknown> };

const CREATED = '2024-03-05T02:00:00.000Z';
const UPLOADED = '2024-03-05T03:00:00.000Z';
const SUBMITTED = '2024-03-06T02:00:00.000Z';
const ACCEPTED = '2024-03-06T08:00:00.000Z';
const PROPOSED = '2024-03-07T02:00:00.000Z';
const SESSION = '2024-06-20T02:00:00.000Z';
const SCORED = '2024-06-20T03:00:00.000Z';
const CORRECTED = '2024-06-20T04:00:00.000Z';
const CLOSED = '2024-06-20T09:00:00.000Z';
const NOTICE = '2027-04-01T02:00:00.000Z';
const REQUESTED = '2027-04-10T02:00:00.000Z';
const DECIDED = '2027-04-15T02:00:00.000Z';

/**
 * X-As-Of tells the truth everywhere: a dossier filed "as of 2024-03-05" and taken through scoring and
 * certification as of 2024 carries those instants in its stored times, its event envelopes and its timeline;
 * consumers stamp what they write with the event's own time; a job run as of an instant stamps its events with
 * it; an action dated before the record's last change is refused; the signing key is active since the
 * certificates it signed.
 */
describe('time travel with X-As-Of', () => {
  let p: Platform;
  let db: DataSource;
  let admin: string;
  let office: string;
  let officer: string;
  let district: string;
  let dossierId: string;
  let certificateId: string;
  const asOf = (instant: string) => ({ 'x-as-of': instant });

  beforeAll(async () => {
    p = await startPlatform({ gateway: { loginRateLimit: 1000 }, scoring: { allowProvisionalCertification: true } }); // the shipped 148 catalogue is PROVISIONAL;
    db = new DataSource({ type: 'postgres', url: p.env.databaseUrl });
    await db.initialize();
    admin = await p.login('admin');
    office = await p.login('province.office');
    officer = await p.login('commune.officer');
    district = await p.login('district.officer');
  }, 60_000);

  afterAll(async () => {
    await db?.destroy();
    await p?.stop();
  });

  const timeline = async (): Promise<Entry[]> => (await p.http('GET', `/api/dossiers/${dossierId}/timeline`, { token: office })).body;

  /** The first dossier's intake, each step as of its own instant (asserted below, so each test fails on its own). */
  const intake: Record<string, { status: number; body: any }> = {};
  async function takeThroughIntake(): Promise<void> {
    const producerId = await newProducer(p, officer, 'Hợp tác xã Nem chua Đông Sơn');
    const product = await p.http('POST', '/api/products', {
      token: officer,
      body: { producerId, name: 'Nem chua Thanh Hóa', productSetCode: '08' },
    });
    intake.created = await p.http('POST', '/api/dossiers', {
      token: officer,
      body: { productId: product.body.id, kind: 'NEW' },
      headers: asOf(CREATED),
    });
    dossierId = intake.created.body.id;
    for (const type of ['REGISTRATION_FORM', 'SELF_ASSESSMENT', 'BUSINESS_REGISTRATION', 'BUSINESS_PLAN']) {
      const { payload, headers } = multipartBody(type, PDF);
      intake[type] = await p.http('POST', `/api/dossiers/${dossierId}/documents`, {
        token: officer,
        payload,
        headers: { ...headers, ...asOf(UPLOADED) },
      });
    }
    intake.submitted = await p.http('POST', `/api/dossiers/${dossierId}/submit`, { token: officer, headers: asOf(SUBMITTED) });
    intake.accepted = await p.http('POST', `/api/dossiers/${dossierId}/accept`, { token: officer, headers: asOf(ACCEPTED) });
    intake.proposed = await p.http('POST', `/api/dossiers/${dossierId}/propose`, { token: officer, body: {}, headers: asOf(PROPOSED) });
  }

  it("stamps a dossier, its uploads, its audit records and its events with the request's as-of instant", async () => {
    await takeThroughIntake();
    expect(intake.created!.status).toBe(201);
    expect(intake.created!.body).toMatchObject({ createdAt: CREATED, updatedAt: CREATED });
    for (const type of ['REGISTRATION_FORM', 'SELF_ASSESSMENT', 'BUSINESS_REGISTRATION', 'BUSINESS_PLAN']) {
      expect(intake[type]).toMatchObject({ status: 201, body: { uploadedAt: UPLOADED } });
    }
    expect([intake.submitted!.status, intake.accepted!.status, intake.proposed!.status]).toEqual([200, 200, 200]);
    const proposed = intake.proposed!;
    expect(proposed.body).toMatchObject({
      status: 'PROPOSED',
      filedAt: SUBMITTED,
      legalVersion: '148',
      createdAt: CREATED,
      updatedAt: PROPOSED,
    });
    expect(proposed.body.documents.map((d: { uploadedAt: string }) => d.uploadedAt)).toEqual([UPLOADED, UPLOADED, UPLOADED, UPLOADED]);

    // The envelopes in the outbox, the audit trail and the timeline carry the as-of instants, not the wall clock.
    const envelopes: { type: string; time: string }[] = await db.query(
      `SELECT type, envelope->>'time' AS time FROM registration.outbox WHERE envelope->>'subject' = $1 AND type = ANY($2) ORDER BY envelope->>'time', created_at`,
      [
        dossierId,
        ['created', 'submitted', 'accepted', 'proposed']
          .map((x) => `registration.dossier-${x}.v1`)
          .concat('registration.document-attached.v1'),
      ],
    );
    expect(envelopes.map((e) => [e.type, e.time])).toEqual([
      ['registration.dossier-created.v1', CREATED],
      ...Array.from({ length: 4 }, () => ['registration.document-attached.v1', UPLOADED]),
      ['registration.dossier-submitted.v1', SUBMITTED],
      ['registration.dossier-accepted.v1', ACCEPTED],
      ['registration.dossier-proposed.v1', PROPOSED],
    ]);
    const audit: { action: string; occurred_at: Date }[] = await db.query(
      `SELECT action, occurred_at FROM registration.audit_log WHERE entity_type = 'dossier' AND entity_id = $1 AND action = ANY($2) ORDER BY occurred_at`,
      [dossierId, ['dossier.create', 'dossier.attach_document', 'dossier.submit', 'dossier.accept', 'dossier.propose']],
    );
    expect(audit.map((a) => a.occurred_at.toISOString())).toEqual([
      CREATED,
      UPLOADED,
      UPLOADED,
      UPLOADED,
      UPLOADED,
      SUBMITTED,
      ACCEPTED,
      PROPOSED,
    ]);
    const entries = await eventually(
      async () => {
        const t = await timeline();
        return t.length >= 8 ? t : undefined;
      },
      15_000,
      "the dossier's timeline",
    );
    const at = (type: string) => entries.filter((e) => e.type === type).map((e) => e.occurredAt);
    expect(at('registration.dossier-created.v1')).toEqual([CREATED]);
    expect(at('registration.dossier-submitted.v1')).toEqual([SUBMITTED]);
    expect(at('registration.dossier-proposed.v1')).toEqual([PROPOSED]);
  });

  it("refuses an action dated before the record's last change, and changes nothing", async () => {
    const producerId = await newProducer(p, officer, 'Hộ kinh doanh Chả tôm Sầm Sơn');
    const product = await p.http('POST', '/api/products', {
      token: officer,
      body: { producerId, name: 'Chả tôm Sầm Sơn', productSetCode: '08' },
    });
    const d = await p.http('POST', '/api/dossiers', {
      token: officer,
      body: { productId: product.body.id, kind: 'NEW' },
      headers: asOf(SUBMITTED),
    });
    for (const type of ['REGISTRATION_FORM', 'SELF_ASSESSMENT', 'BUSINESS_REGISTRATION', 'BUSINESS_PLAN']) {
      const { payload, headers } = multipartBody(type, PDF);
      expect(
        (
          await p.http('POST', `/api/dossiers/${d.body.id}/documents`, {
            token: officer,
            payload,
            headers: { ...headers, ...asOf(SUBMITTED) },
          })
        ).status,
      ).toBe(201);
    }
    // Submitted the day before the dossier was created (and its documents uploaded).
    const back = await p.http('POST', `/api/dossiers/${d.body.id}/submit`, { token: officer, headers: asOf(CREATED) });
    expect(back.status).toBe(409);
    expect(back.body).toMatchObject({ code: 'AS_OF_BEFORE_LAST_CHANGE', field: 'asOf' });
    expect(back.headers['content-type']).toMatch(/application\/problem\+json/);
    const after = await p.http('GET', `/api/dossiers/${d.body.id}`, { token: office });
    expect(after.body).toMatchObject({ status: 'DRAFT', filedAt: null, updatedAt: SUBMITTED });
    // At (or after) the last change it goes through.
    expect((await p.http('POST', `/api/dossiers/${d.body.id}/submit`, { token: officer, headers: asOf(SUBMITTED) })).status).toBe(200);
  });

  it("stamps a consumer's rows with the event's time, and sessions and score sheets with the request's", async () => {
    const evaluation = await evaluationOf(p, district, dossierId, 'DISTRICT');
    const council = await councilOfFour(p, admin, district, {
      prefix: 'hdtime',
      tier: 'DISTRICT',
      unitCode: DEMO.districtCode,
      name: 'Hội đồng OCOP thành phố Thanh Hóa',
      authorityName: 'UBND thành phố Thanh Hóa',
      asOf: SESSION,
    });
    const {
      secretary,
      voting: [chair],
    } = council;
    const s = await p.http('POST', '/api/scoring/sessions', {
      token: secretary.token,
      headers: asOf(SESSION),
      body: { councilId: council.id, title: 'Phiên họp đánh giá', location: 'Hội trường UBND', scheduledFor: SESSION },
    });
    expect(s.status).toBe(201);
    expect(
      (
        await p.http('POST', `/api/scoring/sessions/${s.body.id}/agenda`, {
          token: secretary.token,
          headers: asOf(SESSION),
          body: { evaluationIds: [evaluation.id] },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await p.http('PUT', `/api/scoring/sessions/${s.body.id}/attendance`, {
          token: secretary.token,
          headers: asOf(SESSION),
          body: { presentMemberIds: council.present },
        })
      ).status,
    ).toBe(200);
    const tree = await treeFor(p, admin, '148', '08');
    const sheetUrl = `/api/scoring/sessions/${s.body.id}/evaluations/${evaluation.id}/sheet`;
    const sheets = [];
    for (const m of council.voting)
      sheets.push(await p.http('PUT', sheetUrl, { token: m.token, headers: asOf(SCORED), body: { entries: sheetWithTotal(tree, 62) } }));
    const corrected = await p.http('PUT', sheetUrl, {
      token: chair!.token,
      headers: asOf(CORRECTED),
      body: { entries: sheetWithTotal(tree, 64) },
    });
    const closed = await p.http('POST', `/api/scoring/sessions/${s.body.id}/close`, { token: secretary.token, headers: asOf(CLOSED) });
    expect(closed.status).toBe(200);
    expect(closed.body.results.map((r: { outcome: string; stars: number }) => [r.outcome, r.stars])).toEqual([['CERTIFY', 3]]);

    // Scoring opened the evaluation from the dossier-proposed event: as of that event, not when its consumer ran.
    expect(evaluation.createdAt).toBe(PROPOSED);
    expect(council.view.createdAt).toBe(SESSION);
    expect(s.body.createdAt).toBe(SESSION);
    for (const sheet of sheets) expect(sheet).toMatchObject({ status: 200, body: { submittedAt: SCORED, updatedAt: SCORED } });
    expect(corrected.body).toMatchObject({ submittedAt: SCORED, updatedAt: CORRECTED, revision: 2 });
  });

  it("issues the certificate as of the council's close, by a key active since then at the latest, and shows it on the timeline at that time", async () => {
    const certificate = await eventually(
      async () => {
        const list = (await p.http('GET', '/api/certification/certificates', { token: office })).body as {
          id: string;
          dossierId: string;
          kid: string;
          validFrom: string;
        }[];
        return list.find((c) => c.dossierId === dossierId);
      },
      15_000,
      'the certificate',
    );
    certificateId = certificate.id;
    const keys = (await p.http('GET', '/api/public/certification/keys')).body.keys as { kid: string; activeSince: string }[];
    const key = keys.find((k) => k.kid === certificate.kid)!;
    expect(new Date(key.activeSince).getTime()).toBeLessThanOrEqual(new Date(CLOSED).getTime());
    const [firstUsed] = await db.query('SELECT first_used_at FROM certification.signing_key WHERE kid = $1', [certificate.kid]);
    expect(firstUsed.first_used_at.getTime()).toBeLessThanOrEqual(new Date(CLOSED).getTime());

    const issued = await eventually(
      async () => (await timeline()).find((e) => e.type === 'certification.certificate-issued.v1'),
      15_000,
      'certificate-issued on the timeline',
    );
    expect(issued.occurredAt).toBe(CLOSED);
    const completed = (await timeline()).find((e) => e.type === 'scoring.evaluation-completed.v1')!;
    expect(completed.occurredAt).toBe(CLOSED);
  });

  it("stamps a job run as of an instant with it, refuses a revocation decided before it was requested, and closes the invitation at the revocation's time", async () => {
    const sweep = await p.http('POST', '/api/certification/jobs/expiry-sweep/run', { token: admin, body: { asOf: NOTICE } });
    expect(sweep.status).toBe(200);
    const [notice] = await db.query(
      `SELECT envelope->>'time' AS time FROM certification.outbox WHERE type = 'certification.certificate-expiring.v1' AND envelope->>'subject' = $1`,
      [certificateId],
    );
    expect(notice.time).toBe(NOTICE);
    const open = await eventually(
      async () => (await p.http('GET', '/api/registration/reevaluation-invitations', { token: office })).body[0],
      15_000,
      'the invitation',
    );
    expect(open).toMatchObject({ certificateId, status: 'OPEN', openedAt: NOTICE });

    const requested = await p.http('POST', '/api/certification/revocations', {
      token: office,
      headers: asOf(REQUESTED),
      body: { certificateId, reasonCode: 'QUALITY_NOT_AS_CERTIFIED', details: 'Sản phẩm không đúng chất lượng như khi được công nhận' },
    });
    expect(requested.status).toBe(201);
    // Three months before it was requested. (A district's certificate is the province's to revoke from 01/07/2025.)
    const early = await p.http('POST', `/api/certification/revocations/${requested.body.id}/decide`, {
      token: office,
      headers: asOf('2027-01-10T02:00:00.000Z'),
    });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'AS_OF_BEFORE_LAST_CHANGE' });
    expect((await p.http('GET', `/api/certification/revocations/${requested.body.id}`, { token: office })).body.status).toBe('REQUESTED');

    const decided = await p.http('POST', `/api/certification/revocations/${requested.body.id}/decide`, {
      token: office,
      headers: asOf(DECIDED),
    });
    expect(decided.status).toBe(200);
    const closed = await eventually(
      async () => {
        const [i] = (await p.http('GET', '/api/registration/reevaluation-invitations', { token: office })).body;
        return i?.status === 'CLOSED' ? i : undefined;
      },
      15_000,
      'the invitation closed',
    );
    expect(closed).toMatchObject({ closedReason: 'REVOKED', closedAt: DECIDED });
  });
});
