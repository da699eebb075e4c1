import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv from 'ajv';
import ExcelJS from 'exceljs';
import {
  CertificationEvents,
  DEMO,
  InspectionEvents,
  ProgrammeEvents,
  TradePromotionEvents,
  TrainingEvents,
  type CertificateIssuedData,
  type CertificateRevokedData,
  type ReportReminderData,
} from '@ocop/contracts';
import { eventually } from '@ocop/testing';
import { startPlatform, type Platform } from '../support/platform';
import { TestBus } from '../support/bus';
import { certifyAtDistrict, newProducer, proposedDossier } from '../support/scoring';
import { flat, pdfText } from '../../libs/documents/test/pdf-text';

/** A 5★ certificate the ministry issued for a producer of this province, as certification's event carries it. */
function ministryFive(o: Partial<CertificateIssuedData> = {}): CertificateIssuedData {
  return {
    certificateId: randomUUID(),
    number: 'VN-2024-0007/GCN-OCOP',
    code: 'MINISTRY5S',
    dossierId: randomUUID(),
    productId: randomUUID(),
    producerId: randomUUID(),
    provinceCode: DEMO.provinceCode,
    authorityUnitCode: 'VN',
    evaluationId: randomUUID(),
    productName: 'Rượu Tiên Nữ Thọ Xuân',
    producerName: 'Công ty Cổ phần Rượu Thọ Xuân',
    productSetCode: '14',
    stars: 5,
    tier: 'CENTRAL',
    decisionId: randomUUID(),
    decisionReference: '1234/QĐ-BNNMT',
    validFrom: '2024-11-20T00:00:00.000Z',
    validTo: '2027-11-20T00:00:00.000Z',
    supersedes: null,
    issuedAt: '2024-11-20T03:00:00.000Z',
    producerDistrictCode: '395',
    ...o,
  };
}

/** Its revocation by the ministry, as certification's event carries it. */
function revocationOf(c: CertificateIssuedData, revokedAt: string): CertificateRevokedData {
  return {
    certificateId: c.certificateId,
    number: c.number,
    code: c.code,
    dossierId: c.dossierId,
    productId: c.productId,
    producerId: c.producerId,
    provinceCode: c.provinceCode,
    authorityUnitCode: c.authorityUnitCode,
    revocationId: randomUUID(),
    source: 'OFFICE',
    reasonCode: 'QUALITY_VIOLATION',
    decisionId: randomUUID(),
    decisionReference: '88/QĐ-BNNMT',
    originalDecisionReference: c.decisionReference,
    revokedAt,
    returnDeadline: new Date(Date.parse(revokedAt) + 15 * 86_400_000).toISOString(),
  };
}

const CSV = readFileSync(resolve(__dirname, '..', '..', 'data', 'thanh-hoa-2024-district-targets.csv'), 'utf8');

/**
 * Issue 17, first step: the province's 2024 plan with Thanh Hóa's 27 district targets imported from its table;
 * dossiers certified by the district council count for their district's 3★ target, a ministry's 5★ for the producer's
 * own district; a district officer sees its district's targets only; bad tables change nothing.
 */
