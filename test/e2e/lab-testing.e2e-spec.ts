import { connect, headers as natsHeaders, type NatsConnection } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import { DEMO, InspectionEvents, LAB_CREDENTIAL_HEADER, labResultsSubject } from '@ocop/contracts';
import { eventually } from '@ocop/testing';
import { startPlatform, PDF, type Platform } from '../support/platform';
import {
  communeAssessmentOf,
  councilUsers,
  evaluationOf,
  newProducer,
  proposedDossier,
  sheetWithTotal,
  treeFor,
  type DocTree,
} from '../support/scoring';

type Member = { userId: string; token: string; fullName: string };
const HOUR = 3_600_000;
const T0 = '2030-05-04T01:00:00.000Z';
const after = (hours: number): string => new Date(new Date(T0).getTime() + hours * HOUR).toISOString();
const lead = { code: 'LEAD', value: '0.05', unit: 'mg/kg', limit: '≤ 0.1', verdict: 'PASS' };
const ecoli = { code: 'E_COLI', value: '3', unit: 'CFU/g', limit: '≤ 10', verdict: 'PASS' };

/**
 * Sample lab testing over HTTP and NATS: labs registered with their indicators, samples for province-tier
 * evaluations through their lifecycle, results by a lab user or by the lab's own service on its subject,
 * idempotent and conflict-checked, reminders and escalation once each, and the scoring gate following the
 * result (FAIL defers the dossier at the session's close, PASS lets it be certified).
 */
