import { DataSource } from 'typeorm';
import { RegistrationEvents, type ComplaintConfirmedData } from '@ocop/contracts';
import { INSPECTION_CHECKLIST } from '@ocop/domain';
import { eventually } from '@ocop/testing';
import { multipartBody, PDF, startPlatform, type Platform } from '../support/platform';
import { TestBus } from '../support/bus';
import { certifyAtDistrict, newProducer, proposedDossier } from '../support/scoring';

const PROXY = '127.0.0.2';
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);

/**
 * Issue 18, public complaints (community supervision of OCOP products): anyone reports a problem with a certified
 * product by its certificate's code, without a login, rate-limited per client address; the same complaint sent twice
 * is one complaint; the standing office triages; a confirmed complaint opens one ad-hoc inspection campaign, whose
 * task's outcome reaches the reporter, who follows it by the receipt code.
 */
describe('public complaints about certified products', () => {
  let p: Platform;
  let bus: TestBus;
  let db: DataSource;
  let office: string;
  let certificateCode: string;

  /** A call from a client behind the configured proxy, at `ip`. */
  const pub = async (
    method: string,
    url: string,
    ip: string,
    o: { body?: unknown; payload?: Buffer; headers?: Record<string, string>; asOf?: string } = {},
  ) => {
    const res = await p.gateway
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: method as 'GET',
        url,
        remoteAddress: PROXY,
        headers: {
          'x-forwarded-for': ip,
          'x-as-of': o.asOf ?? '2024-09-02T02:00:00Z',
          ...(o.body ? { 'content-type': 'application/json' } : {}),
          ...o.headers,
        },
        payload: o.payload ?? (o.body ? JSON.stringify(o.body) : undefined),
      });
    const json = String(res.headers['content-type']).includes('json');
    return { status: res.statusCode, body: json ? JSON.parse(res.body) : res.body, headers: res.headers };
  };
  const complaints = async (): Promise<number> => (await db.query('SELECT count(*)::int AS n FROM registration.complaint'))[0].n;

  beforeAll(async () => {
    p = await startPlatform({
      gateway: { loginRateLimit: 1000, complaintRateLimit: 4, trustProxy: [PROXY] },
      scoring: { allowProvisionalCertification: true },
    });
    bus = await TestBus.connect(p.env);
    db = new DataSource({ type: 'postgres', url: p.env.databaseUrl });
    await db.initialize();
    const [admin, officer, district] = [await p.login('admin'), await p.login('commune.officer'), await p.login('district.officer')];
    office = await p.login('province.office');
    const filed = '2024-05-10T03:00:00Z';
    const producerId = await newProducer(p, officer, 'Hợp tác xã Nem chua Thanh Hóa', { asOf: filed });
    const dossier = await proposedDossier(p, officer, producerId, 'Nem chua Thanh Hóa', { asOf: filed, productSetCode: '08' });
    await certifyAtDistrict(p, { admin, district }, [dossier], { prefix: 'pa', expectCertificates: 1 });
    [{ code: certificateCode }] = (await p.http('GET', '/api/certification/certificates', { token: admin })).body;
    await eventually(
      async () => (await db.query('SELECT count(*)::int AS n FROM registration.issued_certificate'))[0].n === 1,
      15_000,
      'the certificate known to registration',
    );
  }, 180_000);
  afterAll(async () => {
    await bus?.close();
    await db?.destroy();
    await p?.stop();
  });

  it('refuses bad input with its field and writes nothing; a form its hidden field filled in is refused', async () => {
    const ip = '198.51.100.10';
    const good = { certificateCode, description: 'Bao bì không có mã QR, hạn sử dụng bị tẩy xóa.', place: 'Chợ Vườn Hoa' };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...good, website: 'http://spam.example' }, 'COMPLAINT_REFUSED', 'website'],
      [{ ...good, certificateCode: 'ZZZZZZZZZZ' }, 'CERTIFICATE_NOT_VALID', 'certificateCode'],
      [{ ...good, description: 'ngắn quá' }, 'VALIDATION_FAILED', 'description'],
    ];
    for (const [body, code, field] of cases) {
      const res = await pub('POST', '/api/public/complaints', ip, { body });
      expect([res.status, res.body.code, res.body.field]).toEqual([400, code, field]);
    }
    const future = await pub('POST', '/api/public/complaints', '198.51.100.11', { body: { ...good, seenOn: '2024-09-03' } });
    expect([future.status, future.body.code, future.body.field]).toEqual([400, 'COMPLAINT_SEEN_IN_FUTURE', 'seenOn']);
    expect(await complaints()).toBe(0);
    expect((await pub('GET', '/api/public/complaints/PA-0000000000', ip)).body).toMatchObject({ status: 404, code: 'COMPLAINT_NOT_FOUND' });
    expect((await pub('GET', '/api/public/complaints/not-a-receipt', ip)).body).toMatchObject({ status: 400, field: 'receiptCode' });
  });

  it('one complaint sent twice is one complaint, opens one campaign, and its receipt follows it to the inspection’s outcome', async () => {
    const ip = '198.51.100.20';
    const body = {
      certificateCode,
      description: 'Sản phẩm bày bán có nhãn 3 sao nhưng bao bì không có mã QR và hạn sử dụng bị tẩy xóa.',
      place: 'Chợ Vườn Hoa, phường Điện Biên',
      seenOn: '2024-09-01',
      contact: '0912 345 678',
    };
    const first = await pub('POST', '/api/public/complaints', ip, { body });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'RECEIVED', statusVi: 'Đã tiếp nhận', alreadyReceived: false });
    expect(first.body.receiptCode).toMatch(/^PA-[0-9A-HJKMNP-TV-Z]{10}$/);
    const receipt: string = first.body.receiptCode;
    // Sent again, with other spacing and case: the first receipt, nothing new.
    const again = await pub('POST', '/api/public/complaints', ip, {
      body: { ...body, description: `  ${body.description.toUpperCase().replace(/ /g, '  ')} ` },
    });
    expect([again.status, again.body.receiptCode, again.body.alreadyReceived]).toEqual([200, receipt, true]);
    expect(await complaints()).toBe(1);

    // A photo, once; the public view never shows the description's contact.
    const photo = multipartBody('photo', PNG, 'anh.png', 'image/png');
    const withPhoto = await pub('POST', `/api/public/complaints/${receipt}/photo`, '198.51.100.21', photo);
    expect([withPhoto.status, withPhoto.body.hasPhoto]).toEqual([200, true]);
    const second = await pub(
      'POST',
      `/api/public/complaints/${receipt}/photo`,
      '198.51.100.21',
      multipartBody('photo', PNG, 'b.png', 'image/png'),
    );
    expect([second.status, second.body.code]).toEqual([409, 'COMPLAINT_PHOTO_EXISTS']);
    const pdf = await pub('POST', `/api/public/complaints/${receipt}/photo`, '198.51.100.21', multipartBody('photo', PDF));
    expect([pdf.status, pdf.body.code, pdf.body.field]).toEqual([400, 'COMPLAINT_PHOTO_TYPE', 'file']);
    const publicView = (await pub('GET', `/api/public/complaints/${receipt}`, ip)).body;
    expect(publicView).toMatchObject({ receiptCode: receipt, certificateCode, productName: 'Nem chua Thanh Hóa', status: 'RECEIVED' });
    expect(JSON.stringify(publicView)).not.toContain('0912');
    expect(publicView.description).toBeUndefined();

    // Another complaint, in other words, about the same certificate: the office marks it a duplicate of the first.
    const other = await pub('POST', '/api/public/complaints', '198.51.100.22', {
      asOf: '2024-09-02T05:00:00Z',
      body: { certificateCode, description: 'Tôi thấy sản phẩm này bán ở chợ không có mã QR trên bao bì.' },
    });
    expect(other.status).toBe(201);
    const list = (await p.http('GET', '/api/registration/complaints', { token: office })).body;
    const [mine, dup] = [
      list.find((c: { receiptCode: string }) => c.receiptCode === receipt),
      list.find((c: { receiptCode: string }) => c.receiptCode === other.body.receiptCode),
    ];
    expect(mine).toMatchObject({ contact: '0912 345 678', place: body.place, seenOn: '2024-09-01', photo: { contentType: 'image/png' } });
    const photoFile = await p.http('GET', `/api/registration/complaints/${mine.id}/photo`, { token: office });
    expect([photoFile.status, photoFile.headers['content-type']]).toEqual([200, 'image/png']);
    const day = { 'x-as-of': '2024-09-03T02:00:00Z' };
    const triage = (id: string, b: unknown, token = office) =>
      p.http('POST', `/api/registration/complaints/${id}/triage`, { token, headers: day, body: b });
    expect((await triage(dup.id, { decision: 'DUPLICATE' })).body).toMatchObject({ status: 400, field: 'duplicateOf' });
    expect((await triage(dup.id, { decision: 'DISMISSED' })).body).toMatchObject({
      status: 400,
      code: 'COMPLAINT_NOTE_REQUIRED',
      field: 'noteVi',
    });
    expect((await triage(mine.id, { decision: 'DUPLICATE', duplicateOf: other.body.receiptCode })).body).toMatchObject({
      status: 400,
      code: 'COMPLAINT_DUPLICATE_OF_INVALID',
    });
    expect((await triage(dup.id, { decision: 'DUPLICATE', duplicateOf: receipt })).body).toMatchObject({
      status: 'DUPLICATE',
      duplicateOf: receipt,
    });
    // Only the standing office triages; a commune officer or a producer does not even read complaints.
    for (const who of ['district.officer', 'inspector', 'commune.officer', 'producer']) {
      expect({ who, status: (await triage(mine.id, { decision: 'CONFIRMED' }, await p.login(who))).status }).toEqual({ who, status: 403 });
    }
    for (const who of ['commune.officer', 'producer']) {
      const res = await p.http('GET', '/api/registration/complaints', { token: await p.login(who) });
      expect({ who, status: res.status }).toEqual({ who, status: 403 });
    }
    expect((await p.http('GET', '/api/registration/complaints', { token: await p.login('district.officer') })).body).toHaveLength(2);

    // Confirmed (and confirmed again, and the event delivered twice): one ad-hoc campaign for the certificate.
    const confirmed = await triage(mine.id, { decision: 'CONFIRMED' });
    expect(confirmed.body).toMatchObject({ status: 'CONFIRMED' });
    expect((await triage(mine.id, { decision: 'CONFIRMED' })).body).toMatchObject({ status: 'CONFIRMED' });
    expect((await triage(mine.id, { decision: 'DISMISSED', noteVi: 'Không có cơ sở' })).body).toMatchObject({
      status: 409,
      code: 'COMPLAINT_ALREADY_TRIAGED',
    });
    const [event] = await bus.events(RegistrationEvents.complaintConfirmed);
    expect(event!.data).toMatchObject({ receiptCode: receipt, certificateCode, confirmedAt: '2024-09-03T02:00:00.000Z' });
    await bus.publish('ocop/registration', RegistrationEvents.complaintConfirmed, event!.data as ComplaintConfirmedData);
    await bus.settled('inspection-complaints');
    const campaigns = (await p.http('GET', '/api/inspection/campaigns', { token: office })).body.filter(
      (c: { origin: string }) => c.origin === 'COMPLAINT',
    );
    expect(campaigns).toEqual([expect.objectContaining({ originReference: `complaint:${receipt}`, status: 'OPEN', taskCount: 1 })]);
    expect(campaigns[0].legalBasis).toContain(receipt);
    expect(
      await eventually(
        async () => (await pub('GET', `/api/public/complaints/${receipt}`, ip)).body.status === 'INSPECTING' || undefined,
        15_000,
        'INSPECTING',
      ),
    ).toBe(true);

    // The office assigns the task; the inspector finds one minor problem; the reporter reads the outcome.
    const inspector = await p.login('inspector');
    const inspectorId = JSON.parse(Buffer.from(inspector.split('.')[1]!, 'base64url').toString()).sub;
    const [task] = (await p.http('GET', `/api/inspection/tasks?campaignId=${campaigns[0].id}`, { token: office })).body;
    await p.http('POST', `/api/inspection/tasks/${task.id}/assign`, {
      token: office,
      headers: { 'x-as-of': '2024-09-04T02:00:00Z' },
      body: { inspectorUserId: inspectorId },
    });
    const findings = INSPECTION_CHECKLIST.map((i) =>
      i.code === 'LABEL_PACKAGING'
        ? { itemCode: i.code, severity: 'MINOR', note: 'Bao bì thiếu mã QR' }
        : { itemCode: i.code, severity: 'COMPLIANT' },
    );
    const done = await p.http('POST', `/api/inspection/tasks/${task.id}/complete`, {
      token: inspector,
      headers: { 'x-as-of': '2024-09-10T03:00:00Z' },
      body: { findings },
    });
    expect([done.status, done.body.code, done.body.detail]).toEqual([200, undefined, undefined]);
    const resolved = await eventually(
      async () => {
        const v = (await pub('GET', `/api/public/complaints/${receipt}`, ip)).body;
        return v.status === 'RESOLVED' ? v : undefined;
      },
      15_000,
      'RESOLVED',
    );
    expect(resolved.outcomeVi).toContain('phát hiện 1 nội dung không đạt yêu cầu');
    expect(resolved.history.map((h: { status: string }) => h.status)).toEqual(['RECEIVED', 'CONFIRMED', 'INSPECTING', 'RESOLVED']);
    expect(resolved.history[1].at).toBe('2024-09-03T02:00:00.000Z');
    const dupView = (await pub('GET', `/api/public/complaints/${other.body.receiptCode}`, ip)).body;
    expect(dupView).toMatchObject({ status: 'DUPLICATE', statusVi: 'Trùng với phản ánh đã tiếp nhận' });
    expect(dupView.outcomeVi).toContain(receipt);
    const audit = await db.query(
      `SELECT action, actor_role FROM registration.audit_log WHERE entity_type = 'complaint' AND entity_id = $1`,
      [mine.id],
    );
    expect(audit.map((a: { action: string; actor_role: string }) => `${a.action}:${a.actor_role}`).sort()).toEqual([
      'complaint.inspecting:ADMIN',
      'complaint.photo:PUBLIC',
      'complaint.resolved:ADMIN',
      'complaint.submit:PUBLIC',
      'complaint.triage:PROVINCE_OFFICE',
    ]);
    expect(await db.query(`SELECT error FROM inspection.dead_letter WHERE consumer = 'inspection-complaints'`)).toEqual([]);
  });

  it('has a plain form under the certificate’s public page, answered in Vietnamese, the error beside its field', async () => {
    const form = (fields: Record<string, string>, ip: string, url = `/verify/${certificateCode}/complaint`) =>
      pub('POST', url, ip, {
        payload: Buffer.from(new URLSearchParams(fields).toString()),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
    const verification = await pub('GET', `/verify/${certificateCode}`, '198.51.100.40');
    expect(verification.body).toContain(`action="/verify/${certificateCode}/complaint"`);
    expect(verification.body).toContain('Phản ánh về sản phẩm này');
    const short = await form({ description: 'quá ngắn', place: 'Chợ Tân Sơn', seenOn: '', contact: '', website: '' }, '198.51.100.40');
    expect(short.status).toBe(400);
    expect(short.body).toContain('id="description-error"');
    expect(short.body).toContain('Nội dung phản ánh cần từ 20 đến 2.000 ký tự.');
    expect(short.body).toContain('value="Chợ Tân Sơn"');
    const sent = await form(
      {
        description: 'Nhãn sản phẩm ghi 5 sao, trong khi giấy chứng nhận chỉ 3 sao.',
        place: '',
        seenOn: '2024-09-01',
        contact: '',
        website: '',
      },
      '198.51.100.40',
    );
    expect(sent.status).toBe(201);
    const receipt = /id="receipt">(PA-[0-9A-Z]{10})</.exec(sent.body)![1]!;
    const status = await pub('GET', `/verify/complaints/${receipt}`, '198.51.100.40');
    expect([status.status, status.headers['content-type']]).toEqual([200, 'text/html; charset=utf-8']);
    expect(status.body).toContain('Đã tiếp nhận');
    expect((await pub('GET', '/verify/complaints/PA-0000000000', '198.51.100.40')).status).toBe(404);
    // The form's body type is taken on that route only.
    const elsewhere = await form({ username: 'admin', password: 'x' }, '198.51.100.41', '/api/auth/login');
    expect([elsewhere.status, elsewhere.body.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
  });

  it('each client address sends a few complaints an hour; another address is not held back', async () => {
    const send = (ip: string, i: number) =>
      pub('POST', '/api/public/complaints', ip, {
        body: { certificateCode: 'ZZZZZZZZZZ', description: `Phản ánh thử số ${i} về sản phẩm OCOP.` },
      });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await send('198.51.100.30', i)).status);
    expect(statuses).toEqual([400, 400, 400, 400, 429]);
    const limited = await send('198.51.100.30', 9);
    expect([limited.status, limited.body.code]).toEqual([429, 'RATE_LIMITED']);
    expect((await send('198.51.100.31', 0)).status).toBe(400);
  });
});
