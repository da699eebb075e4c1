import { DataSource } from 'typeorm';
import { DEMO, type EventEnvelope } from '@ocop/contracts';
import { eventually } from '@ocop/testing';
import { startPlatform, type Platform } from '../support/platform';
import { TestBus } from '../support/bus';
import { certifyAtDistrict, newProducer, proposedDossier } from '../support/scoring';

type App = { id: string; producerId: string; status: string; position: number | null; reasons: { code: string }[]; products: any[] };
type PromotionEvent = { id: string; title: string; startsAt: string; applicationOpensAt: string; applicationClosesAt: string };

const DAY = 86_400_000;
const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

/**
 * Trade promotion over HTTP and the bus, on certificates the platform really issued: a district council certifies
 * eleven producers' products; the standing office plans Thanh Hóa's "Chợ Phiên OCOP" (six livestreams, one every two
 * months, four producers each); the eleven apply to each and are selected fairly; a twelfth, uncertified, is refused
 * with the reason; a certificate revoked after selection takes its product off the coming livestream, the waiting list
 * moves up and the organiser is told once, even when the revocation is delivered again; the public list follows.
 */
describe('trade promotion end to end', () => {
  let p: Platform;
  let bus: TestBus;
  let db: DataSource;
  let admin: string;
  let office: string;
  let officer: string;
  let district: string;
  const producers: { producerId: string; productId: string; name: string }[] = [];
  let uncertified: { producerId: string; productId: string };
  let series: PromotionEvent[] = [];
  const selections: App[][] = [];
  let points: { id: string }[] = [];
  let operator: string;
  /** The producer whose certificate the revocation test revokes: the first selected for the last livestream. */
  const toBeRevoked = () => producers.find((x) => x.producerId === selections[5]!.find((a) => a.status === 'SELECTED')!.producerId)!;
  const catalogue = (asOf: string) =>
    p.http('GET', `/api/public/ocop-products?provinceCode=${DEMO.provinceCode}&limit=500`, { headers: as(asOf) });

  const as = (asOf: string) => ({ 'x-as-of': asOf });

  beforeAll(async () => {
    p = await startPlatform({ gateway: { loginRateLimit: 1000 }, scoring: { allowProvisionalCertification: true } }); // the shipped 148 catalogue is PROVISIONAL
    bus = await TestBus.connect(p.env);
    db = new DataSource({ type: 'postgres', url: p.env.databaseUrl });
    await db.initialize();
    admin = await p.login('admin');
    office = await p.login('province.office');
    officer = await p.login('commune.officer');
    district = await p.login('district.officer');

    // Eleven producers' products through the district council to 3★ certificates (as of 2024).
    const filed = '2024-05-10T03:00:00Z';
    const dossiers: string[] = [];
    for (let i = 0; i < 11; i++) {
      const name = `Hợp tác xã Nông sản Đông Sơn ${i + 1}`;
      const producerId = await newProducer(p, officer, name, { asOf: filed });
      const dossierId = await proposedDossier(p, officer, producerId, `Nem chua Đông Sơn ${i + 1}`, { asOf: filed, productSetCode: '08' });
      const productId = (await p.http('GET', `/api/dossiers/${dossierId}`, { token: office })).body.productId as string;
      producers.push({ producerId, productId, name });
      dossiers.push(dossierId);
    }
    const uncertifiedId = await newProducer(p, officer, 'Hộ kinh doanh Chè lam Thọ Xuân', { asOf: filed });
    const product = await p.http('POST', '/api/products', {
      token: officer,
      headers: as(filed),
      body: { producerId: uncertifiedId, name: 'Chè lam Thọ Xuân', productSetCode: '08' },
    });
    uncertified = { producerId: uncertifiedId, productId: product.body.id };

    await certifyAtDistrict(p, { admin, district }, dossiers, { prefix: 'hdxtm', expectCertificates: 11 });
    await bus.settled('trade-promotion-certificates', 20_000);
  }, 180_000);

  afterAll(async () => {
    await bus?.close();
    await db?.destroy();
    await p?.stop();
  });

  const applyAll = async (e: PromotionEvent) => {
    const at = plus(e.applicationOpensAt, DAY);
    for (const x of producers) {
      const res = await p.http('POST', `/api/trade-promotion/events/${e.id}/applications`, {
        token: officer,
        headers: as(at),
        body: { producerId: x.producerId, products: [{ productId: x.productId }] },
      });
      expect([res.status, res.body.status, res.body.products[0].category, res.body.products[0].stars]).toEqual([201, 'APPLIED', 'OCOP', 3]);
    }
  };
  const select = (e: PromotionEvent, seed: string) =>
    p.http('POST', `/api/trade-promotion/events/${e.id}/selection`, {
      token: office,
      headers: as(plus(e.applicationClosesAt, 3_600_000)),
      body: { seed },
    });

  it('plans a series of six livestreams from one rule and fills them fairly, the same way for the same seed', async () => {
    const res = await p.http('POST', '/api/trade-promotion/events/series', {
      token: office,
      headers: as('2024-12-01T02:00:00Z'),
      body: {
        template: {
          kind: 'LIVESTREAM',
          title: 'Chợ Phiên OCOP trực tuyến',
          organiser: { kind: 'PROVINCE', name: 'Sở Công Thương tỉnh Thanh Hóa' },
          channel: { platform: 'Facebook Live', url: 'https://www.facebook.com/ocopthanhhoa/live' },
          capacity: 4,
          capacityUnit: 'SLOT',
          support: { coversVi: 'Hỗ trợ chi phí kỹ thuật phiên livestream' },
        },
        schedule: {
          firstStartsAt: '2025-02-10T19:00:00+07:00',
          durationHours: 3,
          everyMonths: 2,
          count: 6,
          applicationOpensDaysBefore: 30,
          applicationClosesDaysBefore: 7,
        },
      },
    });
    expect(res.status).toBe(201);
    series = res.body;
    expect(series.map((e) => [e.title, e.startsAt])).toEqual([
      ['Chợ Phiên OCOP trực tuyến (phiên 1/6)', '2025-02-10T12:00:00.000Z'],
      ['Chợ Phiên OCOP trực tuyến (phiên 2/6)', '2025-04-10T12:00:00.000Z'],
      ['Chợ Phiên OCOP trực tuyến (phiên 3/6)', '2025-06-10T12:00:00.000Z'],
      ['Chợ Phiên OCOP trực tuyến (phiên 4/6)', '2025-08-10T12:00:00.000Z'],
      ['Chợ Phiên OCOP trực tuyến (phiên 5/6)', '2025-10-10T12:00:00.000Z'],
      ['Chợ Phiên OCOP trực tuyến (phiên 6/6)', '2025-12-10T12:00:00.000Z'],
    ]);
    expect(res.body[0]).toMatchObject({ kindVi: 'Phiên livestream', capacity: 4, status: 'SCHEDULED', support: { amountVnd: null } });

    for (const [k, e] of series.entries()) {
      // Too early: applications are not open yet.
      if (k === 0) {
        const early = await p.http('POST', `/api/trade-promotion/events/${e.id}/applications`, {
          token: officer,
          headers: as(plus(e.applicationOpensAt, -DAY)),
          body: { producerId: producers[0]!.producerId, products: [{ productId: producers[0]!.productId }] },
        });
        expect([early.status, early.body.code]).toEqual([409, 'APPLICATION_WINDOW_CLOSED']);
      }
      await applyAll(e);
      const chosen = await select(e, `cho-phien-2024-${k + 1}`);
      expect(chosen.status).toBe(200);
      selections.push(chosen.body.applications);
      expect(chosen.body.event).toMatchObject({ status: 'SELECTED', participants: 4, waitlisted: 7 });
      expect(chosen.body.applications.map((a: App) => a.status)).toEqual([...Array(4).fill('SELECTED'), ...Array(7).fill('WAITLISTED')]);
      expect(chosen.body.applications[0].reasons.map((r: { code: string }) => r.code)).toEqual([
        'SLOTS_THIS_YEAR',
        'STARS',
        'DRAW',
        'WITHIN_CAPACITY',
      ]);
    }
    // 24 slots in one year over 11 producers: two or three each, never a third before everyone has two.
    const slots = new Map<string, number>();
    for (const sel of selections)
      for (const a of sel.filter((x) => x.status === 'SELECTED')) slots.set(a.producerId, (slots.get(a.producerId) ?? 0) + 1);
    expect([...slots.values()].sort()).toEqual([2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3]);

    // The same seed again: the same answer; another seed: refused, a selection is made once.
    const again = await select(series[0]!, 'cho-phien-2024-1');
    expect(again.body.applications.map((a: App) => [a.producerId, a.status, a.position])).toEqual(
      selections[0]!.map((a) => [a.producerId, a.status, a.position]),
    );
    const other = await select(series[0]!, 'another-seed');
    expect([other.status, other.body.code, other.body.field]).toEqual([409, 'SELECTION_DONE', 'seed']);
  }, 120_000);

  it('refuses a product without a valid certificate, with the reason, and shows another category only where the event accepts it', async () => {
    const fair = await p.http('POST', '/api/trade-promotion/events', {
      token: office,
      headers: as('2025-05-20T02:00:00Z'),
      body: {
        kind: 'FAIR',
        title: 'Hội chợ sản phẩm OCOP và đặc sản tỉnh Thanh Hóa 2025',
        organiser: { kind: 'PROVINCE', name: 'Sở Công Thương tỉnh Thanh Hóa' },
        place: 'Quảng trường Lam Sơn, thành phố Thanh Hóa',
        capacity: 60,
        capacityUnit: 'BOOTH',
        support: { amountVnd: 5_000_000, coversVi: 'Hỗ trợ chi phí thuê gian hàng tiêu chuẩn' },
        categories: ['OCOP', 'SPECIALTY'],
        startsAt: '2025-09-01T08:00:00+07:00',
        endsAt: '2025-09-05T21:00:00+07:00',
        applicationOpensAt: '2025-05-25T00:00:00+07:00',
        applicationClosesAt: '2025-08-15T00:00:00+07:00',
      },
    });
    expect([fair.status, fair.body.support]).toEqual([201, { amountVnd: 5_000_000, coversVi: 'Hỗ trợ chi phí thuê gian hàng tiêu chuẩn' }]);
    const url = `/api/trade-promotion/events/${fair.body.id}/applications`;
    const at = as('2025-05-26T02:00:00Z');
    const count = async () => Number((await db.query('SELECT count(*)::int AS n FROM trade_promotion.application'))[0].n);
    const before = await count();
    const res = await p.http('POST', url, {
      token: officer,
      headers: at,
      body: { producerId: uncertified.producerId, products: [{ productId: uncertified.productId }] },
    });
    expect([res.status, res.body.code, res.body.field]).toEqual([422, 'PRODUCT_NOT_CERTIFIED', 'products.0.productId']);
    expect(res.body.detail).toMatch(/no OCOP certificate of 3 to 5 stars/);
    const craft = await p.http('POST', url, {
      token: officer,
      headers: at,
      body: { producerId: uncertified.producerId, products: [{ productId: uncertified.productId, category: 'CRAFT_VILLAGE' }] },
    });
    expect([craft.status, craft.body.code, craft.body.field]).toEqual([400, 'CATEGORY_NOT_ALLOWED', 'products.0.category']);
    expect(await count()).toBe(before);
    const specialty = await p.http('POST', url, {
      token: officer,
      headers: at,
      body: { producerId: uncertified.producerId, products: [{ productId: uncertified.productId, category: 'SPECIALTY' }] },
    });
    expect(specialty.status).toBe(201);
    expect(specialty.body.products).toEqual([
      expect.objectContaining({
        productName: 'Chè lam Thọ Xuân',
        category: 'SPECIALTY',
        categoryVi: 'Đặc sản địa phương',
        certificateId: null,
        stars: null,
      }),
    ]);
    const twice = await p.http('POST', url, {
      token: officer,
      headers: at,
      body: { producerId: uncertified.producerId, products: [{ productId: uncertified.productId, category: 'SPECIALTY' }] },
    });
    expect([twice.status, twice.body.code]).toEqual([409, 'ALREADY_EXISTS']);
    expect(await count()).toBe(before + 1);
  });

  it('registers sales points under 950/QĐ-BCT and keeps their shelves to eligible products', async () => {
    const at = as('2025-05-01T02:00:00Z');
    const user = await p.http('POST', '/api/users', {
      token: admin,
      body: {
        username: 'operator.bd',
        password: 'a-long-password-1',
        fullName: 'Bưu điện tỉnh Thanh Hóa',
        role: 'AGENCY_OFFICER',
        provinceCode: DEMO.provinceCode,
        agencyCode: 'BDTH',
      },
    });
    expect(user.status).toBe(201);
    operator = await p.login('operator.bd', 'a-long-password-1');
    const criteria = [
      { code: 'LOCATION', labelVi: 'Vị trí thuận lợi giao thông, đông dân cư, khách du lịch', met: true },
      { code: 'PRODUCTS', labelVi: 'Sản phẩm OCOP đạt từ 3 sao trở lên', met: true },
      { code: 'FACILITIES', labelVi: 'Biển hiệu, quầy kệ theo mẫu của Bộ Công Thương', met: true },
    ];
    const post = await p.http('POST', '/api/trade-promotion/sales-points', {
      token: office,
      headers: at,
      body: {
        name: 'Điểm giới thiệu và bán sản phẩm OCOP Bưu điện thành phố Thanh Hóa',
        locationType: 'POST_OFFICE',
        level: 'DISTRICT',
        districtCode: DEMO.districtCode,
        operatorName: 'Bưu điện tỉnh Thanh Hóa',
        operatorUserId: user.body.id,
        address: '25 Đại lộ Lê Lợi, phường Điện Biên, thành phố Thanh Hóa',
        latitude: 19.8067,
        longitude: 105.7852,
        openedOn: '2023-06-15',
        fundingSource: 'Ngân sách tỉnh (Chương trình OCOP 2023)',
        supportVnd: 150_000_000,
        supportReceivedOn: '2023-07-01',
        upgrade: { upgradedOn: '2023-06-15', fromVi: 'Quầy hàng đặc sản của Bưu điện' },
        criteria,
      },
    });
    expect(post.status).toBe(201);
    expect(post.body).toMatchObject({
      locationTypeVi: 'Bưu cục, điểm bưu điện văn hóa xã',
      obligationEndsOn: '2025-07-01',
      latitude: 19.8067,
      supportVnd: 150_000_000,
    });
    const shop = await p.http('POST', '/api/trade-promotion/sales-points', {
      token: office,
      headers: at,
      body: {
        name: 'Cửa hàng OCOP tỉnh Thanh Hóa',
        locationType: 'TOURISM_HOSPITALITY',
        level: 'PROVINCE',
        operatorName: 'Trung tâm Xúc tiến Thương mại tỉnh',
        address: 'Khu du lịch biển Sầm Sơn',
        openedOn: '2025-04-01',
        criteria,
      },
    });
    expect(shop.status).toBe(201);
    points = [post.body, shop.body];

    const x = toBeRevoked();
    // The operator keeps its own point's shelf; an organiser keeps both; another user is refused.
    for (const [point, token] of [
      [points[0]!, operator],
      [points[1]!, office],
    ] as const) {
      const res = await p.http('POST', `/api/trade-promotion/sales-points/${point.id}/shelf`, {
        token,
        headers: at,
        body: { producerId: x.producerId, productId: x.productId },
      });
      expect([res.status, res.body.shelf.map((i: { productId: string; stars: number }) => [i.productId, i.stars])]).toEqual([
        201,
        [[x.productId, 3]],
      ]);
    }
    const other = producers.find((y) => y !== x)!;
    await p.http('POST', `/api/trade-promotion/sales-points/${points[0]!.id}/shelf`, {
      token: operator,
      headers: at,
      body: { producerId: other.producerId, productId: other.productId },
    });
    const notOperator = await p.http('POST', `/api/trade-promotion/sales-points/${points[1]!.id}/shelf`, {
      token: operator,
      headers: at,
      body: { producerId: other.producerId, productId: other.productId },
    });
    expect([notOperator.status, notOperator.body.code]).toEqual([403, 'NOT_THE_OPERATOR']);
    const uncertifiedAsOcop = await p.http('POST', `/api/trade-promotion/sales-points/${points[0]!.id}/shelf`, {
      token: operator,
      headers: at,
      body: { producerId: uncertified.producerId, productId: uncertified.productId },
    });
    expect([uncertifiedAsOcop.status, uncertifiedAsOcop.body.code, uncertifiedAsOcop.body.field]).toEqual([
      422,
      'PRODUCT_NOT_CERTIFIED',
      'productId',
    ]);
    const asSpecialty = await p.http('POST', `/api/trade-promotion/sales-points/${points[0]!.id}/shelf`, {
      token: operator,
      headers: at,
      body: { producerId: uncertified.producerId, productId: uncertified.productId, category: 'SPECIALTY' },
    });
    expect(asSpecialty.status).toBe(201);
    const twice = await p.http('POST', `/api/trade-promotion/sales-points/${points[0]!.id}/shelf`, {
      token: operator,
      headers: at,
      body: { producerId: other.producerId, productId: other.productId },
    });
    expect([twice.status, twice.body.code]).toEqual([409, 'ALREADY_ON_SHELF']);
    // The public list of points shows OCOP products only.
    const pub = await p.http('GET', `/api/public/sales-points?provinceCode=${DEMO.provinceCode}`);
    const bd = pub.body.find((q: { id: string }) => q.id === points[0]!.id);
    expect(bd.products.map((q: { productName: string }) => q.productName).sort()).toEqual(
      [x.productId, other.productId]
        .map((id) => producers.find((y) => y.productId === id)!)
        .map((y) => `Nem chua Đông Sơn ${producers.indexOf(y) + 1}`)
        .sort(),
    );
  });

  it('reminds a supported point of its operating obligation once per milestone', async () => {
    const run = async (asOf: string) => {
      const res = await p.http('POST', '/api/trade-promotion/jobs/sales-point-reminders/run', { token: admin, body: { asOf } });
      expect(res.status).toBe(200);
      return res.body.result.reminders as number;
    };
    expect(await run('2025-03-01T02:00:00Z')).toBe(0); // 122 days before the end: no milestone yet
    expect(await run('2025-04-05T02:00:00Z')).toBe(1); // the 90-day milestone
    expect(await run('2025-04-06T02:00:00Z')).toBe(0);
    expect(await run('2025-06-02T02:00:00Z')).toBe(1); // the 30-day milestone
    expect(await run('2025-06-02T02:00:00Z')).toBe(0);
    const told = ((await p.http('GET', '/api/trade-promotion/messages', { token: operator })).body as any[]).filter(
      (m) => m.template === 'obligation-reminder',
    );
    expect(told).toHaveLength(2);
    expect(told[0].bodyVi).toContain('có nghĩa vụ duy trì hoạt động đến ngày 01/07/2025 (còn 29 ngày)');
  });

  it('takes a revoked product off the coming livestream: the waiting list moves up, the organiser is told once, replays change nothing', async () => {
    const last = series[5]!;
    const firstWaiting = selections[5]!.find((a) => a.status === 'WAITLISTED')!;
    const revokedProducer = toBeRevoked();
    const certificate = (await p.http('GET', `/api/certification/certificates?productId=${revokedProducer.productId}`, { token: admin }))
      .body[0];
    const revokeAt = plus(last.applicationClosesAt, 2 * DAY); // after the selection, before the livestream
    // The public catalogue before: it lists the product (and the gateway now holds this page).
    const listedBefore = await catalogue(plus(revokeAt, 2 * 3_600_000));
    expect(listedBefore.body.map((c: { certificateCode: string }) => c.certificateCode)).toContain(certificate.code);
    const request = await p.http('POST', '/api/certification/revocations', {
      token: office,
      headers: as(revokeAt),
      body: { certificateId: certificate.id, reasonCode: 'FOOD_SAFETY_VIOLATION', details: 'Kiểm nghiệm mẫu không đạt chỉ tiêu vi sinh' },
    });
    expect(request.status).toBe(201);
    // From 01/07/2025 the province decides on a district's certificates (the district committee is gone).
    const decided = await p.http('POST', `/api/certification/revocations/${request.body.id}/decide`, {
      token: office,
      headers: as(plus(revokeAt, 3_600_000)),
    });
    expect([decided.status, decided.body.status]).toEqual([200, 'REVOKED']);
    await bus.settled('trade-promotion-certificates', 20_000);

    const apps = (await p.http('GET', `/api/trade-promotion/applications?eventId=${last.id}`, { token: office })).body as App[];
    const revoked = apps.find((a) => a.producerId === revokedProducer.producerId)!;
    expect(revoked).toMatchObject({ status: 'WITHDRAWN', products: [{ status: 'WITHDRAWN', withdrawnReason: 'CERTIFICATE_REVOKED' }] });
    expect(apps.find((a) => a.id === firstWaiting.id)).toMatchObject({ status: 'SELECTED' });
    expect(apps.find((a) => a.id === firstWaiting.id)!.reasons.at(-1)!.code).toBe('MOVED_UP');
    // The past livestreams keep what they were.
    const first = (await p.http('GET', `/api/trade-promotion/applications?eventId=${series[0]!.id}`, { token: office })).body as App[];
    expect(first.filter((a) => a.status === 'WITHDRAWN')).toEqual([]);

    const messages = async () =>
      ((await p.http('GET', '/api/trade-promotion/messages', { token: office })).body as any[]).filter(
        (m) => m.template === 'product-withdrawn',
      );
    const told = await messages();
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({
      template: 'product-withdrawn',
      eventId: last.id,
      subjectVi: `Sản phẩm rút khỏi sự kiện “${last.title}”`,
    });
    expect(told[0].bodyVi).toContain(`Giấy chứng nhận số ${certificate.number} bị thu hồi`);

    // Both shelves dropped it; each point's operator was told once (the shop has no operator account: its registrar was).
    for (const point of points) {
      const shelf = (await p.http('GET', `/api/trade-promotion/sales-points/${point.id}`, { token: office })).body.shelf;
      expect(shelf.find((i: { productId: string }) => i.productId === revokedProducer.productId)).toMatchObject({
        status: 'WITHDRAWN',
        withdrawnReason: 'CERTIFICATE_REVOKED',
      });
    }
    const shelfMessages = async (token: string) =>
      ((await p.http('GET', '/api/trade-promotion/messages', { token })).body as any[]).filter(
        (m) => m.template === 'shelf-product-withdrawn',
      );
    expect((await shelfMessages(operator)).map((m) => m.subjectVi)).toEqual([
      'Sản phẩm rút khỏi quầy: Điểm giới thiệu và bán sản phẩm OCOP Bưu điện thành phố Thanh Hóa',
    ]);
    expect((await shelfMessages(office)).map((m) => m.subjectVi)).toEqual(['Sản phẩm rút khỏi quầy: Cửa hàng OCOP tỉnh Thanh Hóa']);

    // The next request to the public catalogue no longer lists it, and lists exactly the province's active certificates.
    await eventually(
      async () => Number((await db.query('SELECT count(*)::int AS n FROM trade_promotion.outbox WHERE published_at IS NULL'))[0].n) === 0,
      10_000,
      "trade promotion's events relayed",
    );
    const registry = ((await p.http('GET', '/api/certification/certificates?limit=500', { token: admin })).body as any[]).filter((c) =>
      ['ACTIVE', 'EXPIRING'].includes(c.status),
    );
    const listed = await eventually(
      async () => {
        const res = await catalogue(plus(revokeAt, 2 * 3_600_000));
        return res.body.some((c: { certificateCode: string }) => c.certificateCode === certificate.code) ? undefined : res.body;
      },
      2_000,
      'the revoked product off the cached catalogue',
    );
    expect(listed.map((c: { certificateCode: string }) => c.certificateCode).sort()).toEqual(registry.map((c) => c.code).sort());
    expect(listed).toHaveLength(10);
    // The producers' district came with the certificates (scoring → certification → trade promotion).
    expect(new Set(listed.map((c: { districtCode: string }) => c.districtCode))).toEqual(new Set([DEMO.districtCode]));
    const page = await p.http('GET', `/showcase?provinceCode=${DEMO.provinceCode}`, { headers: as(plus(revokeAt, DAY)) });
    expect([page.status, String(page.headers['content-type'])]).toEqual([200, 'text/html; charset=utf-8']);
    expect(page.body).toContain('<h1>Sản phẩm OCOP đang được chứng nhận</h1>');
    expect(page.body).not.toContain(`${revokedProducer.name}<`);
    expect(page.body).toContain('Điểm bán: Điểm giới thiệu và bán sản phẩm OCOP Bưu điện thành phố Thanh Hóa');

    // The revocation delivered again (a relay that lost its mark): nothing changes, no second message.
    const [{ envelope }] = await db.query(`SELECT envelope FROM certification.outbox WHERE type = 'certification.certificate-revoked.v1'`);
    await bus.republish(envelope as EventEnvelope);
    await bus.settled('trade-promotion-certificates', 20_000);
    expect(await messages()).toHaveLength(1);
    expect(await shelfMessages(operator)).toHaveLength(1);
    const after = (await p.http('GET', `/api/trade-promotion/applications?eventId=${last.id}`, { token: office })).body as App[];
    expect(after.map((a) => [a.id, a.status])).toEqual(apps.map((a) => [a.id, a.status]));

    // The public list (no login) shows the coming livestream without the revoked product, with the one who moved up.
    const pub = await p.http('GET', `/api/public/promotion-events?provinceCode=${DEMO.provinceCode}`, { headers: as(plus(revokeAt, DAY)) });
    expect(pub.status).toBe(200);
    // The coming livestream (the fair of September has taken place).
    expect(pub.body.map((e: { title: string; participants: unknown[] }) => [e.title, e.participants.length])).toEqual([[last.title, 4]]);
    const names = pub.body[0].participants.map((x: { producerName: string }) => x.producerName);
    expect(names).toHaveLength(4);
    expect(names).not.toContain(revokedProducer.name);
    expect(names).toContain(producers.find((x) => x.producerId === firstWaiting.producerId)!.name);
    expect(pub.body[0].participants[0].products[0]).toMatchObject({
      stars: 3,
      verifyUrl: expect.stringMatching(/^\/verify\/[0-9A-Z]{10}$/),
    });
  }, 60_000);

  it('keeps producers’ sales channels, checked by the office, and counts them for the targets', async () => {
    const at = as('2025-06-20T02:00:00Z');
    // Two producers still certified (which one lost its certificate above depends on the seeded selection).
    const [x, y] = producers.filter((c) => c.producerId !== toBeRevoked().producerId) as [(typeof producers)[0], (typeof producers)[0]];
    const shopee = await p.http('POST', '/api/trade-promotion/sales-channels', {
      token: officer,
      headers: at,
      body: { producerId: x.producerId, kind: 'ECOMMERCE', name: 'Shopee', url: 'https://shopee.vn/nemchuadongson4', since: '2025-01-01' },
    });
    expect([shopee.status, shopee.body.status, shopee.body.kindVi]).toEqual([201, 'DECLARED', 'Sàn thương mại điện tử']);
    const noUrl = await p.http('POST', '/api/trade-promotion/sales-channels', {
      token: officer,
      headers: at,
      body: { producerId: x.producerId, kind: 'ECOMMERCE', name: 'Lazada', since: '2025-01-01' },
    });
    expect([noUrl.status, noUrl.body.code, noUrl.body.field]).toEqual([400, 'URL_REQUIRED', 'url']);
    const winmart = await p.http('POST', '/api/trade-promotion/sales-channels', {
      token: officer,
      headers: at,
      body: { producerId: y.producerId, kind: 'MODERN_RETAIL', name: 'WinMart Thanh Hóa', since: '2024-10-01' },
    });
    const summary = async () => (await p.http('GET', '/api/trade-promotion/sales-channels/summary', { token: office, headers: at })).body;
    // Declared is not counted until the office checks it.
    expect(await summary()).toMatchObject({ ocopProducers: 10, ecommerce: 0, modernRetail: 0, modernRetailOrEcommerceShare: '0.00' });
    for (const c of [shopee.body, winmart.body])
      expect(
        (
          await p.http('POST', `/api/trade-promotion/sales-channels/${c.id}/check`, {
            token: office,
            headers: at,
            body: { accepted: true },
          })
        ).body.status,
      ).toBe('CHECKED');
    expect(await summary()).toMatchObject({
      ocopProducers: 10,
      ecommerce: 1,
      modernRetail: 1,
      modernRetailOrEcommerce: 2,
      modernRetailOrEcommerceShare: '20.00',
    });
    const product = (await catalogue('2025-06-20T02:00:00Z')).body.find((c: { producerName: string }) => c.producerName === x.name);
    expect(product.shops).toEqual([{ name: 'Shopee', url: 'https://shopee.vn/nemchuadongson4' }]);
    // A producer cannot check its own channel.
    expect(
      (await p.http('POST', `/api/trade-promotion/sales-channels/${shopee.body.id}/check`, { token: officer, body: { accepted: true } }))
        .status,
    ).toBe(403);
  });

  it('takes participants’ results, checked for plausibility, with the event’s totals', async () => {
    const e = series[0]!;
    const participant = selections[0]!.find((a) => a.status === 'SELECTED')!;
    const url = `/api/trade-promotion/applications/${participant.id}/results`;
    const after = as(plus(e.startsAt, 2 * DAY));
    const early = await p.http('POST', url, { token: officer, headers: as(plus(e.startsAt, -DAY)), body: { salesVnd: 1, contracts: [] } });
    expect([early.status, early.body.code]).toEqual([409, 'EVENT_NOT_STARTED']);
    const wrongSum = await p.http('POST', url, {
      token: officer,
      headers: after,
      body: {
        salesVnd: 35_000_000,
        contracts: [{ partner: 'Công ty TNHH Minh Phát', valueVnd: 120_000_000 }],
        contractsValueVnd: 100_000_000,
      },
    });
    expect([wrongSum.status, wrongSum.body.code, wrongSum.body.field]).toEqual([400, 'SUMS_DIFFER', 'contractsValueVnd']);
    const negative = await p.http('POST', url, { token: officer, headers: after, body: { salesVnd: -1, contracts: [] } });
    expect([negative.status, negative.body.field]).toEqual([400, 'salesVnd']);
    const tooMany = await p.http('POST', url, {
      token: officer,
      headers: after,
      body: { salesVnd: 0, contracts: [], viewers: 10, orders: 11 },
    });
    expect([tooMany.status, tooMany.body.code]).toEqual([400, 'ORDERS_EXCEED_VIEWERS']);
    const ok = await p.http('POST', url, {
      token: officer,
      headers: after,
      body: {
        salesVnd: 35_000_000,
        contracts: [
          { partner: 'Công ty TNHH Minh Phát', valueVnd: 120_000_000 },
          { partner: 'Siêu thị Co.opmart Thanh Hóa', valueVnd: 80_000_000 },
        ],
        contractsValueVnd: 200_000_000,
        viewers: 12_500,
        orders: 340,
      },
    });
    expect([ok.status, ok.body.revision, ok.body.contractsValueVnd]).toEqual([200, 1, 200_000_000]);
    const notParticipant = selections[0]!.find((a) => a.status === 'WAITLISTED')!;
    const refused = await p.http('POST', `/api/trade-promotion/applications/${notParticipant.id}/results`, {
      token: officer,
      headers: after,
      body: { salesVnd: 1, contracts: [] },
    });
    expect([refused.status, refused.body.code]).toEqual([409, 'NOT_A_PARTICIPANT']);
    const totals = await p.http('GET', `/api/trade-promotion/events/${e.id}/results`, { token: office });
    expect(totals.body).toMatchObject({
      participants: 4,
      reported: 1,
      salesVnd: 35_000_000,
      contracts: 2,
      contractsValueVnd: 200_000_000,
      viewers: 12_500,
      orders: 340,
    });
  });

  it('guards every route by role and scope', async () => {
    const e = series[5]!;
    const x = producers[1]!;
    // A producer account sees its own applications only and applies for itself only.
    const user = await p.http('POST', '/api/users', {
      token: admin,
      body: {
        username: 'producer.xtm',
        password: 'a-long-password-1',
        fullName: x.name,
        role: 'PRODUCER',
        provinceCode: DEMO.provinceCode,
        producerId: x.producerId,
      },
    });
    expect(user.status).toBe(201);
    const producer = await p.login('producer.xtm', 'a-long-password-1');
    const own = (await p.http('GET', '/api/trade-promotion/applications?limit=500', { token: producer })).body as App[];
    expect(own.length).toBe(6);
    expect(new Set(own.map((a) => a.producerId))).toEqual(new Set([x.producerId]));
    const forOther = await p.http('POST', `/api/trade-promotion/events/${e.id}/applications`, {
      token: producer,
      body: { producerId: producers[2]!.producerId, products: [{ productId: producers[2]!.productId }] },
    });
    expect([forOther.status, forOther.body.code, forOther.body.field]).toEqual([403, 'NOT_YOUR_PRODUCER', 'producerId']);
    // Only organisers plan and select; an agency the province did not name is refused.
    const plan = {
      kind: 'FAIR',
      title: 'Hội chợ OCOP tỉnh Thanh Hóa 2025',
      organiser: { kind: 'PROVINCE', name: 'Sở Công Thương tỉnh Thanh Hóa' },
      place: 'Quảng trường Lam Sơn',
      capacity: 60,
      capacityUnit: 'BOOTH',
      startsAt: '2025-09-01T08:00:00+07:00',
      endsAt: '2025-09-05T21:00:00+07:00',
      applicationOpensAt: '2025-07-01T00:00:00+07:00',
      applicationClosesAt: '2025-08-15T00:00:00+07:00',
    };
    const early = as('2025-06-20T00:00:00Z');
    expect((await p.http('POST', '/api/trade-promotion/events', { token: producer, headers: early, body: plan })).status).toBe(403);
    expect((await p.http('POST', '/api/trade-promotion/events', { token: officer, headers: early, body: plan })).status).toBe(403);
    const sct = await p.login('agency.officer');
    const fair = await p.http('POST', '/api/trade-promotion/events', { token: sct, headers: early, body: plan });
    expect([fair.status, fair.body.kindVi, fair.body.categories]).toEqual([201, 'Hội chợ', ['OCOP']]);
    await p.http('POST', '/api/users', {
      token: admin,
      body: {
        username: 'syt.officer',
        password: 'a-long-password-1',
        fullName: 'Sở Y tế',
        role: 'AGENCY_OFFICER',
        provinceCode: DEMO.provinceCode,
        agencyCode: 'SYT',
      },
    });
    const syt = await p.login('syt.officer', 'a-long-password-1');
    const refused = await p.http('POST', '/api/trade-promotion/events', { token: syt, headers: early, body: plan });
    expect([refused.status, refused.body.code]).toEqual([403, 'NOT_AN_ORGANISER']);
    expect((await p.http('POST', `/api/trade-promotion/events/${e.id}/selection`, { token: producer, body: { seed: 'x' } })).status).toBe(
      403,
    );
    expect((await p.http('GET', '/api/trade-promotion/messages', { token: producer })).body).toEqual([]); // its own: none
    expect((await p.http('GET', '/api/trade-promotion/events', { token: await p.login('lab') })).status).toBe(403);
    expect((await p.http('GET', '/api/trade-promotion/events')).status).toBe(401);
    // Incoherent plans name their field; nothing is stored.
    const before = Number((await db.query('SELECT count(*)::int AS n FROM trade_promotion.promotion_event'))[0].n);
    const bad: [Record<string, unknown>, number, string, string][] = [
      [{ ...plan, kind: 'LIVESTREAM' }, 400, 'CHANNEL_REQUIRED', 'channel'],
      [{ ...plan, endsAt: '2025-08-31T08:00:00+07:00' }, 400, 'EVENT_ENDS_BEFORE_START', 'endsAt'],
      [{ ...plan, applicationClosesAt: '2025-09-02T00:00:00+07:00' }, 400, 'APPLICATION_WINDOW_AFTER_START', 'applicationClosesAt'],
      [{ ...plan, startsAt: '2025-06-01T08:00:00+07:00' }, 400, 'EVENT_IN_PAST', 'startsAt'],
      [{ ...plan, capacity: 0 }, 400, 'VALIDATION_FAILED', 'capacity'],
      [{ ...plan, channel: { platform: 'TikTok', url: 'http://tiktok.com/x' } }, 400, 'VALIDATION_FAILED', 'channel.url'],
    ];
    for (const [body, status, code, field] of bad) {
      const res = await p.http('POST', '/api/trade-promotion/events', { token: office, headers: early, body });
      expect([res.status, res.body.code, res.body.field]).toEqual([status, code, field]);
    }
    expect(Number((await db.query('SELECT count(*)::int AS n FROM trade_promotion.promotion_event'))[0].n)).toBe(before);
    // Another commune's officer does not see these producers' applications.
    const communes = (await p.http('GET', `/api/units?level=COMMUNE&parentCode=${DEMO.districtCode}`, { token: admin })).body as {
      code: string;
    }[];
    const otherCode = communes.find((u) => u.code !== DEMO.communeCode)!.code;
    const created = await p.http('POST', '/api/users', {
      token: admin,
      body: {
        username: 'commune.other',
        password: 'a-long-password-1',
        fullName: 'Cán bộ xã khác',
        role: 'COMMUNE_OFFICER',
        provinceCode: DEMO.provinceCode,
        districtCode: DEMO.districtCode,
        communeCode: otherCode,
      },
    });
    expect(created.status).toBe(201);
    const otherCommune = await p.login('commune.other', 'a-long-password-1');
    expect((await p.http('GET', '/api/trade-promotion/applications', { token: otherCommune })).body).toEqual([]);
    const withdraw = await p.http('POST', `/api/trade-promotion/applications/${own[0]!.id}/withdraw`, {
      token: otherCommune,
      body: { reason: 'Không tham gia' },
    });
    expect([withdraw.status, withdraw.body.code]).toEqual([404, 'APPLICATION_NOT_FOUND']);
  });
});