describe('lab testing end to end', () => {
  let p: Platform;
  let db: DataSource;
  let nc: NatsConnection;
  let admin: string;
  let office: string;
  let officer: string;
  let labUser: string;
  let tree: DocTree;
  let labA: { id: string; code: string };
  let labB: { id: string; code: string };
  const evaluations: { id: string; dossierId: string }[] = [];

  const sample = (id: string, token = office) => p.http('GET', `/api/inspection/samples/${id}`, { token });
  const followUps = async (asOf: string) =>
    (await p.http('POST', '/api/inspection/jobs/sample-follow-ups/run', { token: admin, body: { asOf } })).body.result;
  const outboxCount = async (type: string): Promise<number> =>
    Number((await db.query('SELECT count(*)::int AS n FROM inspection.outbox WHERE type = $1', [type]))[0].n);
  async function requested(evaluationId: string, labId: string, indicators = ['E_COLI', 'LEAD']): Promise<any> {
    const res = await p.http('POST', '/api/inspection/samples', {
      token: office,
      body: { evaluationId, labId, indicators },
      headers: { 'x-as-of': T0 },
    });
    expect(res.status).toBe(201);
    return res.body;
  }
  async function toLab(id: string): Promise<void> {
    expect(
      (
        await p.http('POST', `/api/inspection/samples/${id}/collect`, {
          token: office,
          body: { collectedBy: 'Lê Văn Mẫu' },
          headers: { 'x-as-of': after(1) },
        })
      ).status,
    ).toBe(200);
    expect(
      (await p.http('POST', `/api/inspection/samples/${id}/dispatch`, { token: office, headers: { 'x-as-of': after(2) } })).status,
    ).toBe(200);
  }
  async function natsResult(labCode: string, token: string | undefined, body: unknown, asOf?: string): Promise<any> {
    const h = natsHeaders();
    if (token) h.set(LAB_CREDENTIAL_HEADER, token);
    if (asOf) h.set('ocop-as-of', asOf);
    const reply = await nc.request(labResultsSubject(p.env.prefix, labCode), JSON.stringify(body), { headers: h, timeout: 10_000 });
    return JSON.parse(reply.string());
  }

  beforeAll(async () => {
    p = await startPlatform({ gateway: { loginRateLimit: 1000 }, scoring: { allowProvisionalCertification: true } }); // the shipped 148 catalogue is PROVISIONAL
    db = new DataSource({ type: 'postgres', url: p.env.databaseUrl });
    await db.initialize();
    nc = await connect({ servers: p.env.natsUrl });
    admin = await p.login('admin');
    office = await p.login('province.office');
    officer = await p.login('commune.officer');
    labUser = await p.login('lab'); // agency LAB01
    tree = await treeFor(p, admin, '148', '04');
    const producer = await newProducer(p, officer, 'Hợp tác xã Chè Như Thanh');
    for (const name of ['Chè xanh Như Thanh', 'Chè búp Như Xuân', 'Trà hoa vàng', 'Chè shan tuyết']) {
      const dossierId = await proposedDossier(p, officer, producer, name, { assessment: communeAssessmentOf(tree) });
      evaluations.push({ id: (await evaluationOf(p, office, dossierId, 'PROVINCE')).id, dossierId });
    }
  }, 120_000);

  afterAll(async () => {
    await nc?.close();
    await db?.destroy();
    await p?.stop();
  });

  it('registers labs with their accredited indicators; refuses bad input naming the field', async () => {
    const bad = await p.http('POST', '/api/inspection/labs', {
      token: office,
      body: { code: 'lab a', name: 'X', indicators: [], turnaroundDays: 0, contactName: 'A' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('code');
    // The demo data registers LAB01, the demo lab user's lab, accredited for every named indicator.
    labA = (await p.http('GET', '/api/inspection/labs', { token: office })).body.find((l: { code: string }) => l.code === 'LAB01');
    expect(labA).toMatchObject({
      name: 'Trung tâm Kiểm nghiệm Thanh Hóa',
      turnaroundDays: 7,
      indicators: expect.arrayContaining(['E_COLI', 'LEAD', 'CADMIUM']),
    });
    expect((await p.http('GET', '/api/inspection/labs', { token: labUser })).body).toEqual([expect.objectContaining({ code: 'LAB01' })]);
    const b = await p.http('POST', '/api/inspection/labs', {
      token: office,
      body: {
        code: 'LAB02',
        name: 'Viện Kiểm nghiệm Hà Nội',
        indicators: ['E_COLI', 'LEAD'],
        turnaroundDays: 5,
        contactName: 'Trần Văn Bình',
      },
    });
    labB = b.body;
    expect(
      (
        await p.http('POST', '/api/inspection/labs', {
          token: office,
          body: { code: 'LAB01', name: 'Trùng mã', indicators: ['LEAD'], turnaroundDays: 3, contactName: 'X Y' },
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await p.http('POST', '/api/inspection/labs', {
          token: labUser,
          body: { code: 'LAB09', name: 'Tự đăng ký', indicators: ['LEAD'], turnaroundDays: 3, contactName: 'X Y' },
        })
      ).status,
    ).toBe(403);
    // A lab not accredited for an indicator cannot get the sample.
    const refused = await p.http('POST', '/api/inspection/samples', {
      token: office,
      body: { evaluationId: evaluations[0]!.id, labId: labB.id, indicators: ['CADMIUM'] },
    });
    expect([refused.status, refused.body.code, refused.body.field]).toEqual([422, 'LAB_NOT_ACCREDITED', 'indicators']);
    expect(Number((await db.query('SELECT count(*)::int AS n FROM inspection.sample'))[0].n)).toBe(0);
  });

  it('takes a sample through its whole life over HTTP; a second identical result changes nothing, a different one is refused', async () => {
    const s = await requested(evaluations[0]!.id, labA.id);
    expect(s).toMatchObject({
      code: 'MAU-38-2030-0001',
      status: 'REQUESTED',
      labCode: 'LAB01',
      indicators: ['E_COLI', 'LEAD'],
      dueAt: after(72),
    });
    await toLab(s.id);
    // The lab sees what was sent to it and confirms receipt; its due date comes from its turnaround (7 days).
    const listed = await p.http('GET', '/api/inspection/samples', { token: labUser });
    expect(listed.body.map((x: { id: string }) => x.id)).toEqual([s.id]);
    const received = await p.http('POST', `/api/inspection/samples/${s.id}/receive`, { token: labUser, headers: { 'x-as-of': after(24) } });
    expect(received.body).toMatchObject({ status: 'RECEIVED_BY_LAB', dueAt: after(24 + 7 * 24) });

    // Missing indicator, then the result with its sheet (PDF).
    const incomplete = await p.http('POST', `/api/inspection/samples/${s.id}/result`, {
      token: labUser,
      body: { reference: 'PKQ-2030-0153', indicators: [lead] },
    });
    expect([incomplete.status, incomplete.body.code, incomplete.body.field]).toEqual([400, 'INDICATORS_MISSING', 'indicators']);
    const body = {
      reference: 'PKQ-2030-0153',
      indicators: [lead, ecoli],
      resultSheet: { fileName: 'PKQ-2030-0153.pdf', contentBase64: PDF.toString('base64') },
    };
    const recorded = await p.http('POST', `/api/inspection/samples/${s.id}/result`, {
      token: labUser,
      body,
      headers: { 'x-as-of': after(48) },
    });
    expect(recorded.status).toBe(200);
    expect(recorded.body).toMatchObject({
      status: 'RESULT_RECORDED',
      overall: 'PASS',
      resultReference: 'PKQ-2030-0153',
      recordedVia: 'API',
      dueAt: null,
    });
    expect(recorded.body.resultSheetKey).toMatch(/^lab-results\//);
    // Same result again (indicators in another order): the stored one, no new event.
    const again = await p.http('POST', `/api/inspection/samples/${s.id}/result`, {
      token: labUser,
      body: { ...body, indicators: [ecoli, lead] },
    });
    expect([again.status, again.body.resultRecordedAt]).toEqual([200, recorded.body.resultRecordedAt]);
    const conflicting = await p.http('POST', `/api/inspection/samples/${s.id}/result`, {
      token: labUser,
      body: { ...body, indicators: [lead, { ...ecoli, value: '30', verdict: 'FAIL' }] },
    });
    expect([conflicting.status, conflicting.body.code]).toEqual([409, 'RESULT_CONFLICT']);
    expect(await outboxCount(InspectionEvents.sampleResultRecorded)).toBe(1);
    expect((await sample(s.id)).body.overall).toBe('PASS');
    // The stored sheet is the PDF the lab sent.
    const { readFile } = await import('node:fs/promises');
    expect((await readFile(`${p.storageDir}/${recorded.body.resultSheetKey}`)).equals(PDF)).toBe(true);
    // The gate opens in scoring.
    await eventually(
      async () => (await evaluationOf(p, office, evaluations[0]!.dossierId, 'PROVINCE')).labState === 'PASSED',
      15_000,
      'lab PASSED in scoring',
    );
  });

  it('a lab that never answers gets one reminder, then one escalation to the standing office', async () => {
    const s = await requested(evaluations[1]!.id, labA.id);
    await toLab(s.id); // dispatched at T0+2h: due after delivery (48 h) and the lab's turnaround (7 days)
    const due = new Date(new Date(after(2)).getTime() + (48 + 7 * 24) * HOUR);
    expect((await sample(s.id)).body.dueAt).toBe(due.toISOString());
    const before = (h: number) => new Date(due.getTime() - h * HOUR).toISOString();
    expect(await followUps(before(25))).toMatchObject({ reminders: 0, escalations: 0 });
    expect(await followUps(before(23))).toMatchObject({ reminders: 1, escalations: 0 });
    expect(await followUps(before(23))).toMatchObject({ reminders: 0, escalations: 0 });
    expect(await followUps(before(1))).toMatchObject({ reminders: 0, escalations: 0 });
    expect(await followUps(before(-1))).toMatchObject({ reminders: 0, escalations: 1 });
    expect(await followUps(before(-30))).toMatchObject({ reminders: 0, escalations: 0 });
    expect((await sample(s.id)).body).toMatchObject({ status: 'OVERDUE', stage: 'DISPATCHED' });
    expect(await outboxCount(InspectionEvents.sampleReminderSent)).toBe(1);
    expect(await outboxCount(InspectionEvents.sampleEscalated)).toBe(1);
    // Each stage's timers wait in Redis under business keys; none is missing.
    expect((await followUps(before(-30))).jobsRecreated).toBe(0);
    // A late result is still taken.
    const late = await p.http('POST', `/api/inspection/samples/${s.id}/result`, {
      token: labUser,
      body: { reference: 'PKQ-2030-0160', indicators: [lead, ecoli] },
    });
    expect(late.body).toMatchObject({ status: 'RESULT_RECORDED', overall: 'PASS' });
  });

  it('a lab service publishes on its own subject with its own credential, only for samples sent to it', async () => {
    const cred = await p.http('POST', `/api/inspection/labs/${labA.id}/credentials`, { token: admin });
    expect(cred.status).toBe(201);
    expect(cred.body.subject).toBe(labResultsSubject(p.env.prefix, 'LAB01'));
    const credB = (await p.http('POST', `/api/inspection/labs/${labB.id}/credentials`, { token: admin })).body;
    expect((await p.http('POST', `/api/inspection/labs/${labA.id}/credentials`, { token: office })).status).toBe(403);

    const s = await requested(evaluations[2]!.id, labA.id);
    await toLab(s.id);
    const failing = { sampleId: s.id, reference: 'PKQ-2030-0171', indicators: [lead, { ...ecoli, value: '40', verdict: 'FAIL' }] };
    // No credential, a forged one, another lab's credential on this lab's subject, this lab's credential for another lab's sample.
    expect((await natsResult('LAB01', undefined, failing)).error.code).toBe('LAB_CREDENTIAL_INVALID');
    expect((await natsResult('LAB01', `${cred.body.token}x`, failing)).error.code).toBe('LAB_CREDENTIAL_INVALID');
    expect((await natsResult('LAB01', credB.token, failing)).error.code).toBe('LAB_SUBJECT_FORBIDDEN');
    const other = await requested(evaluations[3]!.id, labB.id);
    await toLab(other.id);
    expect((await natsResult('LAB01', cred.body.token, { ...failing, sampleId: other.id })).error.code).toBe('SAMPLE_NOT_SENT_TO_LAB');
    expect((await sample(s.id)).body.status).toBe('DISPATCHED');
    // Invalid message: the field is named.
    expect(
      (await natsResult('LAB01', cred.body.token, { sampleId: s.id, reference: 'X', indicators: [{ ...lead, verdict: 'MAYBE' }] })).error,
    ).toMatchObject({ code: 'VALIDATION_FAILED' });

    expect((await natsResult('LAB01', cred.body.token, failing, '2030-02-30T00:00:00Z')).error).toMatchObject({
      code: 'AS_OF_INVALID',
      field: 'ocop-as-of',
    });
    // Outside production the lab's service may date its message (driving the platform through time, like X-As-Of).
    const ok = await natsResult('LAB01', cred.body.token, failing, after(30));
    expect(ok).toMatchObject({
      ok: true,
      data: { status: 'RESULT_RECORDED', overall: 'FAIL', recordedVia: 'NATS', resultRecordedAt: after(30) },
    });
    expect((await natsResult('LAB01', cred.body.token, failing)).ok).toBe(true);
    expect((await natsResult('LAB01', cred.body.token, { ...failing, indicators: [lead, ecoli] })).error.code).toBe('RESULT_CONFLICT');
    await eventually(
      async () => (await evaluationOf(p, office, evaluations[2]!.dossierId, 'PROVINCE')).labState === 'FAILED',
      15_000,
      'lab FAILED in scoring',
    );
    // Revoked, the credential is refused.
    const revoked = await p.http('DELETE', `/api/inspection/labs/${labA.id}/credentials/${cred.body.credentialId}`, { token: admin });
    expect(revoked.status).toBe(200);
    expect((await natsResult('LAB01', cred.body.token, failing)).error.code).toBe('LAB_CREDENTIAL_INVALID');
    expect((await p.http('DELETE', `/api/inspection/labs/${labA.id}/credentials/${cred.body.credentialId}`, { token: admin })).status).toBe(
      404,
    );
  });

  it('FAIL blocks the province-tier gate and PASS opens it, across inspection and scoring', async () => {
    // evaluations[2]: FAILED (lab service above); evaluations[0]: PASSED (lab user). One session scores both.
    const users = await councilUsers(p, admin, 'hdlab', ['Nguyễn Văn Một', 'Trần Thị Hai', 'Lê Văn Ba', 'Phạm Thị Tư']);
    const [chair, m2, m3, secretary] = users as [Member, Member, Member, Member];
    const memberInput = (m: Member, role: string) => ({
      userId: m.userId,
      fullName: m.fullName,
      agency: 'Sở Nông nghiệp và Môi trường',
      role,
    });
    const c = (
      await p.http('POST', '/api/scoring/councils', {
        token: office,
        body: {
          name: 'Hội đồng OCOP tỉnh (kiểm nghiệm)',
          tier: 'PROVINCE',
          unitCode: DEMO.provinceCode,
          authorityName: 'UBND tỉnh Thanh Hóa',
          placeName: 'Thanh Hóa',
          quorum: 3,
          members: [memberInput(chair, 'CHAIR'), memberInput(m2, 'MEMBER'), memberInput(m3, 'MEMBER'), memberInput(secretary, 'SECRETARY')],
        },
      })
    ).body;
    const voting = [chair, m2, m3];
    const ids = [evaluations[0]!.id, evaluations[2]!.id];
    const s = (
      await p.http('POST', '/api/scoring/sessions', {
        token: secretary.token,
        body: { councilId: c.id, title: 'Phiên họp', location: 'UBND tỉnh', scheduledFor: after(300) },
      })
    ).body;
    expect(
      (await p.http('POST', `/api/scoring/sessions/${s.id}/agenda`, { token: secretary.token, body: { evaluationIds: ids } })).status,
    ).toBe(200);
    const present = c.members.filter((m: { role: string }) => m.role !== 'SECRETARY').map((m: { id: string }) => m.id);
    expect(
      (await p.http('PUT', `/api/scoring/sessions/${s.id}/attendance`, { token: secretary.token, body: { presentMemberIds: present } }))
        .status,
    ).toBe(200);
    const assessed = communeAssessmentOf(tree);
    for (const evaluationId of ids) {
      for (const m of voting) {
        const res = await p.http('PUT', `/api/scoring/sessions/${s.id}/evaluations/${evaluationId}/sheet`, {
          token: m.token,
          body: { entries: sheetWithTotal(tree, 75, { assessed }) },
        });
        expect(res.status).toBe(200);
      }
    }
    const closed = await p.http('POST', `/api/scoring/sessions/${s.id}/close`, {
      token: secretary.token,
      headers: { 'x-as-of': after(320) },
    });
    expect(closed.status).toBe(200);
    expect(
      closed.body.results.map((r: { evaluationId: string; outcome: string; stars: number }) => [r.evaluationId, r.outcome, r.stars]),
    ).toEqual([[evaluations[0]!.id, 'CERTIFY', 4]]);
    expect(closed.body.deferred).toEqual([expect.objectContaining({ evaluationId: evaluations[2]!.id, reasons: ['LAB_RESULT_FAILED'] })]);
  }, 60_000);
});
