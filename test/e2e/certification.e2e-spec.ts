import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, CompactSign, type JWK } from 'jose';
import { chromium, type Browser } from 'playwright-core';
import { DataSource } from 'typeorm';
import { CertificationEvents, DEMO, ScoringEvents, type EvaluationCompletedData } from '@ocop/contracts';
import { eventually } from '@ocop/testing';
import { startPlatform, type Platform } from '../support/platform';
import { TestBus } from '../support/bus';
import { ChildNode } from '../../libs/messaging/test/support/child-process';
import { pdfText } from '../../libs/documents/test/pdf-text';
import { loadToolConfig } from '../../tools/config';
import { CertificationJobs } from '../../services/certification/src/jobs/certification.jobs';
import { createCertificationApp } from '../../services/certification/src/certification.app';
import { loadCertificationConfig } from '../../services/certification/src/config/certification.config';
import { verifyCertificateQr } from '@ocop/verification';

const DAY = 86_400_000;
const COMPLETED_AT = '2031-03-10T03:00:00.000Z';
const VALID_FROM = new Date('2031-03-10T00:00:00.000Z');
const VALID_TO = new Date('2034-03-10T00:00:00.000Z');
const at = (days: number): string => new Date(VALID_TO.getTime() + days * DAY).toISOString();

async function ed25519(kid: string): Promise<JWK> {
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  return { ...(await exportJWK(privateKey)), kid };
}

/**
 * A certificate's life over HTTP and the bus: scoring's "certify here" outcomes (published as scoring's relay
 * does) become one decision and one signed certificate each; the expiry sweep sends each notice once, even
 * run twice and with a worker killed mid-job; a re-evaluation supersedes; expiry raises a revocation request;
 * the authority revokes; the follow-ups run once each; the public page shows it at once, also in Chromium.
 */
