import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DEMO } from '@ocop/contracts';
import { startPlatform, type Platform } from '../support/platform';
import { communeAssessmentOf, councilUsers, evaluationOf, newProducer, proposedDossier, treeFor } from '../support/scoring';
import { insertBenchCertificates } from '../bench/support/certificates';

/** Paging and filters where a province's years need them: one limit/offset convention, strict query numbers, filters that filter. */
describe('lists: paging and filters', () => {
  let p: Platform;
  let db: DataSource;
  let admin: string;
  let office: string;

  beforeAll(async () => {
    p = await startPlatform({ gateway: { loginRateLimit: 1000 } });
    db = new DataSource({ type: 'postgres', url: p.env.databaseUrl });
    await db.initialize();
    admin = await p.login('admin');
    office = await p.login('province.office');
  }, 120_000);
  afterAll(async () => {
    await db?.destroy();
    await p?.stop();
  });

  it('turns only decimal digits into query numbers, and bounds every one', async () => {
    for (const bad of ['0x10', '1e3', 'true', '', '-1', '501', '1.5']) {
      const res = await p.http('GET', `/api/dossiers?limit=${encodeURIComponent(bad)}`, { token: office });
      expect({ bad, status: res.status, field: res.body.field }).toEqual({ bad, status: 400, field: 'limit' });
    }
    expect((await p.http('GET', '/api/dossiers?cycleYear=0x7E8', { token: office })).body.field).toBe('cycleYear');
    expect((await p.http('GET', '/api/certification/certificates?offset=1e2', { token: office })).body.field).toBe('offset');
    expect((await p.http('GET', '/api/dossiers?limit=16&offset=0', { token: office })).status).toBe(200);
  });

  it('refuses a filter a list does not have instead of ignoring it', async () => {
    for (const url of [
      '/api/rounds?cycleYear=2024',
      '/api/inspection/campaigns?status=OPEN',
      '/api/inspection/labs?code=LAB01',
      '/api/admin/dead-letters?service=registration&limit=5',
    ]) {
      const res = await p.http('GET', url, { token: admin });
      expect({ url, status: res.status, code: res.body.code }).toEqual({ url, status: 400, code: 'VALIDATION_FAILED' });
    }
    expect((await p.http('GET', '/api/rounds?cycleYear=2024', { token: admin })).body.field).toBe('cycleYear');
    expect((await p.http('GET', '/api/admin/dead-letters?service=registration', { token: admin })).status).toBe(200);
    expect((await p.http('GET', '/api/rounds', { token: admin })).status).toBe(200);
  });

  it("pages a council's sessions past 100, and councils too", async () => {
    const members = await councilUsers(p, admin, 'paging', ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường']);
    const councilBody = (name: string, agency: string) => ({
      name,
      tier: 'PROVINCE',
      unitCode: DEMO.provinceCode,
      authorityName: 'UBND tỉnh Thanh Hóa',
      placeName: 'Thanh Hóa',
      quorum: 1,
      chairRequired: false,
      members: members.map((m, i) => ({ userId: m.userId, fullName: m.fullName, agency, role: ['CHAIR', 'MEMBER', 'SECRETARY'][i] })),
    });
    const council = await p.http('POST', '/api/scoring/councils', {
      token: office,
      body: councilBody('Hội đồng đánh giá sản phẩm OCOP tỉnh Thanh Hóa', 'Sở Nông nghiệp và Môi trường'),
    });
    if (council.status !== 201) throw new Error(JSON.stringify(council.body));
    expect(council.status).toBe(201);
    for (let i = 1; i <= 105; i++) {
      const s = await p.http('POST', '/api/scoring/sessions', {
        token: office,
        body: { councilId: council.body.id, title: `Phiên họp số ${i}`, scheduledFor: '2026-11-24T01:00:00Z' },
      });
      expect(s.status).toBe(201);
    }
    const all = await p.http('GET', `/api/scoring/sessions?councilId=${council.body.id}&limit=500`, { token: office });
    expect(all.body).toHaveLength(105);
    const first = await p.http('GET', `/api/scoring/sessions?councilId=${council.body.id}`, { token: office });
    const rest = await p.http('GET', `/api/scoring/sessions?councilId=${council.body.id}&offset=100`, { token: office });
    expect([first.body.length, rest.body.length]).toEqual([100, 5]);
    expect(new Set([...first.body, ...rest.body].map((s: { id: string }) => s.id)).size).toBe(105);
    // A member sees the sessions of the council it sits on; an officer of another unit sees none.
    expect((await p.http('GET', `/api/scoring/sessions?limit=3`, { token: members[1]!.token })).body).toHaveLength(3);
    expect((await p.http('GET', '/api/scoring/sessions', { token: await p.login('district.officer') })).body).toEqual([]);

    const other = await p.http('POST', '/api/scoring/councils', { token: office, body: councilBody('Hội đồng thứ hai', 'Sở Công Thương') });
    expect(other.status).toBe(201);
    const page1 = (await p.http('GET', '/api/scoring/councils?limit=1', { token: office })).body;
    const page2 = (await p.http('GET', '/api/scoring/councils?limit=1&offset=1', { token: office })).body;
    expect([page1.length, page2.length]).toEqual([1, 1]);
    expect(page1[0].id).not.toBe(page2[0].id);
  });

  it("pages a district officer's evaluations after its scope, not before", async () => {
    const districts = (await p.http('GET', `/api/units?level=DISTRICT&parentCode=${DEMO.provinceCode}`, { token: office })).body as {
      code: string;
    }[];
    const elsewhere = districts.find((d) => d.code !== DEMO.districtCode)!.code;
    const commune = (await p.http('GET', `/api/units?level=COMMUNE&parentCode=${elsewhere}`, { token: office })).body[0].code as string;
    const user = await p.http('POST', '/api/users', {
      token: admin,
      body: {
        username: 'commune.elsewhere',
        password: 'commune-password-2026',
        fullName: 'Cán bộ xã khác',
        role: 'COMMUNE_OFFICER',
        provinceCode: DEMO.provinceCode,
        districtCode: elsewhere,
        communeCode: commune,
      },
    });
    expect(user.status).toBe(201);
    const otherOfficer = await p.login('commune.elsewhere', 'commune-password-2026');
    const assessment = communeAssessmentOf(await treeFor(p, admin, '148', '04'));
    const otherProducer = await p.http('POST', '/api/producers', {
      token: otherOfficer,
      body: {
        type: 'COOPERATIVE',
        name: 'Hợp tác xã xã khác',
        businessRegistrationNumber: '2809999999',
        representativeName: 'Phạm Văn Dũng',
        phone: '0911111111',
        address: 'Thôn 3',
        communeCode: commune,
        womanLed: false,
        ethnicMinority: false,
      },
    });
    // The other district's evaluation is older, so it comes first in the province's order.
    await evaluationOf(
      p,
      office,
      await proposedDossier(p, otherOfficer, otherProducer.body.id, 'Mật ong xã khác', { assessment }),
      'PROVINCE',
    );
    const officer = await p.login('commune.officer');
    const mine = await evaluationOf(
      p,
      office,
      await proposedDossier(p, officer, await newProducer(p, officer, 'Hợp tác xã Mật ong Đông Thanh'), 'Mật ong Đông Thanh', {
        assessment,
      }),
      'PROVINCE',
    );
    const district = await p.login('district.officer');
    expect((await p.http('GET', '/api/scoring/evaluations?limit=1', { token: district })).body.map((e: { id: string }) => e.id)).toEqual([
      mine.id,
    ]);
  });

  it('pages producers and users; filters users by role', async () => {
    const officer = await p.login('commune.officer');
    for (const name of ['Hợp tác xã Một', 'Hợp tác xã Hai', 'Hợp tác xã Ba']) await newProducer(p, officer, name);
    const producers = (await p.http('GET', '/api/producers?limit=2', { token: office })).body;
    const more = (await p.http('GET', '/api/producers?limit=2&offset=2', { token: office })).body;
    expect([producers.length, more.length]).toEqual([2, 2]); // three new ones and the demo cooperative
    expect(new Set([...producers, ...more].map((x: { id: string }) => x.id)).size).toBe(4);

    const labs = (await p.http('GET', '/api/users?role=LAB', { token: admin })).body;
    expect(labs.map((u: { username: string }) => u.username)).toEqual(['lab']);
    expect((await p.http('GET', '/api/users?limit=2', { token: admin })).body).toHaveLength(2);
    expect((await p.http('GET', '/api/users?role=KING', { token: admin })).body.field).toBe('role');
  });

  it('filters certificates by tier, authority, stars, status and year', async () => {
    await insertBenchCertificates((sql, params) => db.query(sql, params), {
      count: 30,
      decisionId: randomUUID(),
      firstValidTo: new Date('2027-01-01T00:00:00Z'),
      spanMonths: 24,
    });
    await db.query(`UPDATE certification.certificate SET tier = 'DISTRICT', authority_unit_code = '380' WHERE stars = 3`);
    await db.query(`UPDATE certification.certificate SET status = 'REVOKED' WHERE stars = 5 AND issued_at < '2025-01-01'`);
    const list = async (q: string) =>
      (await p.http('GET', `/api/certification/certificates?limit=500&${q}`, { token: office })).body as {
        stars: number;
        tier: string;
        authorityUnitCode: string;
        status: string;
        validFrom: string;
      }[];
    const count = async (where: string) =>
      Number((await db.query(`SELECT count(*)::int AS n FROM certification.certificate WHERE ${where}`))[0].n);

    const fours = await list('stars=4');
    expect(fours.length).toBe(await count('stars = 4'));
    expect(fours.every((c) => c.stars === 4)).toBe(true);
    const district = await list('tier=DISTRICT&authorityUnitCode=380');
    expect(district.length).toBe(await count(`tier = 'DISTRICT'`));
    expect(district.every((c) => c.stars === 3)).toBe(true);
    expect(await list('tier=DISTRICT&authorityUnitCode=38')).toEqual([]);
    const revoked = await list('status=REVOKED&stars=5');
    expect(revoked.length).toBe(await count(`status = 'REVOKED'`));
    expect(revoked.length).toBeGreaterThan(0);
    const of2024 = await list('year=2024');
    const expected = await count(`extract(year FROM issued_at AT TIME ZONE 'Asia/Ho_Chi_Minh') = 2024`);
    expect([of2024.length > 0, of2024.length]).toEqual([true, expected]);
    expect(of2024.length).toBeLessThan(30);
    expect((await p.http('GET', '/api/certification/certificates?stars=6', { token: office })).body.field).toBe('stars');
    expect((await p.http('GET', '/api/certification/certificates?tier=COMMUNE', { token: office })).body.field).toBe('tier');
  });

  it('filters violations by certificate, status and deadline', async () => {
    const certA = randomUUID();
    const certB = randomUUID();
    for (const id of [certA, certB]) {
      await db.query(
        `INSERT INTO inspection.certificate_pool (certificate_id, number, code, product_id, product_name, product_set_code, product_group, producer_id,
        province_code, authority_unit_code, stars, valid_from, valid_to, issued_at, status, updated_at)
        VALUES ($1, $2, $3, gen_random_uuid(), 'Mật ong', '04', 'FOOD', gen_random_uuid(), '38', '38', 4, '2026-01-01', '2029-01-01', '2026-01-01', 'ACTIVE', now())`,
        [id, `N-${id.slice(0, 8)}`, id.slice(0, 10).toUpperCase()],
      );
    }
    const campaign = randomUUID();
    await db.query(
      `INSERT INTO inspection.campaign (id, name, legal_basis, province_code, period_from, period_to, scope, rule, checklist, team, origin, status, created_by, created_at)
      VALUES ($1, 'Hậu kiểm', 'Kế hoạch', '38', '2026-07-01', '2026-12-31', '{}', '{"kind":"ALL"}', '[]', '{}', 'PLANNED', 'OPEN', 'test', now())`,
      [campaign],
    );
    const violation = async (certificateId: string, status: string, deadline: string | null) => {
      const task = randomUUID();
      await db.query(
        `INSERT INTO inspection.task (id, campaign_id, certificate_id, rank, due_at, status) VALUES ($1, $2, $3, 1, '2026-12-31', 'COMPLETED')
        ON CONFLICT (campaign_id, certificate_id) DO NOTHING`,
        [task, campaign, certificateId],
      );
      const taskId = (
        await db.query('SELECT id FROM inspection.task WHERE campaign_id = $1 AND certificate_id = $2', [campaign, certificateId])
      )[0].id;
      await db.query(
        `INSERT INTO inspection.violation (id, task_id, certificate_id, severity, reason_code, details, corrective_deadline, status, created_at)
        VALUES (gen_random_uuid(), $1, $2, 'MINOR', 'QUALITY_NOT_AS_CERTIFIED', 'Nhãn thiếu', $3, $4, now())`,
        [taskId, certificateId, deadline, status],
      );
    };
    await violation(certA, 'CORRECTIVE_ACTION', '2026-09-01T00:00:00Z');
    await violation(certA, 'CORRECTIVE_ACTION', '2026-12-01T00:00:00Z');
    await violation(certA, 'CORRECTED', '2026-08-01T00:00:00Z');
    await violation(certB, 'REVOCATION_REQUESTED', null);
    const list = async (q: string) =>
      (await p.http('GET', `/api/inspection/violations?${q}`, { token: office })).body as {
        certificateId: string;
        status: string;
        correctiveDeadline: string | null;
      }[];
    expect((await list(`certificateId=${certA}`)).map((v) => v.status).sort()).toEqual([
      'CORRECTED',
      'CORRECTIVE_ACTION',
      'CORRECTIVE_ACTION',
    ]);
    expect((await list('status=REVOCATION_REQUESTED')).map((v) => v.certificateId)).toEqual([certB]);
    const due = await list(`certificateId=${certA}&status=CORRECTIVE_ACTION&deadlineBefore=2026-10-01T00:00:00Z`);
    expect(due.map((v) => v.correctiveDeadline)).toEqual(['2026-09-01T00:00:00.000Z']);
    expect(await list(`certificateId=${certA}&limit=2`)).toHaveLength(2);
    expect((await p.http('GET', '/api/inspection/violations?deadlineBefore=2026-02-30', { token: office })).body.field).toBe(
      'deadlineBefore',
    );
  });

  it("gives a district proposal the province's round open at the as-of date", async () => {
    const officer = await p.login('commune.officer');
    const round = await p.http('POST', '/api/rounds', {
      token: office,
      body: { cycleYear: 2024, number: 1, name: 'Đợt 1 năm 2024', opensOn: '2024-03-01', closesOn: '2024-10-31' },
    });
    expect(round.status).toBe(201);
    const producer = await newProducer(p, officer, 'Hợp tác xã Nước mắm Hải Tiến');
    const dossierId = await proposedDossier(p, officer, producer, 'Nước mắm Hải Tiến', {
      asOf: '2024-06-03T03:00:00Z',
      productSetCode: '09',
    });
    const d = (await p.http('GET', `/api/dossiers/${dossierId}`, { token: office })).body;
    expect([d.legalVersion, d.proposedTier, d.roundId]).toEqual(['148', 'DISTRICT', round.body.id]);
  });
});
