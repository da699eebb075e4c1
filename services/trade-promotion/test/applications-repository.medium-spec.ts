import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createServiceDataSource } from '@ocop/persistence';
import { createTestEnv, type TestEnv } from '@ocop/testing';
import { TRADE_PROMOTION_DATABASE } from '../src/database/trade-promotion.database';
import { ApplicationsRepository } from '../src/applications/applications.repository';
import { Application } from '../src/applications/application.entity';
import { ApplicationProduct } from '../src/applications/application-product.entity';
import { PromotionEvent } from '../src/events/promotion-event.entity';
import { PromotionEventsRepository } from '../src/events/promotion-events.repository';
import { CertificatesRepository } from '../src/certificates/certificates.repository';

const at = (iso: string) => new Date(iso);

/** Trade promotion's repositories against PostgreSQL: scopes, the fairness count, what a certificate's end reaches. */
describe('trade promotion repositories', () => {
  let env: TestEnv;
  let ds: DataSource;
  let repo: ApplicationsRepository;
  let events: PromotionEventsRepository;
  let certificates: CertificatesRepository;

  const event = (o: Partial<PromotionEvent>): PromotionEvent =>
    Object.assign(new PromotionEvent(), {
      id: randomUUID(),
      seriesId: null,
      seriesIndex: null,
      provinceCode: '38',
      kind: 'LIVESTREAM',
      title: 'Chợ Phiên OCOP',
      organiserKind: 'PROVINCE',
      organiserName: 'Sở Công Thương tỉnh Thanh Hóa',
      place: null,
      channelPlatform: 'Facebook Live',
      channelUrl: 'https://www.facebook.com/ocop',
      startsAt: at('2031-03-10T12:00:00Z'),
      endsAt: at('2031-03-10T15:00:00Z'),
      applicationOpensAt: at('2031-02-01T00:00:00Z'),
      applicationClosesAt: at('2031-03-01T00:00:00Z'),
      capacity: 4,
      capacityUnit: 'SLOT',
      supportAmountVnd: null,
      supportCoversVi: null,
      categories: ['OCOP'],
      fairness: 'FEWEST_SLOTS_FIRST',
      status: 'SELECTED',
      seed: 's',
      selectedAt: at('2031-03-01T01:00:00Z'),
      createdById: randomUUID(),
      createdBy: 'office',
      createdAt: at('2031-01-01T00:00:00Z'),
      ...o,
    });
  const application = (e: PromotionEvent, o: Partial<Application>, certificateId: string | null = randomUUID()) => {
    const a = Object.assign(new Application(), {
      id: randomUUID(),
      eventId: e.id,
      producerId: randomUUID(),
      producerName: 'HTX Đông Sơn',
      provinceCode: e.provinceCode,
      districtCode: '380',
      communeCode: '14801',
      status: 'SELECTED',
      position: 1,
      reasons: [],
      appliedById: randomUUID(),
      appliedBy: 'commune.officer',
      appliedAt: at('2031-02-02T00:00:00Z'),
      decidedAt: null,
      confirmedAt: null,
      withdrawnAt: null,
      withdrawnReason: null,
      withdrawnCause: null,
      ...o,
    });
    const p = Object.assign(new ApplicationProduct(), {
      applicationId: a.id,
      productId: randomUUID(),
      productName: 'Nem chua',
      category: certificateId ? 'OCOP' : 'SPECIALTY',
      certificateId,
      certificateCode: certificateId ? 'QXJ4K7P2MA' : null,
      stars: certificateId ? 4 : null,
      status: 'ACTIVE',
      withdrawnReason: null,
      withdrawnAt: null,
    });
    return { a, p };
  };
  const store = async (e: PromotionEvent, ...apps: { a: Application; p: ApplicationProduct }[]) => {
    await ds.transaction(async (tx) => {
      await events.insertEvents(tx, [e]);
      for (const x of apps) await repo.insert(tx, x.a, [x.p]);
    });
  };

  beforeAll(async () => {
    env = await createTestEnv();
    ds = await createServiceDataSource({
      ...TRADE_PROMOTION_DATABASE,
      url: env.databaseUrl,
      applicationName: 'tp-medium-test',
      poolSize: 4,
    }).initialize();
    repo = new ApplicationsRepository(ds);
    events = new PromotionEventsRepository(ds);
    certificates = new CertificatesRepository(ds);
  });

  afterAll(async () => {
    await ds?.destroy();
    await env?.cleanup();
  });

  it('reads an application only inside the scope: province, district, commune, producer', async () => {
    const e = event({});
    const x = application(e, {});
    const other = application(e, { districtCode: '381', communeCode: '15000' });
    await store(e, x, other);
    expect((await repo.get({ kind: 'province', provinceCode: '38' }, x.a.id))?.products.map((p) => p.productName)).toEqual(['Nem chua']);
    expect(await repo.get({ kind: 'province', provinceCode: '40' }, x.a.id)).toBeNull();
    expect(await repo.get({ kind: 'district', provinceCode: '38', districtCode: '381' }, x.a.id)).toBeNull();
    expect(await repo.get({ kind: 'commune', provinceCode: '38', communeCode: '14801' }, x.a.id)).not.toBeNull();
    expect(await repo.get({ kind: 'producer', producerId: x.a.producerId }, other.a.id)).toBeNull();
    const listed = await repo.list({ kind: 'district', provinceCode: '38', districtCode: '381' }, { eventId: e.id });
    expect(listed.map((a) => a.id)).toEqual([other.a.id]);
    // The event's counts: both hold a slot.
    expect(await events.get(e.id)).toMatchObject({ participants: 2, waitlisted: 0 });
  });

  it("counts a producer's slots in the province's other events of the year only", async () => {
    const producerId = randomUUID();
    const inYear = event({ startsAt: at('2032-05-10T12:00:00Z'), endsAt: at('2032-05-10T15:00:00Z') });
    const nextYear = event({
      startsAt: at('2033-01-10T12:00:00Z'),
      endsAt: at('2033-01-10T15:00:00Z'),
      applicationOpensAt: at('2032-12-01T00:00:00Z'),
      applicationClosesAt: at('2033-01-01T00:00:00Z'),
    });
    const elsewhere = event({ provinceCode: '40', startsAt: at('2032-06-10T12:00:00Z'), endsAt: at('2032-06-10T15:00:00Z') });
    const current = event({ startsAt: at('2032-07-10T12:00:00Z'), endsAt: at('2032-07-10T15:00:00Z') });
    await store(inYear, application(inYear, { producerId }));
    await store(nextYear, application(nextYear, { producerId }));
    await store(elsewhere, application(elsewhere, { producerId, provinceCode: '40' }));
    await store(current, application(current, { producerId, status: 'APPLIED', position: null }));
    const withdrawn = event({ startsAt: at('2032-08-10T12:00:00Z'), endsAt: at('2032-08-10T15:00:00Z') });
    await store(withdrawn, application(withdrawn, { producerId, status: 'WITHDRAWN' }));
    // 2032 in Vietnam: from 31/12/2031 17:00Z.
    const slots = await repo.slotsThisYear(
      ds.manager,
      '38',
      [producerId],
      at('2031-12-31T17:00:00Z'),
      at('2032-12-31T17:00:00Z'),
      current.id,
    );
    expect(slots.get(producerId)).toBe(1);
  });

  it("finds a certificate's active products on events not yet begun, and carries a new certificate over", async () => {
    const certificateId = randomUUID();
    const past = event({ startsAt: at('2034-01-10T12:00:00Z'), endsAt: at('2034-01-10T15:00:00Z') });
    const coming = event({ startsAt: at('2034-03-10T12:00:00Z'), endsAt: at('2034-03-10T15:00:00Z') });
    const cancelled = event({ startsAt: at('2034-03-11T12:00:00Z'), endsAt: at('2034-03-11T15:00:00Z'), status: 'CANCELLED' });
    const onPast = application(past, {}, certificateId);
    const onComing = application(coming, {}, certificateId);
    const gone = application(coming, { status: 'WITHDRAWN' }, certificateId);
    await store(past, onPast);
    await store(coming, onComing, gone);
    await store(cancelled, application(cancelled, {}, certificateId));
    const found = await repo.onUpcomingEvents(ds.manager, certificateId, at('2034-02-01T00:00:00Z'));
    expect(found).toEqual([
      { applicationId: onComing.a.id, productId: onComing.p.productId, eventId: coming.id, producerId: onComing.a.producerId },
    ]);

    const next = randomUUID();
    await ds.transaction((tx) => repo.carryOverCertificate(tx, certificateId, { certificateId: next, code: 'NEWC0DE5XY', stars: 5 }));
    expect((await repo.get({ kind: 'all' }, onComing.a.id))!.products[0]).toMatchObject({
      certificateId: next,
      certificateCode: 'NEWC0DE5XY',
      stars: 5,
    });
    expect(await repo.onUpcomingEvents(ds.manager, certificateId, at('2034-02-01T00:00:00Z'))).toEqual([]);
  });

  it('says which of a producer’s products are OCOP at an instant, and never undoes a final status', async () => {
    const producerId = randomUUID();
    const cert = (productId: string, o: { stars?: number; from?: string; to?: string } = {}) => ({
      certificateId: randomUUID(),
      number: '380-2031-0001/GCN-OCOP',
      code: 'QXJ4K7P2MA',
      productId,
      productName: 'Nem chua',
      productSetCode: '08',
      producerId,
      producerName: 'HTX Đông Sơn',
      producerDistrictCode: '380',
      productGroup: 'FOOD',
      provinceCode: '38',
      authorityUnitCode: '380',
      stars: o.stars ?? 3,
      validFrom: at(o.from ?? '2031-01-01T00:00:00Z'),
      validTo: at(o.to ?? '2034-01-01T00:00:00Z'),
    });
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    const ca = cert(a, { stars: 4 });
    const cb = cert(b);
    const cc = cert(c, { from: '2033-01-01T00:00:00Z', to: '2036-01-01T00:00:00Z' });
    await ds.transaction(async (tx) => {
      for (const x of [ca, cb, cc]) await certificates.addIfAbsent(tx, x, x.validFrom);
      await certificates.addIfAbsent(tx, { ...ca, stars: 5 }, ca.validFrom); // a redelivery changes nothing
      await certificates.setStatus(tx, cb.certificateId, 'REVOKED', at('2032-01-01T00:00:00Z'));
      expect(await certificates.setStatus(tx, cb.certificateId, 'EXPIRING', at('2032-02-01T00:00:00Z'))).toBe(false);
    });
    const valid = await certificates.validByProduct(ds.manager, producerId, [a, b, c], at('2032-06-01T00:00:00Z'));
    expect([...valid.keys()]).toEqual([a]);
    expect(valid.get(a)!.stars).toBe(4);
    expect((await certificates.validByProduct(ds.manager, randomUUID(), [a], at('2032-06-01T00:00:00Z'))).size).toBe(0);
  });
});
