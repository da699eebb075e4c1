import { DEMO } from '@ocop/contracts';
import { eventually } from '@ocop/testing';
import { startPlatform, type Platform } from '../support/platform';
import {
  communeAssessmentOf,
  councilOfFour,
  evaluationOf,
  newProducer,
  proposedDossier,
  sheetWithTotal,
  treeFor,
} from '../support/scoring';

/**
 * Provisional criteria with the default settings (ALLOW_PROVISIONAL_CERTIFICATION=false): a council's 3★ scored against
 * the shipped PROVISIONAL 148 catalogue completes with no certificate, and the minutes say why. (The allowed case —
 * certificate, decision and public page saying so — is in legal-calendar.e2e-spec.ts.)
 */
describe('provisional criteria, not allowed (default)', () => {
  let p: Platform;

  beforeAll(async () => {
    p = await startPlatform({ gateway: { loginRateLimit: 1000 } });
  }, 60_000);
  afterAll(async () => {
    await p?.stop();
  });

  it('completes a 3★ result from a PROVISIONAL revision as "no certificate: provisional criteria", the dossier NOT_CERTIFIED', async () => {
    const admin = await p.login('admin');
    const office = await p.login('province.office');
    const commune = await p.login('commune.officer');
    const catalogue = (await p.http('GET', '/api/scoring/catalogues/148', { token: admin })).body;
    expect(catalogue.status).toBe('PROVISIONAL');
    const tree = await treeFor(p, admin, '148', '04');
    const assessed = communeAssessmentOf(tree);
    const producer = await newProducer(p, commune, 'Hợp tác xã Tiêu chí tạm');
    const dossierId = await proposedDossier(p, commune, producer, 'Mật ong tiêu chí tạm', {
      assessment: assessed,
      asOf: '2026-03-02T03:00:00Z',
    });
    const e = await evaluationOf(p, office, dossierId, 'PROVINCE');
    expect((await p.http('PUT', `/api/scoring/evaluations/${e.id}/lab-result`, { token: office, body: { state: 'PASSED' } })).status).toBe(
      200,
    );

    const council = await councilOfFour(p, admin, office, {
      prefix: 'tam',
      tier: 'PROVINCE',
      unitCode: DEMO.provinceCode,
      name: 'Hội đồng OCOP tỉnh Thanh Hóa',
      authorityName: 'UBND tỉnh Thanh Hóa',
      agency: 'Sở Nông nghiệp và Môi trường',
      names: ['Nguyễn Văn A', 'Trần Thị B', 'Lê Văn C', 'Phạm Thị D'],
    });
    const { secretary } = council;
    const at = { 'x-as-of': '2026-03-20T02:00:00Z' };
    const s = await p.http('POST', '/api/scoring/sessions', {
      token: secretary.token,
      headers: at,
      body: { councilId: council.id, title: 'Phiên họp', scheduledFor: '2026-03-20T02:00:00Z' },
    });
    await p.http('POST', `/api/scoring/sessions/${s.body.id}/agenda`, {
      token: secretary.token,
      headers: at,
      body: { evaluationIds: [e.id] },
    });
    await p.http('PUT', `/api/scoring/sessions/${s.body.id}/attendance`, {
      token: secretary.token,
      headers: at,
      body: { presentMemberIds: council.present },
    });
    for (const m of council.voting) {
      const sheet = await p.http('PUT', `/api/scoring/sessions/${s.body.id}/evaluations/${e.id}/sheet`, {
        token: m.token,
        headers: at,
        body: { entries: sheetWithTotal(tree, 62, { assessed }) },
      });
      expect(sheet.status).toBe(200);
    }
    const closed = await p.http('POST', `/api/scoring/sessions/${s.body.id}/close`, {
      token: secretary.token,
      headers: { 'x-as-of': '2026-03-20T09:00:00Z' },
    });
    expect(closed.status).toBe(200);
    expect(closed.body.results[0]).toMatchObject({ rank: 3, stars: 3, outcome: 'NO_CERTIFICATE', certifyingTier: null });
    expect(closed.body.results[0].decisionVi).toBe(
      'Đạt 3 sao theo điểm tạm tính; không cấp giấy chứng nhận: bộ tiêu chí tạm thời, chưa được phép công nhận',
    );
    const result = (await p.http('GET', `/api/scoring/evaluations/${e.id}`, { token: office })).body.result;
    expect(result).toMatchObject({
      outcome: 'NO_CERTIFICATE',
      stars: 3,
      provisionalCriteria: true,
      withheldReason: 'PROVISIONAL_CRITERIA',
      authorityUnitCode: null,
    });

    await eventually(
      async () => (await p.http('GET', `/api/dossiers/${dossierId}`, { token: office })).body.status === 'NOT_CERTIFIED',
      15_000,
      'NOT_CERTIFIED',
    );
    const certificates = (await p.http('GET', '/api/certification/certificates?limit=200', { token: admin })).body as {
      dossierId: string;
    }[];
    expect(certificates.filter((c) => c.dossierId === dossierId)).toEqual([]);
  }, 90_000);
});
