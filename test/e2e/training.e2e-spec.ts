import { DataSource } from 'typeorm';
import { DEMO, type EventEnvelope } from '@ocop/contracts';
import { startPlatform, type Platform } from '../support/platform';
import { TestBus } from '../support/bus';
import { PDF, multipartBody } from '../support/http';
import { certifyAtDistrict, newProducer, proposedDossier } from '../support/scoring';

/**
 * Training over HTTP and the bus: classes for producers filled to capacity with a waiting list that moves up; attendance
 * per day and completion under the class's share of days; a class for 3★+ producers that checks certificates the
 * platform really issued, and invites a newly certified producer exactly once however often the event is delivered.
 */
describe('training end to end', () => {
  let p: Platform;
  let bus: TestBus;
  let db: DataSource;
  let admin: string;
  let office: string;
  let officer: string;
  let district: string;
  let certified: string;
  let uncertified: string;
  let starClass: { id: string };
  let potentialClass: { id: string };

  const as = (asOf: string) => ({ 'x-as-of': asOf });
  const course = async (targetGroup: string, title: string) => {
    const res = await p.http('POST', '/api/training/courses', {
      token: office,
      headers: as('2024-03-01T02:00:00Z'),
      body: { title, targetGroup, topics: ['Thương mại điện tử', 'Livestream bán hàng'], durationDays: 3 },
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const openClass = async (courseId: string, o: { capacity: number; completionPercent?: number; title: string; token?: string }) => {
    const res = await p.http('POST', '/api/training/classes', {
      token: o.token ?? office,
      headers: as('2024-03-02T02:00:00Z'),
      body: {
        courseId,
        title: o.title,
        startsOn: '2024-07-15',
        endsOn: '2024-07-17',
        place: 'Hội trường Sở Công Thương tỉnh Thanh Hóa',
        capacity: o.capacity,
        organiser: 'Sở Công Thương tỉnh Thanh Hóa',
        coProgramme: 'INDUSTRIAL_EXTENSION',
        fundingSource: 'Kinh phí khuyến công',
        planReference: '1366/KH-UBND ngày 28/4/2023',
        ...(o.completionPercent ? { completionPercent: o.completionPercent } : {}),
      },
    });
    expect(res.status).toBe(201);
    const opened = await p.http('POST', `/api/training/classes/${res.body.id}/transition`, {
      token: o.token ?? office,
      headers: as('2024-03-03T02:00:00Z'),
      body: { transition: 'open' },
    });
    expect(opened.body.status).toBe('OPEN');
    return opened.body as { id: string; capacity: number };
  };

  beforeAll(async () => {
    p = await startPlatform({
      gateway: { loginRateLimit: 1000 },
      scoring: { allowProvisionalCertification: true },
      training: { councilWarnings: true },
    }); // the shipped 148 catalogue is PROVISIONAL
    bus = await TestBus.connect(p.env);
    db = new DataSource({ type: 'postgres', url: p.env.databaseUrl });
    await db.initialize();
    admin = await p.login('admin');
    office = await p.login('province.office');
    officer = await p.login('commune.officer');
    district = await p.login('district.officer');
    const filed = '2024-05-10T03:00:00Z';
    certified = await newProducer(p, officer, 'Hợp tác xã Nem chua Đông Sơn', { asOf: filed });
    uncertified = await newProducer(p, officer, 'Hộ kinh doanh Chè lam Thọ Xuân', { asOf: filed });
    // A class for 3★+ producers is open before the certificate arrives: the new producer is invited to it.
    starClass = await openClass(await course('PRODUCERS_3STAR', 'Nâng hạng sản phẩm OCOP'), {
      capacity: 60,
      title: 'Lớp nâng hạng sản phẩm OCOP 2024',
    });
    // And one for potential producers: a producer whose dossier falls short is invited to it.
    potentialClass = await openClass(await course('POTENTIAL_PRODUCERS', 'Xây dựng hồ sơ sản phẩm OCOP'), {
      capacity: 60,
      title: 'Lớp chủ thể tiềm năng 2024',
    });
    const dossierId = await proposedDossier(p, officer, certified, 'Nem chua Đông Sơn', { asOf: filed, productSetCode: '08' });
    const shortId = await proposedDossier(p, officer, uncertified, 'Chè lam Thọ Xuân', { asOf: filed, productSetCode: '08' });
    await certifyAtDistrict(p, { admin, district }, [dossierId, shortId], { prefix: 'hddt', expectCertificates: 1, totals: [62, 40] });
    await bus.settled('training-certificates', 20_000);
    await bus.settled('training-evaluation-outcomes', 20_000);
    await bus.settled('training-councils', 20_000);
  }, 120_000);

  afterAll(async () => {
    await bus?.close();
    await db?.destroy();
    await p?.stop();
  });

  it('invites a newly certified producer to the open 3★+ class exactly once, even when the certificate is delivered twice, and one that fell short to a class for potential producers', async () => {
    const invitations = async () =>
      (await p.http('GET', `/api/training/invitations?producerId=${certified}`, { token: office })).body as any[];
    expect((await invitations()).map((i) => [i.classId, i.reason])).toEqual([[starClass.id, 'CERTIFIED']]);
    const [{ envelope }] = await db.query(`SELECT envelope FROM certification.outbox WHERE type = 'certification.certificate-issued.v1'`);
    await bus.republish(envelope as EventEnvelope);
    await bus.settled('training-certificates', 20_000);
    expect(await invitations()).toHaveLength(1);
    // The producer whose dossier fell short (40 points) was invited to the class for potential producers instead.
    const short = (await p.http('GET', `/api/training/invitations?producerId=${uncertified}`, { token: office })).body as any[];
    expect(short.map((i) => [i.classId, i.reason])).toEqual([[potentialClass.id, 'FELL_SHORT']]);
  });

  it("admits to the 3★+ class a certified producer's people only, with the reason", async () => {
    const at = as('2024-07-01T02:00:00Z');
    const url = `/api/training/classes/${starClass.id}/enrolments`;
    const refused = await p.http('POST', url, {
      token: officer,
      headers: at,
      body: { producerId: uncertified, fullName: 'Nguyễn Văn Bình', birthYear: 1980, position: 'Chủ hộ' },
    });
    expect([refused.status, refused.body.code, refused.body.field]).toEqual([422, 'PRODUCER_NOT_CERTIFIED', 'producerId']);
    expect(refused.body.detail).toMatch(/no such certificate valid/);
    const ok = await p.http('POST', url, {
      token: officer,
      headers: at,
      body: { producerId: certified, fullName: 'Lê Thị Hoa', birthYear: 1985, position: 'Giám đốc Hợp tác xã' },
    });
    expect([ok.status, ok.body.status]).toEqual([201, 'ENROLLED']);
    // The same person twice: refused, one row.
    const twice = await p.http('POST', url, {
      token: officer,
      headers: at,
      body: { producerId: certified, fullName: '  Lê  Thị Hoa ', birthYear: 1985 },
    });
    expect([twice.status, twice.body.code]).toEqual([409, 'ALREADY_EXISTS']);
    // A platform user is not a producer's person: the target group says no.
    const self = await p.http('POST', url, {
      token: officer,
      headers: at,
      body: { userId: (await p.http('GET', '/api/auth/me', { token: officer })).body.id },
    });
    expect([self.status, self.body.code]).toEqual([422, 'TARGET_GROUP_MISMATCH']);
  });

  it('fills the e-commerce class of 135; the 136th waits and moves up when one withdraws', async () => {
    const cls = await openClass(await course('POTENTIAL_PRODUCERS', 'Kỹ năng bán hàng trên sàn thương mại điện tử'), {
      capacity: 135,
      title: 'Lớp thương mại điện tử cho chủ thể OCOP năm 2024',
    });
    const at = as('2024-07-02T02:00:00Z');
    const ids: string[] = [];
    for (let i = 1; i <= 136; i++) {
      const res = await p.http('POST', `/api/training/classes/${cls.id}/enrolments`, {
        token: officer,
        headers: at,
        body: { producerId: i % 2 ? certified : uncertified, fullName: `Học viên số ${i}`, birthYear: 1970 + (i % 40) },
      });
      expect([res.status, res.body.status]).toEqual([201, i <= 135 ? 'ENROLLED' : 'WAITLISTED']);
      ids.push(res.body.id);
    }
    const view = await p.http('GET', `/api/training/classes/${cls.id}`, { token: officer });
    expect(view.body).toMatchObject({ enrolled: 135, waitlisted: 1, capacity: 135 });
    const waiting = (await p.http('GET', `/api/training/enrolments?classId=${cls.id}&status=WAITLISTED`, { token: office })).body;
    expect(waiting.map((e: { id: string; waitlistPosition: number }) => [e.id, e.waitlistPosition])).toEqual([[ids[135], 1]]);
    const withdrawn = await p.http('POST', `/api/training/enrolments/${ids[17]}/withdraw`, { token: officer, headers: at });
    expect(withdrawn.body.status).toBe('WITHDRAWN');
    const moved = (await p.http('GET', `/api/training/enrolments?classId=${cls.id}&limit=500`, { token: office })).body as any[];
    expect(moved.find((e) => e.id === ids[135]).status).toBe('ENROLLED');
    expect(moved.filter((e) => e.status === 'ENROLLED')).toHaveLength(135);
  }, 60_000);

  it("records a producer's two workers day by day; one completes under a 60 % rule, the other does not", async () => {
    const user = await p.http('POST', '/api/users', {
      token: admin,
      body: {
        username: 'producer.dt',
        password: 'a-long-password-1',
        fullName: 'HTX Nem chua Đông Sơn',
        role: 'PRODUCER',
        provinceCode: DEMO.provinceCode,
        producerId: certified,
      },
    });
    expect(user.status).toBe(201);
    const producer = await p.login('producer.dt', 'a-long-password-1');
    const cls = await openClass(await course('WORKERS', 'Đào tạo nghề chế biến nem chua'), {
      capacity: 30,
      completionPercent: 60,
      title: 'Lớp đào tạo nghề 2024',
    });
    const at = as('2024-07-03T02:00:00Z');
    const enrol = (fullName: string) =>
      p.http('POST', `/api/training/classes/${cls.id}/enrolments`, {
        token: producer,
        headers: at,
        body: { producerId: certified, fullName, birthYear: 1995, position: 'Công nhân' },
      });
    const a = (await enrol('Trần Văn An')).body;
    const b = (await enrol('Phạm Thị Bé')).body;
    // Another producer's people: refused.
    const foreign = await p.http('POST', `/api/training/classes/${cls.id}/enrolments`, {
      token: producer,
      headers: at,
      body: { producerId: uncertified, fullName: 'Người khác', birthYear: 1990 },
    });
    expect([foreign.status, foreign.body.code]).toEqual([403, 'NOT_YOUR_PRODUCER']);
    // Attendance only while the class runs, on its days, by its organiser.
    const early = await p.http('POST', `/api/training/classes/${cls.id}/attendance`, {
      token: office,
      body: { day: '2024-07-15', entries: [{ enrolmentId: a.id, present: true }] },
    });
    expect([early.status, early.body.code]).toEqual([409, 'CLASS_NOT_RUNNING']);
    expect(
      (
        await p.http('POST', `/api/training/classes/${cls.id}/transition`, {
          token: office,
          headers: as('2024-07-15T01:00:00Z'),
          body: { transition: 'start' },
        })
      ).body.status,
    ).toBe('RUNNING');
    const roster = (day: string, entries: unknown[]) =>
      p.http('POST', `/api/training/classes/${cls.id}/attendance`, {
        token: office,
        headers: as(`${day}T09:00:00Z`),
        body: { day, entries },
      });
    expect(
      (
        await roster('2024-07-15', [
          { enrolmentId: a.id, present: true },
          { enrolmentId: b.id, present: true },
        ])
      ).status,
    ).toBe(200);
    await roster('2024-07-16', [
      { enrolmentId: a.id, present: true },
      { enrolmentId: b.id, present: false, reason: 'Ốm' },
    ]);
    await roster('2024-07-17', [
      { enrolmentId: a.id, present: false, reason: 'Việc gia đình' },
      { enrolmentId: b.id, present: false, reason: 'Ốm' },
    ]);
    const outside = await roster('2024-07-18', [{ enrolmentId: a.id, present: true }]);
    expect([outside.status, outside.body.code, outside.body.field]).toEqual([400, 'DAY_OUTSIDE_CLASS', 'day']);
    expect(
      (await p.http('POST', `/api/training/classes/${cls.id}/attendance`, { token: producer, body: { day: '2024-07-17', entries: [] } }))
        .status,
    ).toBe(403);
    const done = await p.http('POST', `/api/training/classes/${cls.id}/transition`, {
      token: office,
      headers: as('2024-07-17T10:00:00Z'),
      body: { transition: 'complete' },
    });
    expect(done.body.status).toBe('COMPLETED');
    const mine = (await p.http('GET', `/api/training/enrolments?classId=${cls.id}`, { token: producer })).body as any[];
    expect(mine.map((e) => [e.fullName, e.daysAttended, e.status]).sort()).toEqual([
      ['Phạm Thị Bé', 1, 'NOT_COMPLETED'],
      ['Trần Văn An', 2, 'COMPLETED'],
    ]);
    // The one who completed has a numbered certificate whose QR page anyone can check; the other has none.
    const an = mine.find((e) => e.fullName === 'Trần Văn An');
    const be = mine.find((e) => e.fullName === 'Phạm Thị Bé');
    expect(an.certificateNumber).toMatch(/^38-2024-\d{6}\/CN-ĐT$/);
    expect(be.certificateCode).toBeNull();
    const pub = await p.http('GET', `/api/public/training-certificates/${an.certificateCode}`);
    expect(pub.body).toMatchObject({
      valid: true,
      fullName: 'Trần Văn An',
      daysAttended: 2,
      days: 3,
      courseTitle: 'Đào tạo nghề chế biến nem chua',
    });
    const page = await p.http('GET', `/verify-training/${an.certificateCode}`);
    expect([page.status, page.body.includes('Trần Văn An'), page.body.includes('Giấy chứng nhận hoàn thành khóa đào tạo')]).toEqual([
      200,
      true,
      true,
    ]);
    expect((await p.http('GET', '/verify-training/ZZZZZZZZZZ')).status).toBe(404);
    const pdf = await p.http('GET', `/api/training/enrolments/${an.id}/certificate.pdf`, { token: producer });
    expect([pdf.status, String(pdf.headers['content-type'])]).toEqual([200, 'application/pdf']);
    expect((await p.http('GET', `/api/training/enrolments/${be.id}/certificate.pdf`, { token: producer })).body.code).toBe(
      'TRAINING_CERTIFICATE_NOT_FOUND',
    );
    const again = await p.http('POST', `/api/training/classes/${cls.id}/transition`, {
      token: office,
      headers: as('2024-07-17T11:00:00Z'),
      body: { transition: 'complete' },
    });
    expect([again.status, again.body.code]).toEqual([409, 'CLASS_TRANSITION_INVALID']);
  });

  it("counts coverage of a district's officials against the platform's users, as a count by hand", async () => {
    const units = (await p.http('GET', `/api/units?level=DISTRICT&parentCode=${DEMO.provinceCode}`, { token: admin })).body as {
      code: string;
    }[];
    const otherDistrict = units.find((u) => u.code !== DEMO.districtCode)!.code;
    const made: string[] = [];
    for (const [name, districtCode] of [
      ['district.a', DEMO.districtCode],
      ['district.b', DEMO.districtCode],
      ['district.c', DEMO.districtCode],
      ['district.elsewhere', otherDistrict],
    ] as const) {
      const res = await p.http('POST', '/api/users', {
        token: admin,
        body: {
          username: name,
          password: 'a-long-password-1',
          fullName: `Cán bộ ${name}`,
          role: 'DISTRICT_OFFICER',
          provinceCode: DEMO.provinceCode,
          districtCode,
        },
      });
      expect(res.status).toBe(201);
      made.push(res.body.id);
    }
    const plan = await p.http('POST', '/api/training/plans', {
      token: office,
      headers: as('2024-03-05T02:00:00Z'),
      body: {
        year: 2024,
        targetGroup: 'OFFICIALS',
        classesPlanned: 3,
        placesPlanned: 180,
        coverageTargetPercent: 100,
        reference: '1366/KH-UBND',
      },
    });
    expect(plan.status).toBe(201);
    const twice = await p.http('POST', '/api/training/plans', {
      token: office,
      body: { year: 2024, targetGroup: 'OFFICIALS', classesPlanned: 1 },
    });
    expect([twice.status, twice.body.code]).toEqual([409, 'ALREADY_EXISTS']);
    const res = await p.http('POST', '/api/training/classes', {
      token: office,
      headers: as('2024-03-06T02:00:00Z'),
      body: {
        courseId: await course('OFFICIALS', 'Nghiệp vụ triển khai Chương trình OCOP'),
        title: 'Lớp cán bộ cấp huyện, xã',
        startsOn: '2024-08-12',
        endsOn: '2024-08-13',
        capacity: 60,
        organiser: 'Văn phòng Điều phối nông thôn mới tỉnh',
      },
    });
    const cls = res.body.id as string;
    await p.http('POST', `/api/training/classes/${cls}/transition`, {
      token: office,
      headers: as('2024-03-07T02:00:00Z'),
      body: { transition: 'open' },
    });
    const enrolled: Record<string, string> = {};
    for (const name of ['district.a', 'district.b']) {
      const token = await p.login(name, 'a-long-password-1');
      const me = (await p.http('GET', '/api/auth/me', { token })).body.id;
      const e = await p.http('POST', `/api/training/classes/${cls}/enrolments`, {
        token,
        headers: as('2024-07-01T02:00:00Z'),
        body: { userId: me },
      });
      expect([e.status, e.body.fullName]).toEqual([201, `Cán bộ ${name}`]);
      enrolled[name] = e.body.id;
    }
    await p.http('POST', `/api/training/classes/${cls}/transition`, {
      token: office,
      headers: as('2024-08-12T00:30:00Z'),
      body: { transition: 'start' },
    });
    for (const [day, bPresent] of [
      ['2024-08-12', true],
      ['2024-08-13', false],
    ] as const)
      await p.http('POST', `/api/training/classes/${cls}/attendance`, {
        token: office,
        headers: as(`${day}T09:00:00Z`),
        body: {
          day,
          entries: [
            { enrolmentId: enrolled['district.a'], present: true },
            { enrolmentId: enrolled['district.b'], present: bPresent, ...(bPresent ? {} : { reason: 'Đi công tác' }) },
          ],
        },
      });
    await p.http('POST', `/api/training/classes/${cls}/transition`, {
      token: office,
      headers: as('2024-08-13T10:00:00Z'),
      body: { transition: 'complete' },
    });

    // By hand: the active officials of the district among the platform's users, and who of them completed (only district.a: 2 of 2 days).
    const users = (await p.http('GET', '/api/users?limit=500', { token: admin })).body as {
      id: string;
      role: string;
      districtCode: string | null;
      active: boolean;
    }[];
    const officials = users.filter(
      (u) =>
        u.active && u.districtCode === DEMO.districtCode && ['PROVINCE_OFFICE', 'DISTRICT_OFFICER', 'COMMUNE_OFFICER'].includes(u.role),
    );
    expect(officials.map((u) => u.id)).toEqual(expect.arrayContaining(made.slice(0, 3)));
    const progress = (await p.http('GET', `/api/training/progress?year=2024&unitCode=${DEMO.districtCode}`, { token: district })).body;
    const group = progress.groups.find((g: { targetGroup: string }) => g.targetGroup === 'OFFICIALS');
    expect(group).toMatchObject({
      peopleKnown: officials.length,
      peopleKnownTrained: 1,
      coveragePercent: (Math.round(10_000 / officials.length) / 100).toFixed(2),
    });
    // The province's view: the plan, the class held, the places filled.
    const province = (await p.http('GET', '/api/training/progress?year=2024', { token: office })).body;
    expect(province.groups.find((g: { targetGroup: string }) => g.targetGroup === 'OFFICIALS')).toMatchObject({
      classesPlanned: 3,
      classesHeld: 1,
      placesFilled: 2,
      peopleTrained: 1,
      coverageTargetPercent: 100,
      underFilled: [expect.objectContaining({ classId: cls, enrolled: 2, capacity: 60 })],
    });
    expect(province.groups.find((g: { targetGroup: string }) => g.targetGroup === 'POTENTIAL_PRODUCERS').overCapacity).toHaveLength(0); // the waiting one moved up
    // A district office reads its own district only.
    expect((await p.http('GET', `/api/training/progress?year=2024&unitCode=${otherDistrict}`, { token: district })).status).toBe(403);
  });

  it('keeps versioned course materials in object storage', async () => {
    const courseId = (await p.http('GET', '/api/training/courses?targetGroup=WORKERS', { token: office })).body[0].id as string;
    const upload = async (bytes: Buffer) => {
      const { payload, headers } = multipartBody('Giáo trình chế biến nem chua', bytes, 'giao-trinh.pdf');
      return p.http('POST', `/api/training/courses/${courseId}/materials`, {
        token: office,
        payload,
        headers: { ...headers, ...as('2024-03-10T02:00:00Z') },
      });
    };
    const first = await upload(PDF);
    const second = await upload(Buffer.concat([PDF, Buffer.from('% phiên bản 2\n')]));
    expect([first.status, first.body.version, second.body.version]).toEqual([201, 1, 2]);
    const course = (await p.http('GET', '/api/training/courses?targetGroup=WORKERS', { token: officer })).body[0];
    expect(course.materials.map((m: { title: string; version: number }) => [m.title, m.version])).toEqual([
      ['Giáo trình chế biến nem chua', 2],
      ['Giáo trình chế biến nem chua', 1],
    ]);
    const file = await p.http('GET', `/api/training/courses/${courseId}/materials/${first.body.id}`, { token: officer });
    expect([file.status, String(file.headers['content-type'])]).toEqual([200, 'application/pdf']);
    // Only the standing office adds materials; a PNG declared as PDF is refused and nothing is kept.
    const { payload, headers } = multipartBody('Tài liệu', PDF, 'a.pdf');
    expect((await p.http('POST', `/api/training/courses/${courseId}/materials`, { token: officer, payload, headers })).status).toBe(403);
    const fake = multipartBody('Tài liệu', Buffer.from('not a pdf'), 'a.pdf');
    const refused = await p.http('POST', `/api/training/courses/${courseId}/materials`, {
      token: office,
      payload: fake.payload,
      headers: fake.headers,
    });
    expect([refused.status, refused.body.code]).toEqual([400, 'DOCUMENT_CONTENT_MISMATCH']);
  });

  it('shows the office the council members seated without council training, once each', async () => {
    const warnings = (await p.http('GET', '/api/training/council-warnings', { token: office })).body as any[];
    expect(warnings.map((w) => w.role).sort()).toEqual(['CHAIR', 'MEMBER', 'MEMBER', 'SECRETARY']);
    expect(new Set(warnings.map((w) => w.councilName))).toEqual(new Set(['Hội đồng OCOP thành phố Thanh Hóa']));
    expect((await p.http('GET', '/api/training/council-warnings', { token: officer })).status).toBe(403);
  });

  it('guards classes by role and scope', async () => {
    // A district office plans and manages its own district's classes only; the province's are not its to manage.
    const courseId = (await p.http('GET', '/api/training/courses?targetGroup=WORKERS', { token: district })).body[0].id;
    const mine = await p.http('POST', '/api/training/classes', {
      token: district,
      headers: as('2024-08-01T02:00:00Z'),
      body: {
        courseId,
        title: 'Lớp đào tạo nghề huyện',
        startsOn: '2024-09-01',
        endsOn: '2024-09-02',
        capacity: 40,
        organiser: 'Phòng Kinh tế thành phố',
      },
    });
    expect([mine.status, mine.body.districtCode]).toEqual([201, DEMO.districtCode]);
    expect(
      (await p.http('POST', `/api/training/classes/${starClass.id}/transition`, { token: district, body: { transition: 'cancel' } }))
        .status,
    ).toBe(404);
    expect(
      (
        await p.http('POST', '/api/training/courses', {
          token: district,
          body: { title: 'Khóa học', targetGroup: 'OFFICIALS', topics: ['a b'], durationDays: 1 },
        })
      ).status,
    ).toBe(403);
    expect(
      (await p.http('POST', `/api/training/classes/${mine.body.id}/transition`, { token: district, body: { transition: 'fly' } })).body
        .field,
    ).toBe('transition');
    const bad = await p.http('POST', '/api/training/classes', {
      token: district,
      headers: as('2024-08-01T02:00:00Z'),
      body: { courseId, title: 'Lớp sai ngày', startsOn: '2024-09-05', endsOn: '2024-09-02', capacity: 40, organiser: 'Phòng Kinh tế' },
    });
    expect([bad.status, bad.body.code, bad.body.field]).toEqual([400, 'CLASS_ENDS_BEFORE_START', 'endsOn']);
    expect((await p.http('GET', '/api/training/classes')).status).toBe(401);
    expect((await p.http('GET', '/api/training/classes', { token: await p.login('lab') })).status).toBe(403);
  });
});
