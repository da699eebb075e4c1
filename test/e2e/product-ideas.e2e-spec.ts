import { DataSource } from 'typeorm';
import { DEMO } from '@ocop/contracts';
import { eventually } from '@ocop/testing';
import { startPlatform, type Platform } from '../support/platform';
import { newProducer } from '../support/scoring';

const OTHER_COMMUNE = '14802'; // same district, another commune

/**
 * Issue 18, product ideas before dossiers (Thanh Hóa): producers fill in the registration form of an idea (or their
 * commune does it for them); the district office keeps the feasible ones and sends its list of the year to the province,
 * which picks the year's products. A picked idea becomes a product and a NEW dossier in the same transaction.
 */
describe('product ideas: collected by the district, picked by the province', () => {
  let p: Platform;
  let db: DataSource;
  const t: Record<string, string> = {};
  const at = (instant: string) => ({ 'x-as-of': instant });

  const form = (producerId: string, year: unknown, over: Record<string, unknown> = {}) => ({
    producerId,
    year,
    name: 'Mật ong rừng Như Xuân',
    productSetCode: '04',
    description: 'Mật ong khai thác từ rừng tự nhiên, đóng chai 500 ml.',
    rawMaterials: 'Mật ong hoa rừng của các hộ nuôi ong xã Thanh Quân',
    expectedMarket: 'Cửa hàng đặc sản trong tỉnh, khách du lịch',
    ...over,
  });
  const auditOf = async (id: string): Promise<string[]> =>
    (
      await db.query(
        `SELECT action FROM registration.audit_log WHERE entity_type = 'product_idea' AND entity_id = $1 ORDER BY occurred_at, id`,
        [id],
      )
    ).map((r: { action: string }) => r.action);

  beforeAll(async () => {
    p = await startPlatform({ gateway: { loginRateLimit: 1000 } });
    db = new DataSource({ type: 'postgres', url: p.env.databaseUrl });
    await db.initialize();
    for (const u of ['admin', 'province.office', 'commune.officer', 'district.officer', 'producer']) t[u] = await p.login(u);
  }, 120_000);
  afterAll(async () => {
    await db?.destroy();
    await p?.stop();
  });

  it('takes a district’s list from the forms to the province’s pick, a product and a dossier', async () => {
    const [producer, commune, district, office] = [t.producer!, t['commune.officer']!, t['district.officer']!, t['province.office']!];
    const coop = await newProducer(p, commune, 'Hợp tác xã Nông sản Thọ Xuân', { asOf: '2025-01-05T02:00:00Z' });

    // The producer files its own idea; the commune files two for a cooperative of its commune.
    const honey = await p.http('POST', '/api/product-ideas', {
      token: producer,
      headers: at('2025-02-10T02:00:00Z'),
      body: form(DEMO.producerId, 2025),
    });
    expect(honey.status).toBe(201);
    expect(honey.body).toMatchObject({
      producerId: DEMO.producerId,
      year: 2025,
      status: 'SUBMITTED',
      provinceCode: DEMO.provinceCode,
      districtCode: DEMO.districtCode,
      communeCode: DEMO.communeCode,
      productGroup: expect.any(String),
      createdAt: '2025-02-10T02:00:00.000Z',
      pickedProductId: null,
    });
    const fileByCommune = (name: string, productSetCode: string) =>
      p.http('POST', '/api/product-ideas', {
        token: commune,
        headers: at('2025-02-11T02:00:00Z'),
        body: form(coop, 2025, { name, productSetCode, description: undefined }),
      });
    const rice = await fileByCommune('Gạo nếp cái hoa vàng Thọ Xuân', '01');
    const wine = await fileByCommune('Rượu men lá Thọ Xuân', '03');
    expect([rice.status, wine.status]).toEqual([201, 201]);
    const [A, B, C] = [honey.body.id as string, rice.body.id as string, wine.body.id as string];

    // The district collects them; none assessed yet, so the list cannot go.
    const collected = await p.http('GET', '/api/product-ideas?year=2025&status=SUBMITTED', { token: district });
    expect(collected.body.map((i: { id: string }) => i.id).sort()).toEqual([A, B, C].sort());
    const early = await p.http('POST', '/api/product-idea-lists/2025/send', { token: district, headers: at('2025-02-15T02:00:00Z') });
    expect([early.status, early.body.code]).toEqual([409, 'IDEAS_NOT_ASSESSED']);
    for (const id of [A, B, C]) expect(early.body.detail).toContain(id);

    const assess = (id: string, body: unknown, instant: string, token = district) =>
      p.http('PUT', `/api/product-ideas/${id}/feasibility`, { token, headers: at(instant), body });
    expect((await assess(C, { feasible: false }, '2025-02-20T02:00:00Z')).body).toMatchObject({
      status: 400,
      code: 'IDEA_REASON_REQUIRED',
      field: 'reason',
    });
    const reason = 'Nguồn men lá chưa ổn định, chưa đủ điều kiện an toàn thực phẩm.';
    expect((await assess(C, { feasible: false, reason }, '2025-02-20T02:00:00Z')).body).toMatchObject({
      status: 'NOT_FEASIBLE',
      feasibilityReason: reason,
      assessedAt: '2025-02-20T02:00:00.000Z',
    });
    expect((await assess(A, { feasible: true }, '2025-02-20T03:00:00Z')).body.status).toBe('FEASIBLE');
    // The district changes its mind before sending.
    expect((await assess(B, { feasible: false, reason: 'Cần làm rõ vùng nguyên liệu.' }, '2025-02-20T04:00:00Z')).body.status).toBe(
      'NOT_FEASIBLE',
    );
    expect((await assess(B, { feasible: true }, '2025-02-21T02:00:00Z')).body).toMatchObject({
      status: 'FEASIBLE',
      feasibilityReason: null,
    });
    // Only the district assesses.
    expect((await assess(A, { feasible: true }, '2025-02-21T03:00:00Z', commune)).status).toBe(403);

    // The list goes once: every feasible idea becomes SENT; the not feasible one stays.
    const sent = await p.http('POST', '/api/product-idea-lists/2025/send', { token: district, headers: at('2025-03-01T02:00:00Z') });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ districtCode: DEMO.districtCode, year: 2025, sentAt: '2025-03-01T02:00:00.000Z' });
    expect(sent.body.ideas.map((i: { id: string; status: string }) => [i.id, i.status]).sort()).toEqual(
      [
        [A, 'SENT'],
        [B, 'SENT'],
      ].sort(),
    );
    const twice = await p.http('POST', '/api/product-idea-lists/2025/send', { token: district, headers: at('2025-03-02T02:00:00Z') });
    expect([twice.status, twice.body.code]).toEqual([409, 'IDEA_LIST_ALREADY_SENT']);
    expect((await assess(C, { feasible: true }, '2025-03-02T02:00:00Z')).body).toMatchObject({ status: 409, code: 'IDEA_LIST_SENT' });
    const late = await p.http('POST', '/api/product-ideas', {
      token: producer,
      headers: at('2025-03-02T02:00:00Z'),
      body: form(DEMO.producerId, 2025, { name: 'Mật ong bạc hà' }),
    });
    expect([late.status, late.body.code, late.body.field]).toEqual([409, 'IDEA_LIST_SENT', 'year']);
    expect((await p.http('GET', `/api/product-ideas/${C}`, { token: office })).body.status).toBe('NOT_FEASIBLE');

    // The province sees the sent list and picks one idea: it becomes the producer's product and a NEW dossier.
    const inbox = await p.http('GET', '/api/product-ideas?year=2025&status=SENT', { token: office });
    expect(inbox.body.map((i: { id: string }) => i.id).sort()).toEqual([A, B].sort());
    expect((await p.http('POST', `/api/product-ideas/${A}/pick`, { token: district, headers: at('2025-03-15T02:00:00Z') })).status).toBe(
      403,
    );
    const picked = await p.http('POST', `/api/product-ideas/${A}/pick`, { token: office, headers: at('2025-03-15T02:00:00Z') });
    expect(picked.status).toBe(200);
    expect(picked.body).toMatchObject({
      status: 'PICKED',
      decidedAt: '2025-03-15T02:00:00.000Z',
      pickedProductId: expect.any(String),
      pickedDossierId: expect.any(String),
    });
    const again = await p.http('POST', `/api/product-ideas/${A}/pick`, { token: office, headers: at('2025-03-16T02:00:00Z') });
    expect(again.body).toMatchObject({
      status: 'PICKED',
      decidedAt: '2025-03-15T02:00:00.000Z',
      pickedProductId: picked.body.pickedProductId,
      pickedDossierId: picked.body.pickedDossierId,
    });
    const notPicked = 'Sản phẩm trùng nhóm với sản phẩm đã chọn của huyện năm nay.';
    const rejected = await p.http('POST', `/api/product-ideas/${B}/reject`, {
      token: office,
      headers: at('2025-03-15T03:00:00Z'),
      body: { reason: notPicked },
    });
    expect(rejected.body).toMatchObject({ status: 'NOT_PICKED', decisionReason: notPicked, pickedProductId: null, pickedDossierId: null });
    const pickRejected = await p.http('POST', `/api/product-ideas/${B}/pick`, { token: office, headers: at('2025-03-16T02:00:00Z') });
    expect([pickRejected.status, pickRejected.body.code]).toEqual([409, 'IDEA_DECIDED']);
    const pickUnsent = await p.http('POST', `/api/product-ideas/${C}/pick`, { token: office, headers: at('2025-03-16T02:00:00Z') });
    expect([pickUnsent.status, pickUnsent.body.code]).toEqual([409, 'IDEA_NOT_SENT']);

    // The product and the dossier, read back through their own routes; the producer sees them and its idea.
    const products = await p.http('GET', `/api/producers/${DEMO.producerId}/products`, { token: producer });
    expect(products.body.filter((x: { id: string }) => x.id === picked.body.pickedProductId)).toEqual([
      expect.objectContaining({
        producerId: DEMO.producerId,
        name: 'Mật ong rừng Như Xuân',
        productSetCode: '04',
        description: 'Mật ong khai thác từ rừng tự nhiên, đóng chai 500 ml.',
        createdAt: '2025-03-15T02:00:00.000Z',
      }),
    ]);
    const dossier = await p.http('GET', `/api/dossiers/${picked.body.pickedDossierId}`, { token: producer });
    expect(dossier.status).toBe(200);
    expect(dossier.body).toMatchObject({
      productId: picked.body.pickedProductId,
      productName: 'Mật ong rừng Như Xuân',
      producerId: DEMO.producerId,
      kind: 'NEW',
      status: 'DRAFT',
      districtCode: DEMO.districtCode,
      communeCode: DEMO.communeCode,
      createdAt: '2025-03-15T02:00:00.000Z',
    });
    await eventually(async () => {
      const timeline = await p.http('GET', `/api/dossiers/${picked.body.pickedDossierId}/timeline`, { token: producer });
      return timeline.body.some?.((e: { type: string }) => e.type === 'registration.dossier-created.v1');
    });
    const own = await p.http('GET', '/api/product-ideas?year=2025', { token: producer });
    expect(own.body.map((i: { id: string; status: string }) => [i.id, i.status])).toEqual([[A, 'PICKED']]);
    const ofCommune = await p.http('GET', '/api/product-ideas?year=2025', { token: commune });
    expect(ofCommune.body.map((i: { id: string }) => i.id).sort()).toEqual([A, B, C].sort());

    expect(await auditOf(A)).toEqual(['product-idea.file', 'product-idea.assess', 'product-idea.send', 'product-idea.pick']);
    expect(await auditOf(B)).toEqual([
      'product-idea.file',
      'product-idea.assess',
      'product-idea.assess',
      'product-idea.send',
      'product-idea.reject',
    ]);
    expect(await auditOf(C)).toEqual(['product-idea.file', 'product-idea.assess']);
  });

  it('keeps a producer to its own ideas and a district to its own district', async () => {
    const [admin, office, district, commune] = [t.admin!, t['province.office']!, t['district.officer']!, t['commune.officer']!];
    const day = at('2026-01-10T02:00:00Z');
    const elsewhere = await p.http('POST', '/api/producers', {
      token: office,
      body: {
        type: 'HOUSEHOLD_BUSINESS',
        name: 'Hộ kinh doanh Lê Thị Hoa',
        businessRegistrationNumber: '38B8005678',
        representativeName: 'Lê Thị Hoa',
        phone: '0900000002',
        address: 'Thôn 7',
        communeCode: OTHER_COMMUNE,
        womanLed: true,
        ethnicMinority: false,
      },
    });
    expect(elsewhere.status).toBe(201);
    const user = await p.http('POST', '/api/users', {
      token: admin,
      body: {
        username: 'producer.ideas',
        password: 'a-long-password-1',
        fullName: 'Lê Thị Hoa',
        role: 'PRODUCER',
        provinceCode: DEMO.provinceCode,
        producerId: elsewhere.body.id,
      },
    });
    expect(user.status).toBe(201);
    const other = await p.login('producer.ideas', 'a-long-password-1');
    const units = (await p.http('GET', `/api/units?level=DISTRICT&parentCode=${DEMO.provinceCode}`, { token: admin })).body as {
      code: string;
    }[];
    const otherDistrictCode = units.find((u) => u.code !== DEMO.districtCode)!.code;
    const officer = await p.http('POST', '/api/users', {
      token: admin,
      body: {
        username: 'district.ideas',
        password: 'a-long-password-1',
        fullName: 'Cán bộ huyện khác',
        role: 'DISTRICT_OFFICER',
        provinceCode: DEMO.provinceCode,
        districtCode: otherDistrictCode,
      },
    });
    expect(officer.status).toBe(201);
    const otherDistrict = await p.login('district.ideas', 'a-long-password-1');

    const mine = await p.http('POST', '/api/product-ideas', { token: t.producer, headers: day, body: form(DEMO.producerId, 2026) });
    expect(mine.status).toBe(201);
    const hers = await p.http('POST', '/api/product-ideas', {
      token: other,
      headers: day,
      body: form(elsewhere.body.id, 2026, { name: 'Bánh gai Tứ Trụ', productSetCode: '02' }),
    });
    expect(hers.status).toBe(201);

    // Another producer: neither files for the demo producer nor reads its idea; sees only its own.
    const forSomeoneElse = await p.http('POST', '/api/product-ideas', { token: other, headers: day, body: form(DEMO.producerId, 2026) });
    expect([forSomeoneElse.status, forSomeoneElse.body.code]).toEqual([404, 'PRODUCER_NOT_FOUND']);
    expect((await p.http('GET', `/api/product-ideas/${mine.body.id}`, { token: other })).status).toBe(404);
    expect((await p.http('GET', '/api/product-ideas?year=2026', { token: other })).body.map((i: { id: string }) => i.id)).toEqual([
      hers.body.id,
    ]);
    // The commune officer of 14801 does not see an idea of commune 14802; the district sees both.
    expect((await p.http('GET', `/api/product-ideas/${hers.body.id}`, { token: commune })).status).toBe(404);
    expect((await p.http('GET', '/api/product-ideas?year=2026', { token: district })).body.map((i: { id: string }) => i.id).sort()).toEqual(
      [mine.body.id, hers.body.id].sort(),
    );

    // Another district's officer: the ideas do not exist for it; its own list has nothing to send.
    const assess = await p.http('PUT', `/api/product-ideas/${mine.body.id}/feasibility`, {
      token: otherDistrict,
      headers: day,
      body: { feasible: true },
    });
    expect([assess.status, assess.body.code]).toEqual([404, 'IDEA_NOT_FOUND']);
    expect((await p.http('GET', `/api/product-ideas/${mine.body.id}`, { token: otherDistrict })).status).toBe(404);
    expect((await p.http('GET', '/api/product-ideas?year=2026', { token: otherDistrict })).body).toEqual([]);
    const filed = await p.http('POST', '/api/product-ideas', { token: otherDistrict, headers: day, body: form(DEMO.producerId, 2026) });
    expect([filed.status, filed.body.code]).toEqual([404, 'PRODUCER_NOT_FOUND']);
    const empty = await p.http('POST', '/api/product-idea-lists/2026/send', { token: otherDistrict, headers: day });
    expect([empty.status, empty.body.code]).toEqual([422, 'IDEA_LIST_EMPTY']);

    // Roles: a producer neither assesses, sends nor picks.
    expect(
      (await p.http('PUT', `/api/product-ideas/${mine.body.id}/feasibility`, { token: t.producer, body: { feasible: true } })).status,
    ).toBe(403);
    expect((await p.http('POST', '/api/product-idea-lists/2026/send', { token: t.producer })).status).toBe(403);
    expect((await p.http('POST', `/api/product-ideas/${mine.body.id}/pick`, { token: t.producer })).status).toBe(403);
    expect(await auditOf(mine.body.id)).toEqual(['product-idea.file']);
  });

  it('refuses bad input with the field named, and writes nothing', async () => {
    const [producer, office, district] = [t.producer!, t['province.office']!, t['district.officer']!];
    const day = at('2026-02-01T02:00:00Z');
    const rows = async () => Number((await db.query(`SELECT count(*) AS n FROM registration.product_idea`))[0].n);
    const listed = async () => (await p.http('GET', '/api/product-ideas?limit=500', { token: office })).body;
    const [beforeRows, beforeList] = [await rows(), await listed()];

    const cases: [string, unknown, string, string][] = [
      ['missing name', { ...form(DEMO.producerId, 2026), name: undefined }, 'name', 'VALIDATION_FAILED'],
      ['missing raw materials', { ...form(DEMO.producerId, 2026), rawMaterials: undefined }, 'rawMaterials', 'VALIDATION_FAILED'],
      ['producer id not a UUID', form('HTX-01', 2026), 'producerId', 'VALIDATION_FAILED'],
      ['product set not two digits', form(DEMO.producerId, 2026, { productSetCode: '4' }), 'productSetCode', 'VALIDATION_FAILED'],
      ['unknown product set', form(DEMO.producerId, 2026, { productSetCode: '27' }), 'productSetCode', 'PRODUCT_SET_UNKNOWN'],
      ['year before the programme', form(DEMO.producerId, 1999), 'year', 'VALIDATION_FAILED'],
      ['year as text', form(DEMO.producerId, '2026'), 'year', 'VALIDATION_FAILED'],
      ['year past next year', form(DEMO.producerId, 2028), 'year', 'IDEA_YEAR_OUT_OF_RANGE'],
      ['year already past', form(DEMO.producerId, 2025), 'year', 'IDEA_YEAR_OUT_OF_RANGE'],
      ['name too long', form(DEMO.producerId, 2026, { name: 'x'.repeat(201) }), 'name', 'VALIDATION_FAILED'],
      ['unknown field', form(DEMO.producerId, 2026, { stars: 5 }), 'stars', 'VALIDATION_FAILED'],
    ];
    for (const [what, body, field, code] of cases) {
      const res = await p.http('POST', '/api/product-ideas', { token: producer, headers: day, body });
      expect({ what, status: res.status, code: res.body.code, field: res.body.field, type: String(res.headers['content-type']) }).toEqual({
        what,
        status: 400,
        code,
        field,
        type: expect.stringMatching(/^application\/problem\+json/),
      });
    }
    const idea = (await p.http('GET', '/api/product-ideas?year=2026', { token: district })).body[0].id as string;
    const bad = async (method: string, url: string, token: string, body?: unknown) => {
      const res = await p.http(method, url, { token, headers: day, body });
      return [res.status, res.body.field];
    };
    expect(await bad('PUT', `/api/product-ideas/${idea}/feasibility`, district, { feasible: 'yes' })).toEqual([400, 'feasible']);
    expect(await bad('PUT', `/api/product-ideas/${idea}/feasibility`, district, { feasible: false, reason: '   ' })).toEqual([
      400,
      'reason',
    ]);
    expect(await bad('PUT', '/api/product-ideas/not-an-id/feasibility', district, { feasible: true })).toEqual([400, 'id']);
    expect(await bad('POST', '/api/product-idea-lists/abcd/send', district)).toEqual([400, 'year']);
    expect(await bad('POST', '/api/product-idea-lists/1999/send', district)).toEqual([400, 'year']);
    expect(await bad('POST', `/api/product-ideas/${idea}/reject`, office, {})).toEqual([400, 'reason']);
    expect(await bad('GET', '/api/product-ideas?year=0x7EA', office)).toEqual([400, 'year']);
    expect(await bad('GET', '/api/product-ideas?status=CERTIFIED', office)).toEqual([400, 'status']);
    expect(await bad('GET', '/api/product-ideas?districtCode=38', office)).toEqual([400, 'districtCode']);

    expect(await rows()).toBe(beforeRows);
    expect(await listed()).toEqual(beforeList);
  });
});