describe('the programme: plans, targets and progress', () => {
  let p: Platform;
  let bus: TestBus;
  let admin: string;
  let office: string;
  let officer: string;
  let district: string;
  let planId: string;

  beforeAll(async () => {
    p = await startPlatform({ gateway: { loginRateLimit: 1000 }, scoring: { allowProvisionalCertification: true } });
    bus = await TestBus.connect(p.env);
    admin = await p.login('admin');
    office = await p.login('province.office');
    officer = await p.login('commune.officer');
    district = await p.login('district.officer');
  }, 120_000);
  afterAll(async () => {
    await bus?.close();
    await p?.stop();
  });

  it('imports the 27 district targets of the 2024 plan, refusing bad tables whole', async () => {
    const plan = await p.http('POST', '/api/programme/plans', {
      token: office,
      body: {
        title: 'Kế hoạch thực hiện Chương trình OCOP tỉnh Thanh Hóa năm 2024',
        reference: '1366/KH-UBND ngày 28/4/2023',
        level: 'PROVINCE',
        unitCode: DEMO.provinceCode,
        fromYear: 2024,
        toYear: 2024,
        countingRule: 'FIRST_CERTIFICATION',
      },
    });
    expect(plan.status).toBe(201);
    planId = plan.body.id;
    const importTable = (csv: string, token = office) =>
      p.http('POST', `/api/programme/plans/${planId}/targets/import`, { token, body: { csv, year: 2024 } });

    const unknown = await importTable(CSV.replace('Thọ Xuân', 'Thọ Xuân Mới'));
    expect(unknown.body).toMatchObject({ status: 400, code: 'CSV_DISTRICT_UNKNOWN', field: 'csv' });
    expect(unknown.body.detail).toContain('csv line 4');
    expect((await importTable(CSV.replace('3,Thọ Xuân,5,2,0,7', '3,Thọ Xuân,5,2,0,8'))).body).toMatchObject({ code: 'CSV_TOTAL_MISMATCH' });
    expect((await importTable(CSV, officer)).status).toBe(403);
    expect((await p.http('GET', `/api/programme/plans/${planId}`, { token: office })).body.targets).toEqual([]);

    const imported = await importTable(CSV);
    expect(imported.status).toBe(200);
    expect(imported.body.targets).toHaveLength(81);
    const sum = (stars: number) =>
      imported.body.targets.filter((t: { stars: number }) => t.stars === stars).reduce((n: number, t: { value: number }) => n + t.value, 0);
    expect([sum(3), sum(4), sum(5)]).toEqual([103, 13, 4]);
    // Imported again: the same 81 targets, not 162.
    expect((await importTable(CSV)).body.targets).toHaveLength(81);
  });

  it("counts certificates for their district's targets: the district council's 3★, the ministry's 5★ for the producer's district", async () => {
    const filed = '2024-05-10T03:00:00Z';
    const dossiers: string[] = [];
    for (let i = 0; i < 3; i++) {
      const producerId = await newProducer(p, officer, `Hợp tác xã Nem chua Thanh Hóa ${i + 1}`, { asOf: filed });
      dossiers.push(await proposedDossier(p, officer, producerId, `Nem chua ${i + 1}`, { asOf: filed, productSetCode: '08' }));
    }
    await certifyAtDistrict(p, { admin, district }, dossiers, { prefix: 'hdkh', expectCertificates: 3 });
    // A 5★ the ministry issued for a producer of Thọ Xuân (395): it counts for Thọ Xuân, not for the province's seat.
    const ministry = ministryFive({ producerDistrictCode: '395' });
    await bus.publish('ocop/certification', CertificationEvents.certificateIssued, ministry);
    await bus.settled('programme-certificates', 20_000);

    const progress = async (token: string) =>
      (await p.http('GET', `/api/programme/plans/${planId}/progress`, { token, headers: { 'x-as-of': '2024-12-31T00:00:00Z' } })).body as {
        targets: { unitCode: string; stars: number; value: number; achieved: number; active: number; percent: number | null }[];
      };
    const of = (targets: { unitCode: string; stars: number }[], unitCode: string, stars: number) =>
      targets.find((t) => t.unitCode === unitCode && t.stars === stars);
    const all = (await progress(office)).targets;
    expect(of(all, DEMO.districtCode, 3)).toMatchObject({ value: 3, achieved: 3, active: 3, percent: 100 });
    expect(of(all, '395', 5)).toMatchObject({ value: 0, achieved: 1, percent: null });
    // Everything else counts nothing; the totals are the certificates by hand (3 at 3★, 1 at 5★).
    expect(all.reduce((n, t) => n + t.achieved, 0)).toBe(4);
    // The district officer sees its own district's targets.
    const mine = (await progress(district)).targets;
    expect(mine.map((t) => [t.unitCode, t.stars, t.achieved])).toEqual([
      [DEMO.districtCode, 3, 3],
      [DEMO.districtCode, 4, 0],
      [DEMO.districtCode, 5, 0],
    ]);
    expect((await p.http('GET', `/api/programme/plans/${planId}/progress`, { token: officer })).status).toBe(403);
    // Revoked afterwards, the ministry's 5★ still counts as achieved in 2024, but no longer as active.
    await bus.publish('ocop/certification', CertificationEvents.certificateRevoked, revocationOf(ministry, '2024-12-10T03:00:00.000Z'));
    await bus.settled('programme-certificates', 20_000);
    expect(of((await progress(office)).targets, '395', 5)).toMatchObject({ achieved: 1, active: 0 });
    // Before the certificates were issued, nothing was achieved.
    await eventually(async () => {
      const early = (
        await p.http('GET', `/api/programme/plans/${planId}/progress`, { token: office, headers: { 'x-as-of': '2024-01-02T00:00:00Z' } })
      ).body;
      return early.targets.every((t: { active: number }) => t.active === 0);
    });
  });

  it('pays a reward once per certificate, and stops one whose certificate is revoked before payment', async () => {
    const july = { 'x-as-of': '2024-07-01T02:00:00Z' };
    // Amounts are examples for the test, not any province's resolution.
    const policy = {
      title: 'Thưởng sản phẩm OCOP đạt từ 3 sao trở lên (số tiền ví dụ)',
      resolution: 'Nghị quyết ví dụ số 01/2024/NQ-HĐND',
      level: 'PROVINCE',
      unitCode: DEMO.provinceCode,
      kind: 'REWARD',
      fundingSource: 'PROVINCE_BUDGET',
      validFrom: '2024-01-01',
      validTo: '2025-12-31',
      countingRule: 'FIRST_CERTIFICATION',
      rewards: [
        { stars: 3, amountVnd: 10_000_000 },
        { stars: 5, amountVnd: 30_000_000 },
      ],
    };
    const enter = (body: Record<string, unknown>, token = office) =>
      p.http('POST', '/api/programme/support-policies', { token, body, headers: july });
    // Bad policies change nothing.
    expect((await enter({ ...policy, rewards: undefined })).body).toMatchObject({ status: 400, field: 'rewards' });
    expect((await enter({ ...policy, rewards: [{ stars: 2, amountVnd: 1 }] })).body).toMatchObject({
      status: 400,
      field: 'rewards.0.stars',
    });
    expect((await enter({ ...policy, rewards: [...policy.rewards, { stars: 3, amountVnd: 1 }] })).body).toMatchObject({
      code: 'POLICY_STARS_TWICE',
      field: 'rewards.2.stars',
    });
    expect((await enter({ ...policy, items: [{ item: 'PACKAGING', maxAmountVnd: 1 }] })).body).toMatchObject({
      code: 'POLICY_ITEMS_FOR_REWARD',
    });
    expect((await enter({ ...policy, validTo: '2023-12-31' })).body).toMatchObject({ code: 'POLICY_PERIOD_INVALID', field: 'validTo' });
    expect((await enter(policy, district)).status).toBe(403);
    expect((await p.http('GET', '/api/programme/support-policies', { token: office })).body).toEqual([]);

    // Entered in July: the three 3★ of June are due at once; the ministry's 5★ of November is not issued yet.
    const created = await enter(policy);
    expect(created.status).toBe(201);
    const rewards = async (token = office, query = '') =>
      (await p.http('GET', `/api/programme/rewards?policyId=${created.body.id}${query}`, { token })).body as {
        id: string;
        certificateId: string;
        stars: number;
        amountVnd: number;
        status: string;
        districtCode: string;
      }[];
    expect((await rewards()).map((r) => [r.stars, r.amountVnd, r.status, r.districtCode])).toEqual(
      Array(3).fill([3, 10_000_000, 'ELIGIBLE', DEMO.districtCode]),
    );

    // A 5★ issued later (its event, delivered twice) is due once; revoked before payment, it stops and is never paid.
    const later = ministryFive({ number: 'VN-2024-0011/GCN-OCOP', code: 'MINISTRY5T', issuedAt: '2024-11-25T03:00:00.000Z' });
    await bus.publish('ocop/certification', CertificationEvents.certificateIssued, later);
    await bus.publish('ocop/certification', CertificationEvents.certificateIssued, later);
    await bus.settled('programme-certificates', 20_000);
    const five = (await rewards()).filter((r) => r.certificateId === later.certificateId);
    expect(five).toEqual([expect.objectContaining({ stars: 5, amountVnd: 30_000_000, status: 'ELIGIBLE', districtCode: '395' })]);
    await bus.publish('ocop/certification', CertificationEvents.certificateRevoked, revocationOf(later, '2024-12-05T03:00:00.000Z'));
    await bus.settled('programme-certificates', 20_000);
    expect((await rewards()).find((r) => r.id === five[0]!.id)).toMatchObject({ status: 'STOPPED' });
    const pay = (id: string, reference: string, token = office) =>
      p.http('POST', `/api/programme/rewards/${id}/payment`, {
        token,
        body: { reference },
        headers: { 'x-as-of': '2024-12-15T02:00:00Z' },
      });
    expect((await pay(five[0]!.id, 'UNC 0001')).body).toMatchObject({ status: 409, code: 'REWARD_STOPPED' });

    // A 3★ paid once: the same payment again is the same answer, another is refused.
    const three = (await rewards())[0]!;
    expect((await pay(three.id, 'UNC 0002', district)).status).toBe(403);
    const paid = await pay(three.id, 'UNC 0002');
    expect(paid.body).toMatchObject({ status: 'PAID', paymentReference: 'UNC 0002', paidAt: '2024-12-15T02:00:00.000Z' });
    expect((await pay(three.id, 'UNC 0002')).body).toEqual(paid.body);
    expect((await pay(three.id, 'UNC 0003')).body).toMatchObject({ status: 409, code: 'REWARD_ALREADY_PAID' });
    expect((await rewards(office, '&status=PAID')).map((r) => r.id)).toEqual([three.id]);
    // The district officer sees its district's three; the producer account, none of these producers'.
    expect((await rewards(district)).map((r) => r.districtCode)).toEqual(Array(3).fill(DEMO.districtCode));
    expect(await rewards(await p.login('producer'))).toEqual([]);
    expect((await p.http('GET', `/api/programme/rewards?status=LATE`, { token: office })).body).toMatchObject({ field: 'status' });
  });

  it("reminds the districts once before 1 December; a report's figures are frozen at submission, the same in the API, XLSX and PDF", async () => {
    const settings = {
      districtDueBefore: '12-01',
      districtRecipient: 'UBND tỉnh Thanh Hóa (qua Văn phòng Điều phối nông thôn mới tỉnh)',
      provinceDueBefore: '12-20',
      provinceRecipient: 'Bộ Nông nghiệp và Môi trường',
      reminderDays: 7,
    };
    const setSettings = (body: Record<string, unknown>, token = office) =>
      p.http('PUT', `/api/programme/report-settings/${DEMO.provinceCode}`, { token, body });
    expect((await setSettings({ ...settings, districtDueBefore: '02-30' })).body).toMatchObject({
      code: 'REPORT_DUE_DAY_INVALID',
      field: 'districtDueBefore',
    });
    expect((await setSettings({ ...settings, provinceRecipient: undefined })).body).toMatchObject({ field: 'provinceRecipient' });
    expect((await setSettings(settings, district)).status).toBe(403);
    expect((await p.http('GET', `/api/programme/report-settings/${DEMO.provinceCode}`, { token: office })).status).toBe(404);
    expect((await setSettings(settings)).body).toMatchObject(settings);

    const run = async (asOf: string) =>
      (await p.http('POST', '/api/programme/jobs/report-reminders/run', { token: admin, body: { asOf } })).body.result.reminders as number;
    const submit = (body: Record<string, unknown>, asOf: string, token = district) =>
      p.http('POST', '/api/programme/reports', { token, body, headers: { 'x-as-of': asOf } });
    const annual = { kind: 'DISTRICT_ANNUAL', unitCode: DEMO.districtCode, year: 2024, reference: '215/BC-UBND' };
    // Bad reports change nothing.
    expect((await submit({ ...annual, year: undefined }, '2024-11-22T03:00:00Z')).body).toMatchObject({ code: 'REPORT_YEAR_REQUIRED' });
    expect((await submit({ ...annual, from: '2024-01-01' }, '2024-11-22T03:00:00Z')).body).toMatchObject({ field: 'from' });
    expect((await submit({ ...annual, unitCode: '395' }, '2024-11-22T03:00:00Z')).status).toBe(403);
    expect((await submit({ ...annual, kind: 'PROVINCE_ANNUAL', unitCode: DEMO.provinceCode }, '2024-11-22T03:00:00Z')).status).toBe(403);
    expect((await submit({ ...annual, year: 2025 }, '2024-11-22T03:00:00Z')).body).toMatchObject({ code: 'REPORT_YEAR_AHEAD' });
    expect((await submit({ kind: 'AD_HOC', unitCode: DEMO.districtCode, from: '2024-07-01' }, '2024-11-22T03:00:00Z')).body).toMatchObject({
      field: 'to',
    });
    expect((await p.http('GET', '/api/programme/reports', { token: office })).body).toEqual([]);

    // Before the reminder days nothing is sent; the seat's district reports early, on 22 November.
    expect(await run('2024-11-20T02:00:00Z')).toBe(0);
    const submitted = await submit(annual, '2024-11-22T03:00:00Z');
    expect(submitted.status).toBe(201);
    const report = submitted.body;
    expect(report).toMatchObject({ status: 'SUBMITTED', late: false, dueBefore: '2024-12-01', recipient: settings.districtRecipient });
    // Its figures as of 22 November: the three 3★ of June, their district's targets, the three rewards made due in July
    // (the one paid on 15 December is not paid yet then).
    expect(report.figures.certificates).toEqual({
      issued: { stars3: 3, stars4: 0, stars5: 0, total: 3 },
      firstCertifications: 3,
      valid: { stars3: 3, stars4: 0, stars5: 0, total: 3 },
      revoked: 0,
    });
    expect(report.figures.targets.map((t: { stars: number; value: number; achieved: number }) => [t.stars, t.value, t.achieved])).toEqual([
      [3, 3, 3],
      [4, 1, 0],
      [5, 1, 0],
    ]);
    expect(report.figures.rewards).toEqual({ due: 3, dueVnd: 30_000_000, paid: 0, paidVnd: 0, stopped: 0 });
    expect((await submit(annual, '2024-11-23T03:00:00Z')).body).toMatchObject({ status: 409, code: 'REPORT_ALREADY_SUBMITTED' });

    // From 24 November (7 days before) every other district is reminded, once; the province's day is 20 December.
    const districts = (await p.http('GET', `/api/units?level=DISTRICT&parentCode=${DEMO.provinceCode}`, { token: office })).body as {
      code: string;
    }[];
    expect(await run('2024-11-23T02:00:00Z')).toBe(0);
    expect(await run('2024-11-25T02:00:00Z')).toBe(districts.length - 1);
    expect(await run('2024-11-26T02:00:00Z')).toBe(0);
    expect(await run('2024-11-30T16:00:00Z')).toBe(0);
    await eventually(async () => (await bus.events(ProgrammeEvents.reportReminder)).length === districts.length - 1, 15_000, 'reminders');
    const reminders = await bus.events<ReportReminderData>(ProgrammeEvents.reportReminder);
    expect(new Set(reminders.map((e) => e.data.unitCode)).size).toBe(districts.length - 1);
    expect(reminders.map((e) => e.data.unitCode)).not.toContain(DEMO.districtCode);
    expect(reminders[0]!.data).toMatchObject({
      kind: 'DISTRICT_ANNUAL',
      year: 2024,
      dueBefore: '2024-12-01',
      recipient: settings.districtRecipient,
    });
    // The province is reminded from 13 December; it reports late, on 21 December.
    expect(await run('2024-12-13T02:00:00Z')).toBe(1);
    const provincial = await submit({ kind: 'PROVINCE_ANNUAL', unitCode: DEMO.provinceCode, year: 2024 }, '2024-12-21T03:00:00Z', office);
    expect(provincial.body).toMatchObject({
      status: 'SUBMITTED',
      late: true,
      dueBefore: '2024-12-20',
      recipient: 'Bộ Nông nghiệp và Môi trường',
    });
    // The province's figures: every district's certificates and the ministry's two 5★ (one revoked), 81 targets.
    expect(provincial.body.figures.certificates).toMatchObject({ issued: { stars3: 3, stars5: 2, total: 5 }, revoked: 2 });
    expect(provincial.body.figures.targets).toHaveLength(81);
    await eventually(async () => (await bus.events(ProgrammeEvents.reportSubmitted)).length === 2, 15_000, 'reports on the bus');

    // Acknowledged by the recipient: the office a district's, the ministry's side (a national admin) the province's.
    const ack = (id: string, token: string) =>
      p.http('POST', `/api/programme/reports/${id}/acknowledgement`, { token, body: { note: 'Đã nhận' } });
    expect((await ack(report.id, district)).status).toBe(403);
    expect((await ack(report.id, office)).body).toMatchObject({ status: 'ACKNOWLEDGED', acknowledgementNote: 'Đã nhận' });
    expect((await ack(provincial.body.id, office)).status).toBe(403);
    expect((await ack(provincial.body.id, admin)).body).toMatchObject({ status: 'ACKNOWLEDGED' });
    // Frozen: read back after more happened, the district's figures are those of 22 November.
    const read = await p.http('GET', `/api/programme/reports/${report.id}`, { token: district });
    expect(read.body.figures).toEqual(report.figures);

    // The workbook and the PDF carry the API's numbers.
    const download = async (file: string) => {
      const res = await p.gateway
        .getHttpAdapter()
        .getInstance()
        .inject({ method: 'GET', url: `/api/programme/reports/${report.id}/${file}`, headers: { authorization: `Bearer ${district}` } });
      expect(res.statusCode).toBe(200);
      return res;
    };
    const xlsx = await download('report.xlsx');
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as never);
    const rows = (name: string) => (book.getWorksheet(name)!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    const c = report.figures.certificates;
    expect(rows('Tổng hợp')).toEqual(
      expect.arrayContaining([
        ['3 sao', c.issued.stars3, c.valid.stars3],
        ['Tổng cộng', c.issued.total, c.valid.total],
        ['Khen thưởng phát sinh trong kỳ', report.figures.rewards.due, report.figures.rewards.dueVnd],
      ]),
    );
    expect(
      rows('Chỉ tiêu')
        .slice(1)
        .map((r) => [r[3], r[4]]),
    ).toEqual(report.figures.targets.map((t: { value: number; achieved: number }) => [t.value, t.achieved]));
    const text = flat((await pdfText((await download('report.pdf')).rawPayload)).pages.join('\n'));
    expect(text).toContain('BÁO CÁO KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH OCOP NĂM 2024');
    expect(text).toContain('Số: 215/BC-UBND');
    expect(text).toContain(`Tổng cộng ${c.issued.total} ${c.valid.total}`);
    expect(text).toContain('Khen thưởng phát sinh trong kỳ 3 30.000.000');
    expect(text).toContain(`${report.figures.targets[0].unitName} 3 sao 2024 3 3 100`);
    // Another district's officer would not see it; the ad-hoc report of the first half-year is kept as generated.
    expect((await p.http('GET', `/api/programme/reports/${provincial.body.id}`, { token: district })).status).toBe(404);
    const half = await submit(
      { kind: 'AD_HOC', unitCode: DEMO.districtCode, from: '2024-01-01', to: '2024-06-30' },
      '2024-12-22T03:00:00Z',
    );
    expect(half.body).toMatchObject({ status: 'GENERATED', recipient: null, late: false });
    expect(half.body.figures.rewards.due).toBe(0);
  });

  it("keeps the plan's tasks: deadlines by day or quarter, statuses, evidence, overdue as of a day", async () => {
    const march = { 'x-as-of': '2024-03-01T02:00:00Z' };
    const add = (body: Record<string, unknown>, token = office) =>
      p.http('POST', `/api/programme/plans/${planId}/tasks`, { token, body, headers: march });
    const task = { title: 'Tổ chức tập huấn xây dựng hồ sơ sản phẩm OCOP', leadUnit: 'Sở Nông nghiệp và Môi trường' };
    // Bad tasks change nothing.
    expect((await add(task)).body).toMatchObject({ code: 'TASK_DEADLINE_REQUIRED' });
    expect((await add({ ...task, deadlineDate: '2024-06-30', deadlineQuarter: '2024-Q2' })).body).toMatchObject({
      code: 'TASK_DEADLINE_REQUIRED',
    });
    expect((await add({ ...task, deadlineQuarter: '2024-Q5' })).body).toMatchObject({ status: 400, field: 'deadlineQuarter' });
    expect((await add({ ...task, deadlineDate: '2024-02-30' })).body).toMatchObject({ status: 400, field: 'deadlineDate' });
    expect((await add({ ...task, deadlineDate: '2025-01-15' })).body).toMatchObject({ code: 'TASK_DEADLINE_OUTSIDE_PLAN' });
    expect((await add({ ...task, deadlineDate: '2024-06-30' }, district)).status).toBe(403);
    expect((await p.http('GET', `/api/programme/plans/${planId}/tasks`, { token: office })).body).toEqual([]);

    const training = await add({ ...task, deadlineQuarter: '2024-Q3', coordinatingUnits: ['UBND các huyện, thị xã, thành phố'] });
    expect(training.status).toBe(201);
    expect(training.body).toMatchObject({ dueOn: '2024-09-30', status: 'NOT_STARTED', overdue: false });
    const fair = (await add({ title: 'Tham gia Hội chợ OCOP khu vực miền Trung', leadUnit: 'Sở Công Thương', deadlineDate: '2024-05-15' }))
      .body;
    const started = await p.http('PUT', `/api/programme/tasks/${training.body.id}`, {
      token: office,
      body: { status: 'IN_PROGRESS', note: 'Đã mở lớp tại Thọ Xuân' },
    });
    expect(started.body).toMatchObject({ status: 'IN_PROGRESS', note: 'Đã mở lớp tại Thọ Xuân' });
    const evidence = await p.http('POST', `/api/programme/tasks/${fair.id}/evidence`, {
      token: office,
      body: { text: 'Báo cáo kết quả tham gia hội chợ', reference: '112/BC-SCT' },
    });
    expect(evidence.body.evidence).toEqual([
      expect.objectContaining({ text: 'Báo cáo kết quả tham gia hội chợ', reference: '112/BC-SCT' }),
    ]);
    expect((await p.http('PUT', `/api/programme/tasks/${fair.id}`, { token: office, body: { status: 'DONE' } })).body.status).toBe('DONE');
    expect((await p.http('PUT', `/api/programme/tasks/${fair.id}`, { token: office, body: { status: 'IN_PROGRESS' } })).body).toMatchObject(
      {
        code: 'TASK_CLOSED',
      },
    );
    expect((await p.http('PUT', `/api/programme/tasks/${fair.id}`, { token: office, body: { status: 'LATE' } })).body).toMatchObject({
      field: 'status',
    });

    const asOf = (day: string) =>
      p.http('GET', `/api/programme/plans/${planId}/tasks`, { token: district, headers: { 'x-as-of': `${day}T05:00:00Z` } });
    const overdue = async (day: string) =>
      ((await asOf(day)).body as { title: string; overdue: boolean }[]).map((t) => [t.title, t.overdue]);
    expect(await overdue('2024-09-30')).toEqual([
      ['Tham gia Hội chợ OCOP khu vực miền Trung', false],
      ['Tổ chức tập huấn xây dựng hồ sơ sản phẩm OCOP', false],
    ]);
    expect(await overdue('2024-10-01')).toEqual([
      ['Tham gia Hội chợ OCOP khu vực miền Trung', false],
      ['Tổ chức tập huấn xây dựng hồ sơ sản phẩm OCOP', true],
    ]);
  });

  it('counts a share target from the craft-village register, and targets of other kinds from their events', async () => {
    const village = (body: Record<string, unknown>, token = office) => p.http('POST', '/api/programme/craft-villages', { token, body });
    const base = { districtCode: DEMO.districtCode, traditional: true, trades: 'Chế biến nem chua' };
    const a = await village({ ...base, name: 'Làng nghề nem chua Hạc Thành', recognitionReference: 'Quyết định số 1234/QĐ-UBND' });
    expect(a.status).toBe(201);
    const b = await village({ ...base, name: 'Làng nghề bánh gai Tứ Trụ', trades: 'Làm bánh gai' });
    await village({ ...base, districtCode: '395', traditional: false, name: 'Làng nghề rượu Tiên Nữ', trades: 'Nấu rượu' });
    expect((await village({ ...base, name: 'Làng nghề nem chua Hạc Thành' })).body).toMatchObject({
      status: 409,
      code: 'CRAFT_VILLAGE_EXISTS',
    });
    expect((await village({ ...base, name: 'Làng nghề mới' }, district)).status).toBe(403);
    expect((await village({ ...base, name: 'Làng nghề mới', districtCode: '999' })).body).toMatchObject({ code: 'UNIT_UNKNOWN' });

    // The seat's certified nem chua is made in the first village; the ministry's product is no registered product here.
    const certified = (await p.http('GET', '/api/certification/certificates?limit=500', { token: admin })).body as { productId: string }[];
    const link = (id: string, productIds: string[]) =>
      p.http('PUT', `/api/programme/craft-villages/${id}/products`, { token: office, body: { productIds } });
    expect((await link(a.body.id, [certified[0]!.productId, randomUUID()])).body).toMatchObject({
      code: 'PRODUCT_UNKNOWN',
      field: 'productIds.1',
    });
    expect((await link(a.body.id, [certified[0]!.productId])).body).toMatchObject({ productIds: [certified[0]!.productId] });
    const listed = async (token: string, asOf: string) =>
      (
        (await p.http('GET', '/api/programme/craft-villages', { token, headers: { 'x-as-of': asOf } })).body as {
          name: string;
          hasOcopProduct: boolean;
        }[]
      ).map((v) => [v.name, v.hasOcopProduct]);
    expect(await listed(district, '2024-12-31T00:00:00Z')).toEqual([
      ['Làng nghề bánh gai Tứ Trụ', false],
      ['Làng nghề nem chua Hạc Thành', true],
    ]);
    expect(await listed(district, '2024-06-01T00:00:00Z')).toEqual([
      ['Làng nghề bánh gai Tứ Trụ', false],
      ['Làng nghề nem chua Hạc Thành', false],
    ]);
    void b;

    // Targets of other kinds; bad ones change nothing.
    const set = (targets: Record<string, unknown>[]) =>
      p.http('PUT', `/api/programme/plans/${planId}/targets`, { token: office, body: { targets } });
    const year = { year: 2024 };
    expect((await set([{ kind: 'SALES_POINTS', unitCode: DEMO.provinceCode, stars: 3, value: 1, ...year }])).body).toMatchObject({
      code: 'TARGET_STARS_NOT_APPLICABLE',
      field: 'targets.0.stars',
    });
    expect((await set([{ kind: 'FORWARDED_TO_MINISTRY', unitCode: DEMO.districtCode, value: 1, ...year }])).body).toMatchObject({
      code: 'TARGET_PROVINCE_ONLY',
    });
    expect((await set([{ kind: 'SALES_POINTS', unitCode: DEMO.provinceCode, value: 10, valueMax: 5, ...year }])).body).toMatchObject({
      code: 'TARGET_RANGE_INVALID',
      field: 'targets.0.valueMax',
    });
    expect((await set([{ kind: 'CRAFT_VILLAGE_SHARE', unitCode: DEMO.districtCode, value: 130, ...year }])).body).toMatchObject({
      code: 'TARGET_SHARE_INVALID',
    });
    expect(
      (
        await set([
          { kind: 'CRAFT_VILLAGE_SHARE', unitCode: DEMO.districtCode, value: 30, traditionalOnly: true, ...year },
          { kind: 'CERTIFIED_PRODUCTS_TOTAL', unitCode: DEMO.provinceCode, value: 200, ...year },
          { kind: 'SALES_POINTS', unitCode: DEMO.provinceCode, value: 10, valueMax: 15, ...year },
          { kind: 'CLASSES_HELD', unitCode: DEMO.districtCode, value: 1, ...year },
          { kind: 'PEOPLE_TRAINED', unitCode: DEMO.districtCode, value: 30, ...year },
        ])
      ).status,
    ).toBe(200);

    // A sales point opened, a class held in the seat's district and one person who completed it (the events, as their services send them).
    const classId = randomUUID();
    await bus.publish('ocop/trade-promotion', TradePromotionEvents.salesPointRegistered, {
      salesPointId: randomUUID(),
      provinceCode: DEMO.provinceCode,
      level: 'PROVINCE',
      locationType: 'MARKET',
      districtCode: DEMO.districtCode,
      openedOn: '2024-08-01',
      upgraded: false,
    });
    await bus.publish('ocop/training', TrainingEvents.classScheduled, {
      classId,
      courseId: randomUUID(),
      provinceCode: DEMO.provinceCode,
      districtCode: DEMO.districtCode,
      targetGroup: 'PRODUCERS',
      startsOn: '2024-09-10',
      endsOn: '2024-09-12',
      capacity: 40,
    });
    await bus.publish('ocop/training', TrainingEvents.classStatusChanged, {
      classId,
      provinceCode: DEMO.provinceCode,
      status: 'COMPLETED',
      at: '2024-09-12T10:00:00.000Z',
    });
    const completed = {
      enrolmentId: randomUUID(),
      classId,
      provinceCode: DEMO.provinceCode,
      targetGroup: 'PRODUCERS',
      userId: null,
      producerId: null,
      outcome: 'COMPLETED',
      daysAttended: 3,
      at: '2024-09-12T10:00:00.000Z',
    };
    await bus.publish('ocop/training', TrainingEvents.enrolmentCompleted, completed);
    await bus.publish('ocop/training', TrainingEvents.enrolmentCompleted, completed);
    await bus.settled('programme-facts', 20_000);

    const progress = async (asOf: string) =>
      (
        (await p.http('GET', `/api/programme/plans/${planId}/progress`, { token: office, headers: { 'x-as-of': asOf } })).body.targets as {
          kind: string;
          achieved: number;
          percent: number | null;
          denominator: number | null;
          met: boolean;
        }[]
      ).filter((t) => t.kind !== 'CERTIFIED_PRODUCTS');
    const of = (rows: Awaited<ReturnType<typeof progress>>) =>
      Object.fromEntries(rows.map((t) => [t.kind, [t.achieved, t.percent, t.denominator, t.met]]));
    // At the year's end: 1 of the 2 traditional villages (50 % ≥ 30 %); the 3 June 3★ valid (the ministry's two revoked).
    expect(of(await progress('2024-12-31T00:00:00Z'))).toEqual({
      CRAFT_VILLAGE_SHARE: [1, 50, 2, true],
      CERTIFIED_PRODUCTS_TOTAL: [3, 1.5, null, false],
      SALES_POINTS: [1, 10, null, false],
      CLASSES_HELD: [1, 100, null, true],
      PEOPLE_TRAINED: [1, 3.3, null, false],
    });
    // On 1 July: the June certificates count, nothing else has happened yet.
    expect(of(await progress('2024-07-01T00:00:00Z'))).toEqual({
      CRAFT_VILLAGE_SHARE: [1, 50, 2, true],
      CERTIFIED_PRODUCTS_TOTAL: [3, 1.5, null, false],
      SALES_POINTS: [0, 0, null, false],
      CLASSES_HELD: [0, 0, null, false],
      PEOPLE_TRAINED: [0, 0, null, false],
    });
    expect(of(await progress('2024-06-01T00:00:00Z')).CRAFT_VILLAGE_SHARE).toEqual([0, 0, 2, false]);
  });

  it('exports the registry and the annual figures for the national database in the documented format, JSON and CSV, incrementally', async () => {
    const schema = JSON.parse(readFileSync(resolve(__dirname, '..', '..', 'docs', 'national-export.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true }).compile(schema);
    const get = async (path: string, asOf = '2024-12-31T00:00:00Z', token = office) => {
      const res = await p.gateway
        .getHttpAdapter()
        .getInstance()
        .inject({
          method: 'GET',
          url: `/api/programme/national-export/${path}`,
          headers: { authorization: `Bearer ${token}`, 'x-as-of': asOf },
        });
      return { status: res.statusCode, type: String(res.headers['content-type']), text: res.payload };
    };
    const json = async (path: string, asOf?: string) => {
      const res = await get(path, asOf);
      expect(res.status).toBe(200);
      const body = JSON.parse(res.text);
      expect(validate(body) ? [] : validate.errors).toEqual([]);
      return body as { records: Record<string, unknown>[] };
    };
    // The certificates: the three of June and the ministry's two (revoked in December); as of 22 November the first 5★
    // was still active and the second not issued yet.
    const all = await json('certificates');
    expect(all.records.map((r) => [r.stars, r.status])).toEqual([
      [3, 'ACTIVE'],
      [3, 'ACTIVE'],
      [3, 'ACTIVE'],
      [5, 'REVOKED'],
      [5, 'REVOKED'],
    ]);
    expect((await json('certificates', '2024-11-22T03:00:00Z')).records.map((r) => [r.stars, r.status])).toEqual([
      [3, 'ACTIVE'],
      [3, 'ACTIVE'],
      [3, 'ACTIVE'],
      [5, 'ACTIVE'],
    ]);
    // Incremental: since 1 December, only the two that changed.
    expect((await json('certificates?since=2024-12-01')).records.map((r) => r.number)).toEqual(
      all.records.filter((r) => r.status === 'REVOKED').map((r) => r.number),
    );
    // The CSV carries the same records, its header the schema's columns in order.
    const csv = await get('certificates?format=csv');
    expect(csv.type).toContain('text/csv');
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]!.split(',')).toEqual(schema.definitions.certificate.required);
    expect(lines.slice(1).map((l) => l.split(',')[1])).toEqual(all.records.map((r) => r.number));
    for (const [dataset, definition] of [
      ['products', 'product'],
      ['annual-figures?year=2024', 'annualFigures'],
    ])
      expect(
        (await get(`${dataset}${dataset.includes('?') ? '&' : '?'}format=csv`)).text
          .replace(/^\uFEFF/, '')
          .split('\r\n')[0]!
          .split(','),
      ).toEqual(schema.definitions[definition].required);
    // Products: every certified one is in the registry; the annual figures are the submitted reports' frozen ones.
    const products = (await json('products')).records.map((r) => r.productId);
    expect(products).toEqual(expect.arrayContaining(all.records.filter((r) => r.authorityUnitCode !== 'VN').map((r) => r.productId)));
    const figures = (await json('annual-figures?year=2024')).records;
    expect(figures.map((r) => [r.kind, r.issued3, r.issued5])).toEqual([
      ['DISTRICT_ANNUAL', 3, 0],
      ['PROVINCE_ANNUAL', 3, 2],
    ]);
    // Bad requests.
    expect(JSON.parse((await get('awards')).text)).toMatchObject({ status: 400, field: 'dataset' });
    expect(JSON.parse((await get('annual-figures')).text)).toMatchObject({ code: 'EXPORT_YEAR_REQUIRED', field: 'year' });
    expect(JSON.parse((await get('certificates?since=2025-01-05')).text)).toMatchObject({ code: 'EXPORT_SINCE_AHEAD' });
    expect(JSON.parse((await get('certificates?format=xml')).text)).toMatchObject({ status: 400, field: 'format' });
    expect((await get('certificates', undefined, district)).status).toBe(403);
    // A province's platform is no national hub.
    expect((await p.http('GET', '/api/programme/national/figures', { token: admin })).body).toMatchObject({
      status: 422,
      code: 'NOT_A_NATIONAL_HUB',
    });
  });

  it('takes support applications, pays them once, settles what was disbursed, and estimates the year’s budget', async () => {
    const producer = await p.login('producer');
    const at = (day: string) => ({ 'x-as-of': `${day}T03:00:00Z` });
    // Amounts are examples for the test, not any province's resolution.
    const policy = (
      await p.http('POST', '/api/programme/support-policies', {
        token: office,
        headers: at('2024-07-01'),
        body: {
          title: 'Hỗ trợ chủ thể OCOP (số tiền ví dụ)',
          resolution: 'Nghị quyết ví dụ số 02/2024/NQ-HĐND',
          level: 'PROVINCE',
          unitCode: DEMO.provinceCode,
          kind: 'SUPPORT',
          fundingSource: 'PROVINCE_BUDGET',
          validFrom: '2024-01-01',
          counterpartPercent: 50,
          items: [
            { item: 'PACKAGING', maxAmountVnd: 20_000_000 },
            { item: 'TRADEMARK', maxAmountVnd: 5_000_000 },
          ],
        },
      })
    ).body;
    expect(policy).toMatchObject({ kind: 'SUPPORT', counterpartPercent: 50 });
    const apply = (body: Record<string, unknown>, token = producer) =>
      p.http('POST', '/api/programme/support-applications', { token, body, headers: at('2024-08-01') });
    const packaging = { policyId: policy.id, item: 'PACKAGING', costVnd: 50_000_000, description: 'Thiết kế và in bao bì mật ong' };
    expect((await apply({ ...packaging, item: 'MACHINERY' })).body).toMatchObject({ code: 'SUPPORT_ITEM_NOT_COVERED', field: 'item' });
    expect((await apply({ ...packaging, costVnd: 0 })).body).toMatchObject({ status: 400, field: 'costVnd' });
    expect((await apply(packaging, office)).status).toBe(403);
    const rewardPolicy = (
      (await p.http('GET', '/api/programme/support-policies?kind=REWARD', { token: office })).body as { id: string }[]
    )[0]!;
    expect((await apply({ ...packaging, policyId: rewardPolicy.id })).body).toMatchObject({ code: 'POLICY_NOT_APPLIED_FOR' });
    // Half the cost, at most the item's most: 20 000 000 for the packaging, 3 000 000 for the trademark.
    const box = (await apply(packaging)).body;
    expect(box).toMatchObject({ status: 'SUBMITTED', supportVnd: 20_000_000, fundingSource: 'PROVINCE_BUDGET' });
    const mark = (await apply({ ...packaging, item: 'TRADEMARK', costVnd: 6_000_000, description: 'Đăng ký nhãn hiệu' })).body;
    expect(mark.supportVnd).toBe(3_000_000);
    expect(((await p.http('GET', '/api/programme/support-applications', { token: producer })).body as unknown[]).length).toBe(2);

    const decide = (id: string, body: Record<string, unknown>) =>
      p.http('POST', `/api/programme/support-applications/${id}/decision`, { token: office, body, headers: at('2024-08-15') });
    expect((await decide(mark.id, { approve: false })).body).toMatchObject({ code: 'REASON_REQUIRED', field: 'reason' });
    expect((await decide(mark.id, { approve: false, reason: 'Nhãn hiệu đã được hỗ trợ năm 2023' })).body.status).toBe('REJECTED');
    expect((await decide(box.id, { approve: true })).body.status).toBe('APPROVED');
    expect((await decide(box.id, { approve: true })).body).toMatchObject({ status: 409, code: 'APPLICATION_DECIDED' });
    const pay = (id: string, reference: string) =>
      p.http('POST', `/api/programme/support-applications/${id}/payment`, {
        token: office,
        body: { reference },
        headers: at('2024-09-01'),
      });
    expect((await pay(mark.id, 'UNC 0100')).body).toMatchObject({ code: 'APPLICATION_NOT_APPROVED' });
    expect((await pay(box.id, 'UNC 0101')).body).toMatchObject({ status: 'PAID', paymentReference: 'UNC 0101' });
    expect((await pay(box.id, 'UNC 0101')).body.status).toBe('PAID');
    expect((await pay(box.id, 'UNC 0102')).body).toMatchObject({ code: 'APPLICATION_ALREADY_PAID' });

    // The province budget's 2024: three 3★ rewards due (the 5★ stopped), one paid; the packaging approved and paid.
    const funding = async () =>
      (
        (await p.http('GET', '/api/programme/funding?year=2024', { token: office, headers: at('2024-12-31') })).body.sources as {
          fundingSource: string;
        }[]
      ).find((s) => s.fundingSource === 'PROVINCE_BUDGET');
    expect(await funding()).toEqual({
      fundingSource: 'PROVINCE_BUDGET',
      rewardsDueVnd: 30_000_000,
      rewardsPaidVnd: 10_000_000,
      supportApprovedVnd: 20_000_000,
      supportPaidVnd: 20_000_000,
      disbursedVnd: 30_000_000,
      settledVnd: 0,
    });
    const settle = (amountVnd: number) =>
      p.http('POST', '/api/programme/settlements', {
        token: office,
        headers: at('2024-12-31'),
        body: { fundingSource: 'PROVINCE_BUDGET', year: 2024, amountVnd, reference: 'Quyết định phê duyệt quyết toán ví dụ' },
      });
    expect((await settle(40_000_000)).body).toMatchObject({ code: 'SETTLEMENT_EXCEEDS_DISBURSED', field: 'amountVnd' });
    expect((await settle(30_000_000)).status).toBe(200);
    expect((await settle(1)).body).toMatchObject({ code: 'SETTLEMENT_EXCEEDS_DISBURSED' });
    expect(await funding()).toMatchObject({ settledVnd: 30_000_000 });

    // The 2024 estimate: the plan's 103 3★ and 4 5★ priced by the reward policy, the one class planned by the norm.
    const norms = await p.http('PUT', '/api/programme/budget-norms/2024', {
      token: office,
      headers: at('2024-12-31'),
      body: { fundingSource: 'PROVINCE_BUDGET', classVnd: 50_000_000, eventVnd: 200_000_000, reference: 'Định mức chi ví dụ' },
    });
    expect(norms.status).toBe(200);
    expect(norms.body.lines.map((l: { kind: string; quantity: number; amountVnd: number }) => [l.kind, l.quantity, l.amountVnd])).toEqual([
      ['REWARDS', 103, 1_030_000_000],
      ['REWARDS', 4, 120_000_000],
      ['CLASSES', 1, 50_000_000],
    ]);
    expect(norms.body.totalVnd).toBe(1_200_000_000);
    expect((await p.http('GET', '/api/programme/budget-estimate?year=2024', { token: office, headers: at('2024-12-31') })).body).toEqual(
      norms.body,
    );
    expect((await p.http('GET', '/api/programme/budget-estimate?year=2024', { token: district })).status).toBe(403);
  });

  it("rolls the district's own plan up into the province's, each kept by whom it belongs to", async () => {
    const plan = (body: Record<string, unknown>, token = district) => p.http('POST', '/api/programme/plans', { token, body });
    const own = {
      title: 'Kế hoạch thực hiện Chương trình OCOP thành phố Thanh Hóa năm 2024',
      reference: '45/KH-UBND ngày 10/3/2024',
      level: 'DISTRICT',
      unitCode: DEMO.districtCode,
      fromYear: 2024,
      toYear: 2024,
      countingRule: 'FIRST_CERTIFICATION',
    };
    expect((await plan({ ...own, unitCode: '395' })).status).toBe(403);
    expect((await plan({ ...own, level: 'PROVINCE', unitCode: DEMO.provinceCode })).status).toBe(403);
    const created = await plan(own);
    expect(created.status).toBe(201);
    const targets = [3, 4].map((stars) => ({
      kind: 'CERTIFIED_PRODUCTS',
      unitCode: DEMO.districtCode,
      stars,
      year: 2024,
      value: stars === 3 ? 2 : 1,
    }));
    expect((await p.http('PUT', `/api/programme/plans/${created.body.id}/targets`, { token: district, body: { targets } })).status).toBe(
      200,
    );
    expect((await p.http('PUT', `/api/programme/plans/${planId}/targets`, { token: district, body: { targets } })).status).toBe(403);

    const rollup = async (token: string) =>
      (await p.http('GET', `/api/programme/plans/${planId}/rollup`, { token, headers: { 'x-as-of': '2024-12-31T00:00:00Z' } })).body
        .rows as {
        unitCode: string;
        kind: string;
        stars: number;
        provinceValue: number | null;
        districtValue: number | null;
        achieved: number;
        short: boolean;
      }[];
    const seat = (rows: Awaited<ReturnType<typeof rollup>>) =>
      rows
        .filter((r) => r.unitCode === DEMO.districtCode && r.kind === 'CERTIFIED_PRODUCTS')
        .map((r) => [r.stars, r.provinceValue, r.districtValue, r.achieved, r.short]);
    // The province asks 3/1/1 of the seat's district; its own plan sets 2/1 (no 5★): short of the 3★ and of the 5★.
    expect(seat(await rollup(office))).toEqual([
      [3, 3, 2, 3, true],
      [4, 1, 1, 0, false],
      [5, 1, null, 0, true],
    ]);
    const mine = await rollup(district);
    expect(new Set(mine.map((r) => r.unitCode))).toEqual(new Set([DEMO.districtCode]));
    expect(seat(mine)).toEqual(seat(await rollup(office)));
    expect((await p.http('GET', `/api/programme/plans/${created.body.id}/rollup`, { token: office })).body).toMatchObject({
      code: 'PLAN_NOT_PROVINCIAL',
    });
  });

  it("counts the green-value-chain share from products' priority categories", async () => {
    const certified = (
      (await p.http('GET', '/api/certification/certificates?limit=500', { token: admin })).body as {
        productId: string;
        authorityUnitCode: string;
      }[]
    ).filter((c) => c.authorityUnitCode !== 'VN');
    const attributes = { processingLevel: 'DEEP_PROCESSED', gift: true, export: false, communityTourism: false, greenValueChain: true };
    const set = (id: string, body: Record<string, unknown>, token = officer) =>
      p.http('PUT', `/api/products/${id}/attributes`, { token, body });
    expect((await set(certified[0]!.productId, { ...attributes, processingLevel: 'FROZEN' })).body).toMatchObject({
      status: 400,
      field: 'processingLevel',
    });
    expect((await set(certified[0]!.productId, { ...attributes, gift: 'yes' })).body).toMatchObject({ status: 400, field: 'gift' });
    expect((await set(certified[0]!.productId, attributes, await p.login('producer'))).status).toBe(404);
    const done = await set(certified[0]!.productId, attributes);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject(attributes);
    await bus.settled('programme-facts', 20_000);

    const targets = [{ kind: 'GREEN_VALUE_CHAIN_SHARE', unitCode: DEMO.districtCode, year: 2024, value: 25 }];
    expect((await p.http('PUT', `/api/programme/plans/${planId}/targets`, { token: office, body: { targets } })).status).toBe(200);
    const green = async (asOf: string) =>
      (
        (await p.http('GET', `/api/programme/plans/${planId}/progress`, { token: office, headers: { 'x-as-of': asOf } })).body.targets as {
          kind: string;
          achieved: number;
          denominator: number;
          percent: number;
          met: boolean;
        }[]
      ).find((t) => t.kind === 'GREEN_VALUE_CHAIN_SHARE');
    // Of the seat's three OCOP producers, one makes a product in a green value chain: 33.3 % ≥ 25 %.
    expect(await green('2024-12-31T00:00:00Z')).toMatchObject({ achieved: 1, denominator: 3, percent: 33.3, met: true });
    // Before June's certificates there was no OCOP producer to count.
    expect(await green('2024-06-01T00:00:00Z')).toMatchObject({ achieved: 0, denominator: 0, percent: null, met: false });
  });

  it('counts the share of the base years’ products that kept a valid certificate', async () => {
    const old = (issuedAt: string, validTo: string, number: string) =>
      ministryFive({
        number,
        code: number.slice(0, 10).replace(/\W/g, 'X'),
        stars: 3,
        tier: 'PROVINCE',
        authorityUnitCode: DEMO.provinceCode,
        producerDistrictCode: DEMO.districtCode,
        issuedAt,
        validFrom: issuedAt,
        validTo,
      });
    // A 2021 product whose certificate ended in June 2024, and a 2022 one still valid.
    for (const c of [
      old('2021-05-10T03:00:00.000Z', '2024-05-10T00:00:00.000Z', '38-2021-0001/GCN'),
      old('2022-05-10T03:00:00.000Z', '2025-05-10T00:00:00.000Z', '38-2022-0002/GCN'),
    ])
      await bus.publish('ocop/certification', CertificationEvents.certificateIssued, c);
    await bus.settled('programme-certificates', 20_000);
    const set = (target: Record<string, unknown>) =>
      p.http('PUT', `/api/programme/plans/${planId}/targets`, {
        token: office,
        body: { targets: [{ kind: 'RETAINED_SHARE', unitCode: DEMO.districtCode, year: 2024, value: 85, ...target }] },
      });
    expect((await set({})).body).toMatchObject({ code: 'TARGET_BASE_YEARS', field: 'targets.0.baseFromYear' });
    expect((await set({ baseFromYear: 2021, baseToYear: 2024 })).body).toMatchObject({
      code: 'TARGET_BASE_YEARS',
      field: 'targets.0.baseToYear',
    });
    expect((await set({ baseFromYear: 2021, baseToYear: 2022 })).status).toBe(200);
    const retained = async (asOf: string) =>
      (
        (await p.http('GET', `/api/programme/plans/${planId}/progress`, { token: office, headers: { 'x-as-of': asOf } })).body.targets as {
          kind: string;
        }[]
      ).find((t) => t.kind === 'RETAINED_SHARE');
    // At the year's end one of the two is still certified (50 % < 85 %); on 1 May 2024 both were.
    expect(await retained('2024-12-31T00:00:00Z')).toMatchObject({
      achieved: 1,
      denominator: 2,
      percent: 50,
      met: false,
      baseFromYear: 2021,
      baseToYear: 2022,
    });
    expect(await retained('2024-05-01T00:00:00Z')).toMatchObject({ achieved: 2, denominator: 2, percent: 100, met: true });
  });

  it("counts the modern-retail share from trade promotion's checked sales channels", async () => {
    const certified = (
      (await p.http('GET', '/api/certification/certificates?limit=500', { token: admin })).body as {
        producerId: string;
        authorityUnitCode: string;
        validTo: string;
      }[]
    ).filter((c) => c.authorityUnitCode !== 'VN');
    const producers = [...new Set(certified.map((c) => c.producerId))];
    const declare = (producerId: string, since: string) =>
      p.http('POST', '/api/trade-promotion/sales-channels', {
        token: officer,
        headers: { 'x-as-of': '2024-08-01T03:00:00Z' },
        body: { producerId, kind: 'MODERN_RETAIL', name: 'Siêu thị Co.opmart Thanh Hóa', since },
      });
    const a = await declare(producers[0]!, '2024-07-01');
    const b = await declare(producers[1]!, '2024-07-15');
    expect([a.status, b.status]).toEqual([201, 201]);
    // Only what the office checked counts: the first accepted, the second rejected.
    const check = (id: string, accepted: boolean) =>
      p.http('POST', `/api/trade-promotion/sales-channels/${id}/check`, {
        token: office,
        headers: { 'x-as-of': '2024-08-10T03:00:00Z' },
        body: { accepted },
      });
    expect((await check(a.body.id, true)).status).toBe(200);
    expect((await check(b.body.id, false)).status).toBe(200);
    await bus.settled('programme-facts', 20_000);
    const targets = [{ kind: 'MODERN_RETAIL_SHARE', unitCode: DEMO.districtCode, year: 2024, value: 30 }];
    expect((await p.http('PUT', `/api/programme/plans/${planId}/targets`, { token: office, body: { targets } })).status).toBe(200);
    const share = (
      (await p.http('GET', `/api/programme/plans/${planId}/progress`, { token: office, headers: { 'x-as-of': '2024-12-31T00:00:00Z' } }))
        .body.targets as {
        kind: string;
      }[]
    ).find((t) => t.kind === 'MODERN_RETAIL_SHARE');
    // One of the seat's four OCOP producers (June's three and 2022's) sells through a checked modern-retail channel: 25 % < 30 %.
    expect(share).toMatchObject({ achieved: 1, denominator: 4, percent: 25, met: false });
  });

  it("counts the officials' training share from training's coverage of the unit", async () => {
    const targets = [{ kind: 'OFFICIALS_TRAINED_SHARE', unitCode: DEMO.districtCode, year: 2024, value: 100 }];
    expect((await p.http('PUT', `/api/programme/plans/${planId}/targets`, { token: office, body: { targets } })).status).toBe(200);
    const asOf = { 'x-as-of': '2024-12-31T00:00:00Z' };
    const share = (
      (await p.http('GET', `/api/programme/plans/${planId}/progress`, { token: district, headers: asOf })).body.targets as {
        kind: string;
      }[]
    ).find((t) => t.kind === 'OFFICIALS_TRAINED_SHARE');
    // The same numbers as training's own progress of the district: its officials known, none trained in 2024.
    const training = (
      await p.http('GET', `/api/training/progress?year=2024&unitCode=${DEMO.districtCode}`, { token: district, headers: asOf })
    ).body as { groups: { targetGroup: string; peopleKnown: number; peopleKnownTrained: number }[] };
    const officials = training.groups.find((g) => g.targetGroup === 'OFFICIALS')!;
    expect(officials.peopleKnown).toBeGreaterThan(0);
    expect(share).toMatchObject({ achieved: officials.peopleKnownTrained, denominator: officials.peopleKnown, percent: 0, met: false });
  });

  it("shows a unit's year at a glance from the read models", async () => {
    const june = (
      (await p.http('GET', '/api/certification/certificates?limit=500', { token: admin })).body as {
        id: string;
        authorityUnitCode: string;
      }[]
    ).filter((c) => c.authorityUnitCode !== 'VN');
    const taskId = randomUUID();
    await bus.publish(
      'ocop/inspection',
      InspectionEvents.taskCompleted,
      { taskId, campaignId: randomUUID(), certificateId: june[0]!.id, findings: [] },
      { time: '2024-10-01T03:00:00.000Z' },
    );
    await bus.publish(
      'ocop/inspection',
      InspectionEvents.violationRecorded,
      { violationId: randomUUID(), taskId, certificateId: june[0]!.id, severity: 'MINOR' },
      { time: '2024-10-01T03:00:00.000Z' },
    );
    await bus.settled('programme-facts', 20_000);
    const get = async (token: string, query = '') =>
      (await p.http('GET', `/api/programme/indicators?year=2024${query}`, { token, headers: { 'x-as-of': '2024-12-31T00:00:00Z' } })).body;
    const province = await get(office);
    // 2024: the three June 3★ and the ministry's two 5★ (both revoked); the 2022 3★ still valid beside June's.
    expect(province.certificates).toEqual({
      issued: { stars3: 3, stars4: 0, stars5: 2, total: 5 },
      firstCertifications: 5,
      valid: { stars3: 4, stars4: 0, stars5: 0, total: 4 },
      revoked: 2,
    });
    expect(province.evaluations).toEqual({ completed: 3, notCertified: 0, forwardedToMinistry: 0 });
    expect(province.inspections).toEqual({ completed: 1, violations: 1 });
    expect(province).toMatchObject({ salesPointsOpened: 1, promotionEventsPlanned: 0, classesHeld: 1, peopleTrained: 1 });
    expect(province.productsBySet).toEqual(expect.arrayContaining([{ productSetCode: '08', products: 3, certified: 3 }]));
    // The district officer: its district, without the province-only lines.
    const seat = await get(district);
    expect(seat).toMatchObject({
      unitCode: DEMO.districtCode,
      evaluations: null,
      productsBySet: null,
      inspections: { completed: 1, violations: 1 },
    });
    expect((await get(district, '&unitCode=395')).status).toBe(403);
    expect((await get(office, '&unitCode=999')).code).toBe('UNIT_UNKNOWN');
  });

  it('counts a cumulative target of added products from its first year', async () => {
    const set = (t: Record<string, unknown>) =>
      p.http('PUT', `/api/programme/plans/${planId}/targets`, {
        token: office,
        body: { targets: [{ kind: 'CERTIFIED_PRODUCTS_CUMULATIVE', unitCode: DEMO.provinceCode, year: 2024, value: 150, ...t }] },
      });
    expect((await set({ baseFromYear: 2023 })).body).toMatchObject({ code: 'TARGET_BASE_YEARS', field: 'targets.0.baseFromYear' });
    expect((await set({ baseFromYear: 2024, baseToYear: 2024 })).body).toMatchObject({ code: 'TARGET_BASE_YEARS' });
    expect((await set({})).body).toMatchObject({ code: 'TARGET_BASE_YEARS' });
    expect((await set({ baseFromYear: 2024 })).status).toBe(200);
    const cumulative = (
      (await p.http('GET', `/api/programme/plans/${planId}/progress`, { token: office, headers: { 'x-as-of': '2024-12-31T00:00:00Z' } }))
        .body.targets as { kind: string }[]
    ).find((t) => t.kind === 'CERTIFIED_PRODUCTS_CUMULATIVE');
    // Products first certified in the province since 2024: June's three 3★ and the ministry's two 5★.
    expect(cumulative).toMatchObject({ achieved: 5, value: 150, met: false, baseFromYear: 2024 });
  });
});
