import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DEMO, ScoringEvents, type EvaluationCompletedData } from '@ocop/contracts';
import { eventually } from '@ocop/testing';
import { startPlatform, type Platform } from '../support/platform';
import { TestBus } from '../support/bus';
import { pdfText } from '../../libs/documents/test/pdf-text';
import { PDF, multipartBody } from '../support/platform';
import { councilOfFour, evaluationOf, newProducer, proposedDossier, sheetWithTotal, treeFor } from '../support/scoring';

/**
 * The 2025 legal calendar and the documents (issue 11): issuers named by unit type and decision date on the
 * decision and certificate PDFs.
 */
describe('legal calendar and documents', () => {
  let p: Platform;
  let bus: TestBus;
  let admin: string;
  let commune: string;
  let db: DataSource;

  beforeAll(async () => {
    // The shipped 148 catalogue is PROVISIONAL: here an operator allowed certificates from it (provisional-criteria.e2e-spec.ts: the default).
    p = await startPlatform({ gateway: { loginRateLimit: 1000 }, scoring: { allowProvisionalCertification: true } });
    bus = await TestBus.connect(p.env);
    admin = await p.login('admin');
    commune = await p.login('commune.officer');
    db = new DataSource({ type: 'postgres', url: p.env.databaseUrl });
    await db.initialize();
  }, 60_000);

  afterAll(async () => {
    await bus?.close();
    await db?.destroy();
    await p?.stop();
  });

  const pdf = async (url: string): Promise<string> => {
    const res = await p.gateway
      .getHttpAdapter()
      .getInstance()
      .inject({ method: 'GET', url, headers: { authorization: `Bearer ${admin}` } });
    expect(res.statusCode).toBe(200);
    return (await pdfText(res.rawPayload)).pages.join('\n').replace(/\s+/gu, ' '); // headings wrap
  };

  /** Plays scoring's "certify here" for one product and returns its certificate with the decision's PDF text and the certificate's. */
  async function certified(
    o: Partial<EvaluationCompletedData>,
  ): Promise<{ certificate: any; decisionText: string; certificateText: string }> {
    const productId = randomUUID();
    const data: EvaluationCompletedData = {
      dossierId: randomUUID(),
      dossierCode: `HS-${productId.slice(0, 6)}`,
      evaluationId: randomUUID(),
      productId,
      producerId: randomUUID(),
      tier: 'DISTRICT',
      unitCode: '395',
      provinceCode: DEMO.provinceCode,
      sessionId: randomUUID(),
      councilId: randomUUID(),
      legalVersion: '148',
      catalogueCode: '148',
      catalogueRevision: 1,
      sheetCount: 5,
      sumHundredths: 30_000,
      mean: '60.00',
      band: 3,
      rank: 3,
      capReasons: [],
      outcome: 'CERTIFY',
      stars: 3,
      certifyingTier: 'DISTRICT',
      authorityUnitCode: '395',
      nextTier: null,
      productName: 'Mật ong hoa nhãn',
      producerName: 'Hợp tác xã Xuân Lập',
      productSetCode: '04',
      dossierKind: 'NEW',
      completedAt: '2024-05-10T03:00:00.000Z',
      ...o,
    };
    await bus.publish('ocop/scoring', ScoringEvents.evaluationCompleted, data, { time: data.completedAt }); // the event happened when the council closed
    const certificate = (await eventually(
      async () => {
        const res = await p.http('GET', '/api/certification/certificates?limit=200', { token: admin });
        return (res.body as { productId: string }[]).find((c) => c.productId === productId);
      },
      15_000,
      'the certificate',
    )) as any;
    return {
      certificate,
      decisionText: await pdf(`/api/certification/decisions/${certificate.decisionId}/decision.pdf`),
      certificateText: await pdf(`/api/certification/certificates/${certificate.id}/certificate.pdf`),
    };
  }

  describe('authorities by date', () => {
    it('names a district committee by its type in full on the decision and the certificate (huyện, thành phố, thị xã)', async () => {
      const thoXuan = await certified({ authorityUnitCode: '395', unitCode: '395' });
      for (const text of [thoXuan.decisionText, thoXuan.certificateText]) {
        expect(text).toContain('ỦY BAN NHÂN DÂN HUYỆN THỌ XUÂN');
        expect(text).toContain('Thọ Xuân, ngày 10 tháng 5 năm 2024');
        expect(text).not.toMatch(/UBND (TỈNH|HUYỆN|THÀNH|THỊ|THỌ)/u); // no abbreviated heading
      }
      const city = await certified({ authorityUnitCode: '380', unitCode: '380' });
      expect(city.decisionText).toContain('ỦY BAN NHÂN DÂN THÀNH PHỐ THANH HÓA');
      expect(city.certificateText).toContain('ỦY BAN NHÂN DÂN THÀNH PHỐ THANH HÓA');
      expect(city.decisionText).not.toContain('TP.');
      const town = await certified({ authorityUnitCode: '381', unitCode: '381' });
      expect(town.certificateText).toContain('ỦY BAN NHÂN DÂN THỊ XÃ BỈM SƠN');
      const decision = await p.http('GET', `/api/certification/decisions/${town.certificate.decisionId}`, { token: admin });
      expect(decision.body).toMatchObject({ issuerVi: 'ỦY BAN NHÂN DÂN THỊ XÃ BỈM SƠN', placeVi: 'Bỉm Sơn' });
    }, 90_000);

    it('names the 5★ ministry as it was called on the decision date (renamed on 01/03/2025)', async () => {
      const central = {
        tier: 'CENTRAL',
        unitCode: 'VN',
        authorityUnitCode: 'VN',
        certifyingTier: 'CENTRAL',
        stars: 5,
        rank: 5,
        band: 5,
        legalVersion: '148',
      };
      const before = await certified({ ...central, completedAt: '2025-02-28T09:00:00.000Z' });
      expect(before.decisionText).toContain('BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN');
      expect(before.certificateText).toContain('BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN');
      const after = await certified({ ...central, completedAt: '2025-03-01T02:00:00.000Z' });
      expect(after.decisionText).toContain('BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG');
      expect(after.decisionText).not.toContain('PHÁT TRIỂN NÔNG THÔN');
    }, 90_000);

    it("leaves a district's certificate valid; its revocation is the district's to decide until 30/06/2025, the province's from 01/07/2025", async () => {
      const office = await p.login('province.office');
      const district = await p.login('district.officer');
      const revoke = async (certificateId: string, at: string, token: string) => {
        const requested = await p.http('POST', '/api/certification/revocations', {
          token: office,
          headers: { 'x-as-of': at },
          body: { certificateId, reasonCode: 'PROCESS_NOT_FOLLOWED', details: 'Hậu kiểm phát hiện vi phạm' },
        });
        expect(requested.status).toBe(201);
        return p.http('POST', `/api/certification/revocations/${requested.body.id}/decide`, { token, headers: { 'x-as-of': at } });
      };
      const before = await certified({ authorityUnitCode: DEMO.districtCode, unitCode: DEMO.districtCode });
      const byDistrict = await revoke(before.certificate.id, '2025-06-30T09:00:00Z', district);
      expect(byDistrict.status).toBe(200);
      const d1 = await p.http('GET', `/api/certification/decisions/${byDistrict.body.decisionId}`, { token: admin });
      expect(d1.body).toMatchObject({
        kind: 'REVOKE',
        authorityUnitCode: DEMO.districtCode,
        issuerVi: 'ỦY BAN NHÂN DÂN THÀNH PHỐ THANH HÓA',
      });

      const after = await certified({ authorityUnitCode: DEMO.districtCode, unitCode: DEMO.districtCode });
      const live = await p.http('GET', `/api/public/certificates/${after.certificate.code}`, {
        headers: { 'x-as-of': '2025-08-01T02:00:00Z' },
      });
      expect(live.body).toMatchObject({ valid: true, status: 'ACTIVE', issuerVi: 'ỦY BAN NHÂN DÂN THÀNH PHỐ THANH HÓA' });
      const refused = await revoke(after.certificate.id, '2025-08-01T02:00:00Z', district);
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('NOT_ISSUING_AUTHORITY');
      const revocations = (await p.http('GET', '/api/certification/revocations?limit=200', { token: office })).body as {
        id: string;
        status: string;
        certificateId: string;
      }[];
      const open = revocations.find((r) => r.status === 'REQUESTED' && r.certificateId === after.certificate.id)!;
      const byProvince = await p.http('POST', `/api/certification/revocations/${open.id}/decide`, {
        token: office,
        headers: { 'x-as-of': '2025-08-01T02:00:00Z' },
      });
      expect(byProvince.status).toBe(200);
      const d2 = await p.http('GET', `/api/certification/decisions/${byProvince.body.decisionId}`, { token: admin });
      expect(d2.body).toMatchObject({ kind: 'REVOKE', authorityUnitCode: DEMO.provinceCode, issuerVi: 'ỦY BAN NHÂN DÂN TỈNH THANH HÓA' });
    }, 90_000);

    it('keeps one diacritic convention in unit names (Hóa, not Hoá)', async () => {
      const res = await p.http('GET', '/api/units?level=DISTRICT', { token: admin });
      const names = (res.body as { code: string; name: string }[]).map((u) => u.name);
      expect(names.filter((n) => /o[áàảãạ](?![\p{L}\p{M}])/u.test(n.normalize('NFC')))).toEqual([]);
      expect(names).toEqual(expect.arrayContaining(['Thành phố Thanh Hóa', 'Huyện Thọ Xuân', 'Thị xã Bỉm Sơn', 'Huyện Thiệu Hóa']));
    });
  });

  describe('catalogue revisions', () => {
    it('reads back a stored revision with ?revision= (e.g. the one a session pinned), the newest without it', async () => {
      const current = (await p.http('GET', '/api/scoring/catalogues/148', { token: admin })).body;
      const edited = structuredClone(current.document);
      edited.trees[0].parts[0].groups[0].criteria[0].labelVi = 'Nguồn gốc sản phẩm (đã rà soát)';
      const replaced = await p.http('PUT', '/api/scoring/catalogues/148', { token: admin, body: edited });
      expect(replaced.body.revision).toBe(current.revision + 1);

      const pinned = await p.http('GET', `/api/scoring/catalogues/148?revision=${current.revision}`, { token: admin });
      expect(pinned.status).toBe(200);
      expect(pinned.body).toMatchObject({ code: '148', revision: current.revision, checksum: current.checksum });
      expect(pinned.body.document).toEqual(current.document);
      const newest = await p.http('GET', '/api/scoring/catalogues/148', { token: admin });
      expect(newest.body).toMatchObject({ revision: current.revision + 1, checksum: replaced.body.checksum });

      const missing = await p.http('GET', '/api/scoring/catalogues/148?revision=999', { token: admin });
      expect(missing.status).toBe(404);
      expect(missing.body.code).toBe('CATALOGUE_REVISION_NOT_FOUND');
      const bad = await p.http('GET', '/api/scoring/catalogues/148?revision=zero', { token: admin });
      expect(bad.status).toBe(400);
    });
  });

  describe('withdrawing a dossier', () => {
    async function draft(token: string, productId: string): Promise<string> {
      const d = await p.http('POST', '/api/dossiers', { token, body: { productId, kind: 'NEW' } });
      expect(d.status).toBe(201);
      return d.body.id;
    }
    async function product(producerId: string, name: string): Promise<string> {
      const res = await p.http('POST', '/api/products', { token: commune, body: { producerId, name, productSetCode: '04' } });
      expect(res.status).toBe(201);
      return res.body.id;
    }

    it('lets the producer withdraw its own dossier with a reason: WITHDRAWN, audited, on the timeline, nothing more allowed', async () => {
      const producer = await p.login('producer');
      const id = await draft(producer, DEMO.productId);
      for (const type of ['REGISTRATION_FORM', 'SELF_ASSESSMENT', 'BUSINESS_REGISTRATION', 'BUSINESS_PLAN']) {
        const { payload, headers } = multipartBody(type, PDF);
        expect((await p.http('POST', `/api/dossiers/${id}/documents`, { token: producer, payload, headers })).status).toBe(201);
      }
      expect((await p.http('POST', `/api/dossiers/${id}/submit`, { token: producer })).body.allowedActions).toContain('WITHDRAW');

      const noReason = await p.http('POST', `/api/dossiers/${id}/withdraw`, { token: producer, body: {} });
      expect(noReason.status).toBe(400);
      expect(noReason.body.field).toBe('reason');
      const district = await p.login('district.officer');
      expect((await p.http('POST', `/api/dossiers/${id}/withdraw`, { token: district, body: { reason: 'Không rõ' } })).status).toBe(403);
      expect((await p.http('GET', `/api/dossiers/${id}`, { token: producer })).body.status).toBe('SUBMITTED');

      const reason = 'Chủ thể tạm dừng sản xuất sản phẩm này';
      const withdrawn = await p.http('POST', `/api/dossiers/${id}/withdraw`, { token: producer, body: { reason } });
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body).toMatchObject({ status: 'WITHDRAWN', allowedActions: [] });
      const again = await p.http('POST', `/api/dossiers/${id}/withdraw`, { token: producer, body: { reason } });
      expect(again.status).toBeGreaterThanOrEqual(400);
      expect(again.body.code).toBe('DOSSIER_INVALID_TRANSITION');

      const audit: { actor_role: string; details: Record<string, unknown> }[] = await db.query(
        `SELECT actor_role, details FROM registration.audit_log WHERE entity_id = $1 AND action = 'dossier.withdraw'`,
        [id],
      );
      expect(audit).toEqual([{ actor_role: 'PRODUCER', details: expect.objectContaining({ from: 'SUBMITTED', to: 'WITHDRAWN', reason }) }]);
      const entry = await eventually(
        async () => {
          const timeline = await p.http('GET', `/api/dossiers/${id}/timeline`, { token: producer });
          return (timeline.body as { type: string; data: Record<string, unknown> }[]).find(
            (e) => e.type === 'registration.dossier-withdrawn.v1',
          );
        },
        15_000,
        'the withdrawal on the timeline',
      );
      expect(entry.data).toMatchObject({ dossierId: id, status: 'WITHDRAWN', reason });
    }, 60_000);

    it('lets the commune withdraw a dossier of its commune, but not once it is proposed to a tier', async () => {
      const producerId = await newProducer(p, commune, 'Hợp tác xã Rút hồ sơ');
      const id = await draft(commune, await product(producerId, 'Mật ong rút'));
      const withdrawn = await p.http('POST', `/api/dossiers/${id}/withdraw`, { token: commune, body: { reason: 'Hồ sơ tạo nhầm' } });
      expect(withdrawn.body).toMatchObject({ status: 'WITHDRAWN' });

      const proposed = await proposedDossier(p, commune, producerId, 'Mật ong đã đề xuất', { asOf: '2024-03-01T03:00:00.000Z' });
      const view = await p.http('GET', `/api/dossiers/${proposed}`, { token: commune });
      expect(view.body.allowedActions).not.toContain('WITHDRAW');
      const refused = await p.http('POST', `/api/dossiers/${proposed}/withdraw`, { token: commune, body: { reason: 'Muộn rồi' } });
      expect(refused.body.code).toBe('DOSSIER_INVALID_TRANSITION');
    }, 60_000);
  });

  describe('the 2025 legal calendar', () => {
    const asOf = (iso: string) => ({ 'x-as-of': iso });

    const council = (token: string, prefix: string, tier: string, unitCode: string) =>
      councilOfFour(p, admin, token, { prefix, tier, unitCode, agency: 'Phòng Nông nghiệp' });

    async function openSession(c: Awaited<ReturnType<typeof council>>, evaluationIds: string[], at: string) {
      const s = await p.http('POST', '/api/scoring/sessions', {
        token: c.secretary.token,
        headers: asOf(at),
        body: { councilId: c.id, title: 'Phiên họp', scheduledFor: at },
      });
      expect(s.status).toBe(201);
      expect(
        (
          await p.http('POST', `/api/scoring/sessions/${s.body.id}/agenda`, {
            token: c.secretary.token,
            headers: asOf(at),
            body: { evaluationIds },
          })
        ).status,
      ).toBe(200);
      expect(
        (
          await p.http('PUT', `/api/scoring/sessions/${s.body.id}/attendance`, {
            token: c.secretary.token,
            headers: asOf(at),
            body: { presentMemberIds: c.present },
          })
        ).status,
      ).toBe(200);
      return s.body.id as string;
    }

    const runTransfer = async (at: string) => {
      const res = await p.http('POST', '/api/scoring/jobs/district-transfer/run', { token: admin, body: { asOf: at } });
      expect(res.status).toBe(200);
      return res.body as {
        due: boolean;
        transferred: { evaluationId: string; fromUnitCode: string; toUnitCode: string; fromSessionId: string | null }[];
      };
    };

    it('moves 148 dossiers waiting at the district on 01/07/2025 to the province, which certifies 3★ under the transitional rule', async () => {
      const office = await p.login('province.office');
      const district = await p.login('district.officer');
      const tree = await treeFor(p, admin, '148', '04');
      const producer = await newProducer(p, commune, 'Hợp tác xã Chuyển tiếp');
      const waiting = await proposedDossier(p, commune, producer, 'Mật ong chờ huyện', { asOf: '2025-05-10T03:00:00Z' });
      const onAgenda = await proposedDossier(p, commune, producer, 'Mật ong trong phiên huyện', { asOf: '2025-05-10T03:00:00Z' });
      const w = await evaluationOf(p, district, waiting, 'DISTRICT');
      const a = await evaluationOf(p, district, onAgenda, 'DISTRICT');
      expect(w).toMatchObject({ legalVersion: '148', unitCode: DEMO.districtCode, status: 'AWAITING_SESSION' });
      const dc = await council(district, 'cal.hdh', 'DISTRICT', DEMO.districtCode);
      const districtSession = await openSession(dc, [a.id], '2025-06-20T02:00:00Z');

      // On 30/06/2025 (Vietnam) the district still acts: nothing moves.
      expect(await runTransfer('2025-06-30T16:59:59Z')).toMatchObject({ due: false, transferred: [] });
      // From 01/07/2025 no district council meets or closes.
      const refused = await p.http('POST', '/api/scoring/sessions', {
        token: dc.secretary.token,
        headers: asOf('2025-07-01T02:00:00Z'),
        body: { councilId: dc.id, title: 'Phiên muộn', scheduledFor: '2025-07-01T02:00:00Z' },
      });
      expect(refused.body.code).toBe('DISTRICT_TIER_CEASED');
      for (const m of dc.voting) {
        expect(
          (
            await p.http('PUT', `/api/scoring/sessions/${districtSession}/evaluations/${a.id}/sheet`, {
              token: m.token,
              headers: asOf('2025-06-20T03:00:00Z'),
              body: { entries: sheetWithTotal(tree, 60) },
            })
          ).status,
        ).toBe(200);
      }
      const lateClose = await p.http('POST', `/api/scoring/sessions/${districtSession}/close`, {
        token: dc.secretary.token,
        headers: asOf('2025-07-01T02:00:00Z'),
      });
      expect(lateClose.body.code).toBe('DISTRICT_TIER_CEASED');

      const moved = await runTransfer('2025-06-30T17:00:00Z');
      expect(moved.due).toBe(true);
      // (other tests of this file leave district dossiers waiting too: they move as well)
      expect(
        moved.transferred
          .filter((t) => [w.id, a.id].includes(t.evaluationId))
          .map((t) => [t.evaluationId, t.fromUnitCode, t.toUnitCode, t.fromSessionId])
          .sort(),
      ).toEqual(
        [
          [w.id, DEMO.districtCode, DEMO.provinceCode, null],
          [a.id, DEMO.districtCode, DEMO.provinceCode, districtSession],
        ].sort(),
      );
      expect((await runTransfer('2025-07-02T00:00:00Z')).transferred).toEqual([]); // once

      // Same evaluation, version and history, now on the province's list (with the province's lab gate).
      const atProvince = await evaluationOf(p, office, waiting, 'PROVINCE');
      expect(atProvince).toMatchObject({
        id: w.id,
        legalVersion: '148',
        districtCode: DEMO.districtCode,
        unitCode: DEMO.provinceCode,
        status: 'AWAITING_SESSION',
        labState: 'PENDING',
      });
      expect((await p.http('GET', `/api/scoring/evaluations?dossierId=${waiting}&tier=DISTRICT`, { token: admin })).body).toEqual([]);
      expect((await p.http('GET', `/api/scoring/sessions/${districtSession}`, { token: admin })).body.items).toEqual([]);
      const dossier = await eventually(
        async () => {
          const res = await p.http('GET', `/api/dossiers/${waiting}`, { token: office });
          return res.body.proposedTier === 'PROVINCE' ? res.body : undefined;
        },
        15_000,
        'the dossier at the province',
      );
      expect(dossier).toMatchObject({
        status: 'PROPOSED',
        legalVersion: '148',
        proposedToUnitCode: DEMO.provinceCode,
        districtCode: DEMO.districtCode,
      });
      const timeline = await eventually(
        async () => {
          const res = await p.http('GET', `/api/dossiers/${waiting}/timeline`, { token: office });
          return (res.body as { type: string; data: Record<string, unknown> }[]).find(
            (e) => e.type === 'scoring.evaluation-transferred.v1',
          );
        },
        15_000,
        'the transfer on the timeline',
      );
      expect(timeline.data).toMatchObject({
        fromTier: 'DISTRICT',
        fromUnitCode: DEMO.districtCode,
        tier: 'PROVINCE',
        unitCode: DEMO.provinceCode,
      });

      // The province scores it 3★ and certifies it itself; the minutes say which rule applied.
      expect(
        (
          await p.http('PUT', `/api/scoring/evaluations/${w.id}/lab-result`, {
            token: office,
            headers: asOf('2025-07-05T02:00:00Z'),
            body: { state: 'PASSED' },
          })
        ).status,
      ).toBe(200);
      const pc = await council(office, 'cal.hdt', 'PROVINCE', DEMO.provinceCode);
      const ps = await openSession(pc, [w.id], '2025-07-10T02:00:00Z');
      for (const m of pc.voting) {
        expect(
          (
            await p.http('PUT', `/api/scoring/sessions/${ps}/evaluations/${w.id}/sheet`, {
              token: m.token,
              headers: asOf('2025-07-10T03:00:00Z'),
              body: { entries: sheetWithTotal(tree, 62) },
            })
          ).status,
        ).toBe(200);
      }
      const closed = await p.http('POST', `/api/scoring/sessions/${ps}/close`, {
        token: pc.secretary.token,
        headers: asOf('2025-07-10T09:00:00Z'),
      });
      expect(closed.status).toBe(200);
      expect(closed.body.results[0]).toMatchObject({ rank: 3, outcome: 'CERTIFY', stars: 3, certifyingTier: 'PROVINCE' });
      expect(closed.body.legalBasisVi.join(' ')).toContain('Quy định chuyển tiếp (suy luận, có thể cấu hình)');
      const certificate = (await eventually(
        async () => {
          const res = await p.http('GET', '/api/certification/certificates?limit=200', { token: admin });
          return (res.body as { dossierId: string }[]).find((c) => c.dossierId === waiting);
        },
        15_000,
        'the certificate',
      )) as any;
      expect(certificate).toMatchObject({ stars: 3, tier: 'PROVINCE', authorityUnitCode: DEMO.provinceCode });
      const decision = await p.http('GET', `/api/certification/decisions/${certificate.decisionId}`, { token: admin });
      expect(decision.body.issuerVi).toBe('ỦY BAN NHÂN DÂN TỈNH THANH HÓA');

      // Scored against the shipped PROVISIONAL 148 catalogue, which this platform's operator allowed: every document says so.
      expect(certificate.provisionalCriteria).toBe(true);
      expect(await pdf(`/api/certification/certificates/${certificate.id}/certificate.pdf`)).toContain(
        'Kết quả đánh giá theo bộ tiêu chí tạm thời',
      );
      const decisionText = await pdf(`/api/certification/decisions/${certificate.decisionId}/decision.pdf`);
      expect(decisionText).toContain('Các sản phẩm đánh dấu (*) trong danh sách: Kết quả đánh giá theo bộ tiêu chí tạm thời');
      expect(decisionText).toContain('Mật ong chờ huyện (*)');
      const record = await p.http('GET', `/api/public/certificates/${certificate.code}`);
      expect(record.body).toMatchObject({ valid: true, provisionalCriteria: true });
      const page = await p.http('GET', `/verify/${certificate.code}`);
      expect(String(page.body)).toContain('Đánh giá theo bộ tiêu chí tạm thời.');
    }, 120_000);

    it('proposes a 148 dossier to the province from 01/07/2025', async () => {
      const producerId = await newProducer(p, commune, 'Hợp tác xã Đề xuất muộn');
      const product = await p.http('POST', '/api/products', {
        token: commune,
        body: { producerId, name: 'Mật ong đề xuất muộn', productSetCode: '04' },
      });
      const june = asOf('2025-06-20T03:00:00Z');
      const d = await p.http('POST', '/api/dossiers', { token: commune, body: { productId: product.body.id, kind: 'NEW' }, headers: june });
      for (const type of ['REGISTRATION_FORM', 'SELF_ASSESSMENT', 'BUSINESS_REGISTRATION', 'BUSINESS_PLAN']) {
        const { payload, headers } = multipartBody(type, PDF);
        await p.http('POST', `/api/dossiers/${d.body.id}/documents`, { token: commune, payload, headers: { ...headers, ...june } });
      }
      for (const step of ['submit', 'accept'])
        expect((await p.http('POST', `/api/dossiers/${d.body.id}/${step}`, { token: commune, headers: june })).status).toBe(200);
      const proposed = await p.http('POST', `/api/dossiers/${d.body.id}/propose`, {
        token: commune,
        body: {},
        headers: asOf('2025-07-02T03:00:00Z'),
      });
      expect(proposed.status).toBe(200);
      expect(proposed.body).toMatchObject({ legalVersion: '148', proposedTier: 'PROVINCE', proposedToUnitCode: DEMO.provinceCode });
      const e = await evaluationOf(p, admin, d.body.id, 'PROVINCE');
      expect(e).toMatchObject({ legalVersion: '148', unitCode: DEMO.provinceCode, labState: 'PENDING' });
    }, 60_000);
  });
});