describe('certification end to end', () => {
  let p: Platform;
  let bus: TestBus;
  let db: DataSource;
  let keyA: JWK;
  let keyB: JWK;
  let admin: string;
  let office: string;
  const products = ['A', 'B', 'C'].map((name, i) => ({
    name,
    productId: randomUUID(),
    producerId: i === 0 ? DEMO.producerId : randomUUID(),
    dossierId: randomUUID(),
    evaluationId: randomUUID(),
  }));
  const sessionId = randomUUID();

  const completed = (x: (typeof products)[number], o: Partial<EvaluationCompletedData> = {}): EvaluationCompletedData => ({
    dossierId: x.dossierId,
    dossierCode: `HS-${x.name}`,
    evaluationId: x.evaluationId,
    productId: x.productId,
    producerId: x.producerId,
    tier: 'PROVINCE',
    unitCode: DEMO.provinceCode,
    provinceCode: DEMO.provinceCode,
    sessionId,
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
    productName: `Mật ong bạc hà ${x.name}`,
    producerName: `Hợp tác xã Đồng Tâm ${x.name}`,
    productSetCode: '08',
    dossierKind: 'NEW',
    completedAt: COMPLETED_AT,
    ...o,
  });
  const sweep = async (asOf: string): Promise<any> => {
    const res = await p.http('POST', '/api/certification/jobs/expiry-sweep/run', { token: admin, body: { asOf } });
    expect(res.status).toBe(200);
    return res.body.result;
  };
  const certificates = async (): Promise<any[]> =>
    (await p.http('GET', '/api/certification/certificates?limit=200', { token: admin })).body;
  const byProduct = async (x: (typeof products)[number]): Promise<any[]> =>
    (await certificates()).filter((c) => c.productId === x.productId);
  const outboxCount = async (type: string, where = 'TRUE'): Promise<number> =>
    Number((await db.query(`SELECT count(*)::int AS n FROM certification.outbox WHERE type = $1 AND ${where}`, [type]))[0].n);

  beforeAll(async () => {
    keyA = await ed25519('thanh-hoa-2031-a');
    p = await startPlatform({
      gateway: { loginRateLimit: 1000 },
      certification: {
        signingKeys: [keyA],
        activeKid: keyA.kid as string,
        sweepChunkSize: 2,
        jobStalledIntervalMs: 500,
        jobLockDurationMs: 1_000,
      },
    });
    bus = await TestBus.connect(p.env);
    db = new DataSource({ type: 'postgres', url: p.env.databaseUrl });
    await db.initialize();
    admin = await p.login('admin');
    office = await p.login('province.office');
  }, 60_000);

  afterAll(async () => {
    await bus?.close();
    await db?.destroy();
    await p?.stop();
  });

  it('issues one decision and one signed certificate per evaluation, whatever the redeliveries', async () => {
    const first = await bus.publish('ocop/scoring', ScoringEvents.evaluationCompleted, completed(products[0]!));
    for (const x of products.slice(1)) await bus.publish('ocop/scoring', ScoringEvents.evaluationCompleted, completed(x));
    // Redeliveries: the same event under a new Nats-Msg-Id (past the stream's duplicate window), and a new event for the same evaluation.
    await bus.publish('ocop/scoring', ScoringEvents.evaluationCompleted, first.envelope.data, {
      id: first.envelope.id,
      msgId: randomUUID(),
    });
    await bus.publish('ocop/scoring', ScoringEvents.evaluationCompleted, first.envelope.data);
    // Not for certification: a forward (a 5★ rank at the province goes to the ministry, as scoring sends it).
    await bus.publish(
      'ocop/scoring',
      ScoringEvents.evaluationCompleted,
      completed(
        { ...products[0]!, evaluationId: randomUUID() },
        { outcome: 'FORWARD', stars: 5, rank: 5, band: 5, certifyingTier: null, authorityUnitCode: null, nextTier: 'CENTRAL' },
      ),
    );
    await eventually(async () => (await certificates()).length === 3, 15_000, 'three certificates');
    await bus.settled('certification-issuance');
    // Five distinct events were applied (the repeat of an event id is absorbed by the inbox).
    expect((await db.query(`SELECT count(*)::int AS n FROM certification.inbox WHERE consumer = 'certification-issuance'`))[0].n).toBe(5);

    const all = await certificates();
    expect(all).toHaveLength(3);
    expect(all.map((c) => c.number).sort()).toEqual(['38-2031-0001/GCN-OCOP', '38-2031-0002/GCN-OCOP', '38-2031-0003/GCN-OCOP']);
    expect(new Set(all.map((c) => c.decisionId)).size).toBe(1);
    for (const c of all) {
      expect(c).toMatchObject({
        status: 'ACTIVE',
        stars: 4,
        tier: 'PROVINCE',
        validFrom: VALID_FROM.toISOString(),
        validTo: VALID_TO.toISOString(),
        kid: keyA.kid,
      });
      expect(c.verifyUrl).toMatch(new RegExp(`^http://localhost:3000/verify/${c.code}\\?s=[\\w-]+\\.[\\w-]+\\.[\\w-]+$`));
    }
    const decision = await p.http('GET', `/api/certification/decisions/${all[0].decisionId}`, { token: office });
    expect(decision.body).toMatchObject({ kind: 'ISSUE', reference: '1/QĐ-UBND', sessionId, issuerVi: 'ỦY BAN NHÂN DÂN TỈNH THANH HÓA' });
    expect(decision.body.certificateNumbers).toHaveLength(3);
    expect(await outboxCount(CertificationEvents.certificateIssued)).toBe(3);

    // The dossier's producer sees its own certificate only; another unit's officer is refused.
    const producer = await p.login('producer');
    const own = await p.http('GET', '/api/certification/certificates', { token: producer });
    expect(own.body.map((c: { productId: string }) => c.productId)).toEqual([products[0]!.productId]);
    expect(
      (
        await p.http('GET', `/api/certification/certificates/${all.find((c) => c.productId === products[1]!.productId).id}`, {
          token: producer,
        })
      ).status,
    ).toBe(404);

    // The certificate and the decision as PDFs in Vietnamese.
    const a = (await byProduct(products[0]!))[0];
    const pdf = await p.gateway
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: 'GET',
        url: `/api/certification/certificates/${a.id}/certificate.pdf`,
        headers: { authorization: `Bearer ${office}` },
      });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = (await pdfText(pdf.rawPayload)).pages.join('\n');
    expect(text).toContain('GIẤY CHỨNG NHẬN');
    expect(text).toContain(a.number);
    expect(text).toContain('đến ngày 10 tháng 3 năm 2034');
    const dpdf = await p.gateway
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: 'GET',
        url: `/api/certification/decisions/${a.decisionId}/decision.pdf`,
        headers: { authorization: `Bearer ${office}` },
      });
    const dtext = (await pdfText(dpdf.rawPayload)).pages.join('\n');
    expect(dtext).toContain('1/QĐ-UBND');
    for (const c of all) expect(dtext).toContain(c.number);
  }, 90_000);

  it('verifies offline with the trust list; a tampered or foreign-signed QR fails; a rotated key still verifies older certificates', async () => {
    const a = (await byProduct(products[0]!))[0];
    const keys = (await p.http('GET', '/api/public/certification/keys')).body;
    expect(keys.keys.map((k: JWK) => k.kid)).toEqual([keyA.kid]);
    expect(keys.keys[0].d).toBeUndefined();
    const ok = await verifyCertificateQr(a.verifyUrl, keys);
    expect(ok).toMatchObject({
      ok: true,
      kid: keyA.kid,
      code: a.code,
      claims: { n: a.number, s: 4, f: '2031-03-10', t: '2034-03-10', d: '1/QĐ-UBND' },
    });

    // Tampered: five stars instead of four, same signature.
    const [h, payload, sig] = new URL(a.verifyUrl).searchParams.get('s')!.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, s: 5 })).toString('base64url');
    const tampered = a.verifyUrl.replace(/\?s=.*$/, `?s=${h}.${forged}.${sig}`);
    expect(await verifyCertificateQr(tampered, keys)).toEqual({ ok: false, reason: 'SIGNATURE_INVALID' });
    // Signed by a key that is not the issuer's (same kid even): refused.
    const foreign = await ed25519(keyA.kid as string);
    const { importJWK } = await import('jose');
    const foreignJws = await new CompactSign(Buffer.from(JSON.stringify(claims)))
      .setProtectedHeader({ alg: 'EdDSA', kid: keyA.kid })
      .sign(await importJWK(foreign, 'EdDSA'));
    expect(await verifyCertificateQr(a.verifyUrl.replace(/\?s=.*$/, `?s=${foreignJws}`), keys)).toEqual({
      ok: false,
      reason: 'SIGNATURE_INVALID',
    });
    const otherKid = await new CompactSign(Buffer.from(JSON.stringify(claims)))
      .setProtectedHeader({ alg: 'EdDSA', kid: 'someone-else' })
      .sign(await importJWK(foreign, 'EdDSA'));
    expect(await verifyCertificateQr(a.verifyUrl.replace(/\?s=.*$/, `?s=${otherKid}`), keys)).toEqual({ ok: false, reason: 'UNKNOWN_KEY' });
    // The online check refuses the forged QR too, naming it not valid.
    const online = await p.http('GET', `/api/public/certificates/${a.code}?s=${h}.${forged}.${sig}`);
    expect(online.status).toBe(404);
    expect(online.body.code).toBe('CERTIFICATE_NOT_VALID');
    expect((await p.http('GET', `/api/public/certificates/${a.code}?s=${new URL(a.verifyUrl).searchParams.get('s')}`)).body).toMatchObject({
      valid: true,
      status: 'ACTIVE',
      number: a.number,
    });

    // Rotation: a second certification process starts with key B active and key A dropped from its configuration.
    keyB = await ed25519('thanh-hoa-2031-b');
    const rotated = await createCertificationApp({
      ...loadCertificationConfig({
        ...p.common,
        CERTIFICATE_SIGNING_KEYS: JSON.stringify([keyB]),
        CERTIFICATE_SIGNING_KID: keyB.kid as string,
      }),
      schedulerOwner: false,
      relayPollIntervalMs: 200,
      consumerBackoffMs: [100, 200, 400],
      jobStalledIntervalMs: 500,
      jobLockDurationMs: 1_000,
    });
    await rotated.init();
    const original = p.certification!;
    try {
      await original.close();
      const d = products[0]!;
      await bus.publish(
        'ocop/scoring',
        ScoringEvents.evaluationCompleted,
        completed(
          { ...d, productId: randomUUID(), evaluationId: randomUUID(), name: 'D' },
          { sessionId: randomUUID(), completedAt: '2031-06-10T03:00:00.000Z' },
        ),
      );
      const newer = await eventually(
        async () => (await certificates()).find((c) => c.kid === keyB.kid),
        15_000,
        'a certificate signed with key B',
      );
      const trust = (await p.http('GET', '/api/public/certification/keys')).body;
      expect(trust.keys.map((k: { kid: string; status: string }) => [k.kid, k.status])).toEqual([
        [keyA.kid, 'RETIRED'],
        [keyB.kid, 'ACTIVE'],
      ]);
      expect(await verifyCertificateQr(a.verifyUrl, trust)).toMatchObject({ ok: true, kid: keyA.kid });
      expect(await verifyCertificateQr(newer.verifyUrl, trust)).toMatchObject({ ok: true, kid: keyB.kid });
      expect(newer.number).toBe('38-2031-0004/GCN-OCOP');
    } finally {
      // The rest of the file runs on the rotated process (closing twice is harmless).
      await original.close().catch(() => undefined);
      (p as { certification?: unknown }).certification = rotated;
    }
  }, 90_000);

  it('lives 36 months: notices once each (sweep run twice, a worker killed mid-job), re-evaluation supersedes, expiry, revocation, follow-ups', async () => {
    const [A, B] = products as [(typeof products)[0], (typeof products)[0], (typeof products)[0]];
    expect(await sweep(at(-100))).toMatchObject({ noticesSent: { 90: 0, 60: 0, 30: 0 }, markedExpiring: 0, expired: 0 });

    // 90 days before the end: three notices; the same sweep again sends nothing.
    expect(await sweep(at(-90))).toMatchObject({ noticesSent: { 90: 3, 60: 0, 30: 0 }, markedExpiring: 3 });
    expect(await sweep(at(-90))).toMatchObject({ noticesSent: { 90: 0, 60: 0, 30: 0 }, markedExpiring: 0 });
    expect((await byProduct(A))[0].status).toBe('EXPIRING');

    // 60 days before: the sweep job is taken by another process that dies after its first chunk (2 of 3 certificates).
    const jobs = p.certification!.get(CertificationJobs);
    await jobs.queue.stopWorker();
    const child = new ChildNode('test/support/certification-child.ts', {
      ...p.common,
      CERTIFICATE_SIGNING_KEYS: JSON.stringify([keyB]),
      CERTIFICATE_SIGNING_KID: keyB.kid as string,
      CHILD_CRASH_AFTER_CHUNKS: '1',
      EXPIRY_SWEEP_CHUNK: '2',
    });
    try {
      await child.ready();
      expect(await jobs.enqueueSweep(new Date(at(-60)), 'sweep-at-minus-60')).toBe(true);
      await eventually(async () => !child.alive, 20_000, 'the other process to die in the middle of the sweep').catch((err: Error) => {
        throw new Error(`${err.message}\n${child.output()}`);
      });
    } finally {
      await child.kill();
    }
    expect(await outboxCount(CertificationEvents.certificateExpiring, `(envelope->'data'->>'milestoneDays')::int = 60`)).toBe(2);
    jobs.queue.start();
    await eventually(
      async () => (await jobs.queue.getJob('sweep-at-minus-60'))?.state === 'completed',
      20_000,
      'the stalled sweep finished by this process',
    );
    expect(await outboxCount(CertificationEvents.certificateExpiring, `(envelope->'data'->>'milestoneDays')::int = 60`)).toBe(3);
    expect(await sweep(at(-60))).toMatchObject({ noticesSent: { 90: 0, 60: 0, 30: 0 } });
    const notices = await db.query(
      `SELECT milestone_days AS d, count(*)::int AS n FROM certification.certificate_notice GROUP BY 1 ORDER BY 1`,
    );
    expect(notices).toEqual([
      { d: 60, n: 3 },
      { d: 90, n: 3 },
    ]);

    // 45 days before: B is re-evaluated and goes up to 5★; the new certificate supersedes the old, linked both ways.
    await bus.publish(
      'ocop/scoring',
      ScoringEvents.evaluationCompleted,
      completed(
        { ...B, evaluationId: randomUUID(), dossierId: randomUUID() },
        { sessionId: randomUUID(), stars: 5, rank: 5, band: 5, dossierKind: 'RE_EVALUATION', completedAt: at(-45) },
      ),
    );
    const [oldB, newB] = await eventually(
      async () => {
        const list = await byProduct(B);
        const old = list.find((c) => c.status === 'SUPERSEDED');
        const fresh = list.find((c) => c.status === 'ACTIVE');
        return old && fresh ? [old, fresh] : undefined;
      },
      15_000,
      'B superseded',
    );
    expect(oldB.supersededById).toBe(newB.id);
    expect(newB.supersedesId).toBe(oldB.id);
    expect(newB.stars).toBe(5);
    const oldPage = await p.http('GET', `/api/public/certificates/${oldB.code}`);
    expect(oldPage.body).toMatchObject({ status: 'SUPERSEDED', supersededByNumber: newB.number });

    // 30 days before: the last notice, for A and C only.
    expect(await sweep(at(-30))).toMatchObject({ noticesSent: { 90: 0, 60: 0, 30: 2 } });
    expect(await sweep(at(-30))).toMatchObject({ noticesSent: { 90: 0, 60: 0, 30: 0 } });

    // The end: A and C expire without re-evaluation, each gets one automatic revocation request.
    const a = (await byProduct(A))[0];
    expect((await p.http('GET', `/api/public/certificates/${a.code}`, { headers: { 'x-as-of': at(1) } })).body.status).toBe('EXPIRED');
    expect(await sweep(at(1))).toMatchObject({ expired: 2, revocationRequests: 2 });
    expect(await sweep(at(1))).toMatchObject({ expired: 0, revocationRequests: 0 });
    const requests = (await p.http('GET', '/api/certification/revocations?status=REQUESTED', { token: office })).body;
    expect(requests.map((r: { source: string; reasonCode: string }) => [r.source, r.reasonCode])).toEqual([
      ['EXPIRY', 'NOT_REEVALUATED'],
      ['EXPIRY', 'NOT_REEVALUATED'],
    ]);
    const requestA = requests.find((r: { certificateId: string }) => r.certificateId === a.id);
    const requestC = requests.find((r: { certificateId: string }) => r.certificateId !== a.id);

    // Only the issuing authority decides: the district officer is refused, the province office revokes.
    const district = await p.login('district.officer');
    const refused = await p.http('POST', `/api/certification/revocations/${requestA.id}/decide`, {
      token: district,
      headers: { 'x-as-of': at(2) },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('NOT_ISSUING_AUTHORITY');
    const decided = await p.http('POST', `/api/certification/revocations/${requestA.id}/decide`, {
      token: office,
      headers: { 'x-as-of': at(2) },
    });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ status: 'REVOKED', decisionReference: '2/QĐ-UBND', returnDeadline: at(17) });
    // Redis loses a timer: the next sweep recreates it from PostgreSQL.
    const jobs2 = p.certification!.get(CertificationJobs);
    await jobs2.queue.remove(`revocation-${requestA.id}-deadline`);
    expect(await jobs2.queue.getJob(`revocation-${requestA.id}-deadline`)).toBeNull();
    expect(await sweep(at(2))).toMatchObject({ expired: 0, jobsRecreated: 1 });
    expect((await jobs2.queue.getJob(`revocation-${requestA.id}-deadline`))?.state).toBe('delayed');
    expect(await sweep(at(2))).toMatchObject({ jobsRecreated: 0 });
    const revokeDecision = (await p.http('GET', `/api/certification/decisions/${decided.body.decisionId}`, { token: office })).body;
    expect(revokeDecision).toMatchObject({ kind: 'REVOKE', citesDecisionId: a.decisionId, certificateNumbers: [a.number] });
    const again = await p.http('POST', `/api/certification/revocations/${requestA.id}/decide`, {
      token: office,
      headers: { 'x-as-of': at(3) },
    });
    expect(again.status).toBe(409);
    const rejected = await p.http('POST', `/api/certification/revocations/${requestC.id}/reject`, {
      token: office,
      body: { note: 'Chủ thể đã nộp hồ sơ đánh giá lại' },
    });
    expect(rejected.body.status).toBe('REJECTED');

    // The public record shows the revocation at once (the gateway's cache dropped the code on the event).
    await eventually(
      async () => (await p.http('GET', `/api/public/certificates/${a.code}`)).body.status === 'REVOKED',
      5_000,
      'REVOKED on the public record',
    );
    expect((await p.http('GET', `/api/public/certificates/${a.code}`)).body).toMatchObject({
      revocationReasonCode: 'NOT_REEVALUATED',
      revocationDecisionReference: '2/QĐ-UBND',
      statusVi: 'Đã bị thu hồi',
    });
    const statusList = (await p.http('GET', '/api/public/certification/status-list')).body;
    expect(statusList.revoked.map((r: { n: string }) => r.n)).toEqual([a.number]);
    // A revoked certificate cannot be revoked again, nor un-revoked.
    const twice = await p.http('POST', '/api/certification/revocations', {
      token: office,
      body: { certificateId: a.id, reasonCode: 'OTHER', details: 'again' },
    });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('CERTIFICATE_NOT_REVOCABLE');

    // Follow-ups: a reminder 5 days before the return deadline, an escalation when it passes, each once.
    const followUps = async (asOf: string): Promise<unknown> =>
      (await p.http('POST', '/api/certification/jobs/revocation-follow-ups/run', { token: admin, body: { asOf } })).body.result;
    expect(await followUps(at(11))).toEqual({ reminders: 0, escalations: 0 });
    expect(await followUps(at(12))).toEqual({ reminders: 1, escalations: 0 });
    expect(await followUps(at(12))).toEqual({ reminders: 0, escalations: 0 });
    expect(await followUps(at(17))).toEqual({ reminders: 0, escalations: 1 });
    expect(await followUps(at(30))).toEqual({ reminders: 0, escalations: 0 });
    expect(await outboxCount(CertificationEvents.revocationEscalated)).toBe(1);
    const confirmed = await p.http('POST', `/api/certification/revocations/${requestA.id}/confirm-return`, {
      token: office,
      headers: { 'x-as-of': at(20) },
    });
    expect(confirmed.body).toMatchObject({ status: 'RETURN_CONFIRMED', escalatedAt: at(17) });
    // The delayed follow-up jobs exist in Redis under their business keys; a sweep finds none missing.
    expect((await jobsOf(p)).filter((id) => id.startsWith(`revocation-${requestA.id}`)).sort()).toEqual([
      `revocation-${requestA.id}-deadline`,
      `revocation-${requestA.id}-reminder`,
    ]);

    // The producer's messages: one per notice, none twice.
    const messages: { template: string; body: string }[] = await db.query(
      `SELECT template, body FROM certification.notification WHERE certificate_id = $1 ORDER BY created_at`,
      [a.id],
    );
    expect(messages.map((m) => m.template)).toEqual([
      'certificate-issued',
      'certificate-expiring-90',
      'certificate-expiring-60',
      'certificate-expiring-30',
      'certificate-expired',
      'certificate-revoked',
      'revocation-reminder',
    ]);
    // Dates in the messages are Vietnamese dd/mm/yyyy, never ISO.
    for (const m of messages) expect(m.body).not.toMatch(/\d{4}-\d{2}-\d{2}(?!T)/);
    expect(messages.find((m) => m.template === 'certificate-issued')!.body).toMatch(
      /từ ngày \d{2}\/\d{2}\/\d{4} đến ngày \d{2}\/\d{2}\/\d{4}/,
    );
    const dispatched = (await p.http('POST', '/api/certification/jobs/notifications-dispatch/run', { token: admin, body: {} })).body.result;
    expect(dispatched.sent).toBeGreaterThanOrEqual(messages.length);
    // Every state change left an audit record.
    const audit: { action: string }[] = await db.query(
      `SELECT action FROM certification.audit_log WHERE entity_id = $1 ORDER BY occurred_at`,
      [a.id],
    );
    expect(audit.map((x) => x.action)).toEqual(['certificate.issue', 'certificate.expiring', 'certificate.expire', 'certificate.revoke']);
  }, 120_000);

  it('refuses bad input with the field named and changes nothing; guards every route by role', async () => {
    const a = (await byProduct(products[0]!))[0];
    const before = Number((await db.query('SELECT count(*)::int AS n FROM certification.revocation'))[0].n);
    const cases: [unknown, string][] = [
      [{ certificateId: a.id, reasonCode: 'BAD_SMELL', details: 'x'.repeat(10) }, 'reasonCode'],
      [{ certificateId: 'not-a-uuid', reasonCode: 'OTHER', details: 'x'.repeat(10) }, 'certificateId'],
      [{ certificateId: a.id, reasonCode: 'OTHER', details: '' }, 'details'],
    ];
    for (const [body, field] of cases) {
      const res = await p.http('POST', '/api/certification/revocations', { token: office, body });
      expect([res.status, res.headers['content-type'], res.body.field]).toEqual([400, 'application/problem+json; charset=utf-8', field]);
    }
    expect(Number((await db.query('SELECT count(*)::int AS n FROM certification.revocation'))[0].n)).toBe(before);
    const badAsOf = await p.http('POST', '/api/certification/jobs/expiry-sweep/run', { token: admin, body: { asOf: 'yesterday' } });
    expect([badAsOf.status, badAsOf.body.field]).toEqual([400, 'asOf']);
    expect((await p.http('POST', '/api/certification/jobs/nothing/run', { token: admin, body: {} })).body.field).toBe('name');
    // Roles: a producer may not run jobs nor request revocations; no token, no certificates.
    const producer = await p.login('producer');
    expect((await p.http('POST', '/api/certification/jobs/expiry-sweep/run', { token: producer, body: {} })).status).toBe(403);
    expect(
      (
        await p.http('POST', '/api/certification/revocations', {
          token: producer,
          body: { certificateId: a.id, reasonCode: 'OTHER', details: 'abcdef' },
        })
      ).status,
    ).toBe(403);
    expect((await p.http('GET', '/api/certification/certificates')).status).toBe(401);
    // An unknown code is answered, not failed: "not a valid OCOP certificate".
    const unknown = await p.http('GET', '/api/public/certificates/ZZZZZZZZZZ');
    expect([unknown.status, unknown.body.code]).toEqual([404, 'CERTIFICATE_NOT_VALID']);
    expect((await p.http('GET', '/api/public/certificates/lower-case')).status).toBe(404);
  });

  it('shows the live status in Vietnamese in headless Chromium, and says a forged code is not a valid certificate', async () => {
    const a = (await byProduct(products[0]!))[0];
    const newB = (await byProduct(products[1]!)).find((c) => c.status === 'ACTIVE');
    await p.gateway.listen(0, '127.0.0.1');
    const { port } = p.gateway.getHttpServer().address() as { port: number };
    let browser: Browser | undefined;
    try {
      browser = await chromium.launch({
        executablePath: loadToolConfig().chromiumPath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
      const page = await browser.newPage();
      const revoked = await page.goto(`http://127.0.0.1:${port}/verify/${a.code}`);
      expect(revoked?.status()).toBe(200);
      expect(await page.locator('#status').textContent()).toBe('Đã bị thu hồi');
      expect(await page.locator('#notice').textContent()).toContain('Giấy chứng nhận đã bị thu hồi');
      expect(await page.locator('#notice').textContent()).toContain('Không thực hiện đánh giá lại khi Giấy chứng nhận hết hiệu lực');
      expect(await page.locator('html').getAttribute('lang')).toBe('vi');

      await page.goto(`http://127.0.0.1:${port}${new URL(newB.verifyUrl).pathname}${new URL(newB.verifyUrl).search}`);
      expect(await page.locator('#status').textContent()).toBe('Còn hiệu lực');
      expect(await page.locator('h1').textContent()).toBe('Sản phẩm OCOP ★★★★★');
      expect(await page.locator('dl').textContent()).toContain('Hợp tác xã Đồng Tâm B');

      const forged = await page.goto(`http://127.0.0.1:${port}/verify/ZZZZZZZZZZ`);
      expect(forged?.status()).toBe(404);
      expect(await page.locator('#notice').textContent()).toContain('Đây không phải là giấy chứng nhận OCOP hợp lệ.');
    } finally {
      await browser?.close();
    }
  }, 60_000);
});

async function jobsOf(p: Platform): Promise<string[]> {
  return p.certification!.get(CertificationJobs).queue.pendingIds();
}
