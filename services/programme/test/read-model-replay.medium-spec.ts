import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import {
  CertificationEvents as C,
  InspectionEvents,
  RegistrationEvents as R,
  ScoringEvents,
  TradePromotionEvents,
  TrainingEvents,
  type CertificateIssuedData,
  type EventEnvelope,
} from '@ocop/contracts';
import { resetReadModels } from '@ocop/service-kit';
import { createTestEnv, type TestEnv } from '@ocop/testing';
import { TestBus } from '../../../test/support/bus';
import { loadToolConfig } from '../../../tools/config';
import { createProgrammeApp } from '../src/programme.app';
import { loadProgrammeConfig } from '../src/config/programme.config';
import { PROGRAMME_READ_MODELS } from '../src/database/read-models';

const PROVINCE = '38';

/** A certificate-issued event's data for a product of a producer, in a district. */
const issued = (
  o: Partial<CertificateIssuedData> & Pick<CertificateIssuedData, 'productId' | 'producerId' | 'stars' | 'issuedAt'>,
): CertificateIssuedData => ({
  certificateId: randomUUID(),
  number: `38-${Math.floor(Math.random() * 1e6)}/GCN-OCOP`,
  code: randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase(),
  dossierId: randomUUID(),
  provinceCode: PROVINCE,
  authorityUnitCode: PROVINCE,
  evaluationId: randomUUID(),
  productName: 'Nem chua Thanh Hóa',
  producerName: 'Hợp tác xã Nem chua Hạc Thành',
  productSetCode: '08',
  tier: 'PROVINCE',
  decisionId: randomUUID(),
  decisionReference: '123/QĐ-UBND',
  validFrom: o.issuedAt,
  validTo: new Date(Date.parse(o.issuedAt) + 3 * 365 * 86_400_000).toISOString(),
  supersedes: null,
  producerDistrictCode: '380',
  ...o,
});

/**
 * The programme's read models rebuilt from a replay of the event stream equal the live ones: the same events applied
 * live, in two rounds with redeliveries, then — the service stopped, its read models emptied and its durables deleted
 * (`resetReadModels`, what `npm run read-models:reset` runs) — replayed from the stream's first event by a new process.
 * The rewards, the programme's own records, are kept and not made due twice.
 */
describe('programme read models: a replay equals the live run', () => {
  let env: TestEnv;
  let bus: TestBus;
  let nc: NatsConnection;
  let ds: DataSource;
  let app: NestFastifyApplication | undefined;

  const start = async () => {
    app = await createProgrammeApp({
      ...loadProgrammeConfig({
        OCOP_MODE: 'test',
        DATABASE_URL: env.databaseUrl,
        NATS_URL: env.natsUrl,
        REDIS_URL: env.redisUrl,
        REDIS_PREFIX: env.redisPrefix,
        OCOP_SUBJECT_PREFIX: env.prefix,
        OCOP_STREAM: env.stream,
        LOG_LEVEL: loadToolConfig().testLogLevel,
      }),
      relayPollIntervalMs: 200,
      consumerBackoffMs: [100, 200, 400],
    });
    await app.init();
  };
  const settled = async () => {
    await bus.settled('programme-certificates', 20_000);
    await bus.settled('programme-facts', 20_000);
  };
  const tables = [...PROGRAMME_READ_MODELS.tables, 'reward'];
  const snapshot = async (): Promise<Record<string, string[]>> => {
    const out: Record<string, string[]> = {};
    for (const t of tables)
      out[t] = ((await ds.query(`SELECT row_to_json(x)::text AS row FROM programme.${t} x ORDER BY 1`)) as { row: string }[]).map(
        (r) => r.row,
      );
    return out;
  };

  beforeAll(async () => {
    env = await createTestEnv();
    bus = await TestBus.connect(env);
    nc = await connect({ servers: env.natsUrl });
    ds = await new DataSource({ type: 'postgres', url: env.databaseUrl }).initialize();
    await start();
    // The office's reward policy (its own record, entered before): 3★ and 5★ products' first certificates.
    await ds.query(
      `INSERT INTO programme.support_policy (id, title, resolution, level, unit_code, province_code, kind, funding_source, valid_from,
                                             counterpart_percent, rewards, counting_rule, items, created_by, created_at)
       VALUES ($1, 'Thưởng (ví dụ)', 'Nghị quyết ví dụ', 'PROVINCE', $2, $2, 'REWARD', 'PROVINCE_BUDGET', '2024-01-01', 0,
               '[{"stars":3,"amountVnd":10000000},{"stars":5,"amountVnd":30000000}]', 'FIRST_CERTIFICATION', '[]', $1, now())`,
      [randomUUID(), PROVINCE],
    );
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await ds?.destroy();
    await nc?.close();
    await bus?.close();
    await env?.cleanup();
  });

  it('rebuilds the certificates, copies and facts exactly, and keeps the rewards', async () => {
    const producers = [randomUUID(), randomUUID()];
    const products = [randomUUID(), randomUUID(), randomUUID()];
    const sent: EventEnvelope[] = [];
    const send = async (source: string, type: string, data: unknown) =>
      sent.push((await bus.publish(source, type, data)).envelope as EventEnvelope);

    // Round one, live: producers, products, three certificates, a sales point, a class and its people, a forward.
    for (const [i, id] of producers.entries())
      await send('ocop/registration', R.producerRegistered, {
        producerId: id,
        name: `Hợp tác xã ${i}`,
        type: 'COOPERATIVE',
        communeCode: '14878',
        provinceCode: PROVINCE,
      });
    for (const [i, id] of products.entries())
      await send('ocop/registration', R.productRegistered, {
        productId: id,
        producerId: producers[i % 2],
        name: `Sản phẩm ${i}`,
        productSetCode: '08',
      });
    const a = issued({ productId: products[0]!, producerId: producers[0]!, stars: 3, issuedAt: '2024-03-10T03:00:00.000Z' });
    const b = issued({
      productId: products[1]!,
      producerId: producers[1]!,
      stars: 5,
      issuedAt: '2024-05-10T03:00:00.000Z',
      producerDistrictCode: '395',
    });
    const c = issued({ productId: products[2]!, producerId: producers[0]!, stars: 4, issuedAt: '2024-06-10T03:00:00.000Z' });
    for (const x of [a, b, c]) await send('ocop/certification', C.certificateIssued, x);
    const classId = randomUUID();
    await send('ocop/trade-promotion', TradePromotionEvents.salesPointRegistered, {
      salesPointId: randomUUID(),
      provinceCode: PROVINCE,
      level: 'PROVINCE',
      locationType: 'MARKET',
      districtCode: '380',
      openedOn: '2024-08-01',
      upgraded: false,
    });
    await send('ocop/training', TrainingEvents.classScheduled, {
      classId,
      courseId: randomUUID(),
      provinceCode: PROVINCE,
      districtCode: '395',
      targetGroup: 'PRODUCERS',
      startsOn: '2024-09-10',
      endsOn: '2024-09-12',
      capacity: 40,
    });
    await send('ocop/scoring', ScoringEvents.evaluationCompleted, {
      dossierId: randomUUID(),
      dossierCode: 'HS-2024-0009',
      evaluationId: randomUUID(),
      productId: products[1],
      producerId: producers[1],
      tier: 'PROVINCE',
      unitCode: PROVINCE,
      provinceCode: PROVINCE,
      sessionId: randomUUID(),
      councilId: randomUUID(),
      legalVersion: 'QD148_2025',
      catalogueCode: '148',
      catalogueRevision: 1,
      sheetCount: 7,
      sumHundredths: 63000,
      mean: '90.00',
      band: 5,
      rank: 5,
      capReasons: [],
      outcome: 'FORWARD',
      stars: 4,
      certifyingTier: 'PROVINCE',
      authorityUnitCode: PROVINCE,
      nextTier: 'CENTRAL',
      productName: 'Sản phẩm 1',
      producerName: 'Hợp tác xã 1',
      productSetCode: '08',
      dossierKind: 'NEW',
      completedAt: '2024-09-20T09:00:00.000Z',
    });
    const channel = {
      channelId: randomUUID(),
      producerId: producers[0],
      provinceCode: PROVINCE,
      districtCode: '380',
      kind: 'MODERN_RETAIL',
      status: 'DECLARED',
      since: '2024-07-01',
      endedOn: null,
      at: '2024-07-02T03:00:00.000Z',
    };
    await send('ocop/trade-promotion', TradePromotionEvents.salesChannelChanged, channel);
    await settled();

    // Round two, live: the 3★ re-evaluated (a new certificate supersedes it), the 4★ expiring, the 5★ revoked before its
    // reward is paid; the class completed and its person (delivered twice); redeliveries of round one.
    const a2 = issued({
      productId: products[0]!,
      producerId: producers[0]!,
      stars: 3,
      issuedAt: '2024-10-01T03:00:00.000Z',
      supersedes: a.certificateId,
    });
    await send('ocop/certification', C.certificateIssued, a2);
    await send('ocop/certification', C.certificateSuperseded, {
      certificateId: a.certificateId,
      number: a.number,
      code: a.code,
      dossierId: a.dossierId,
      productId: a.productId,
      producerId: a.producerId,
      provinceCode: PROVINCE,
      authorityUnitCode: PROVINCE,
      supersededBy: a2.certificateId,
      supersededByNumber: a2.number,
      at: '2024-10-01T03:00:00.000Z',
    });
    await send('ocop/certification', C.certificateExpiring, {
      certificateId: c.certificateId,
      number: c.number,
      code: c.code,
      dossierId: c.dossierId,
      productId: c.productId,
      producerId: c.producerId,
      provinceCode: PROVINCE,
      authorityUnitCode: PROVINCE,
      validTo: c.validTo,
      milestoneDays: 90,
      productName: c.productName,
      at: '2024-11-01T00:00:00.000Z',
    });
    await send('ocop/certification', C.certificateRevoked, {
      certificateId: b.certificateId,
      number: b.number,
      code: b.code,
      dossierId: b.dossierId,
      productId: b.productId,
      producerId: b.producerId,
      provinceCode: PROVINCE,
      authorityUnitCode: PROVINCE,
      revocationId: randomUUID(),
      source: 'OFFICE',
      reasonCode: 'QUALITY_VIOLATION',
      decisionId: randomUUID(),
      decisionReference: '88/QĐ-UBND',
      originalDecisionReference: b.decisionReference,
      revokedAt: '2024-11-15T03:00:00.000Z',
      returnDeadline: '2024-11-30T03:00:00.000Z',
    });
    await send('ocop/training', TrainingEvents.classStatusChanged, {
      classId,
      provinceCode: PROVINCE,
      status: 'COMPLETED',
      at: '2024-09-12T10:00:00.000Z',
    });
    const person = {
      enrolmentId: randomUUID(),
      classId,
      provinceCode: PROVINCE,
      targetGroup: 'PRODUCERS',
      userId: null,
      producerId: producers[0],
      outcome: 'COMPLETED',
      daysAttended: 3,
      at: '2024-09-12T10:00:00.000Z',
    };
    await send('ocop/training', TrainingEvents.enrolmentCompleted, person);
    await send('ocop/training', TrainingEvents.enrolmentCompleted, person);
    await send('ocop/trade-promotion', TradePromotionEvents.salesChannelChanged, {
      ...channel,
      status: 'CHECKED',
      at: '2024-07-20T03:00:00.000Z',
    });
    const taskId = randomUUID();
    await send('ocop/inspection', InspectionEvents.taskCompleted, {
      taskId,
      campaignId: randomUUID(),
      certificateId: c.certificateId,
      findings: [],
    });
    await send('ocop/inspection', InspectionEvents.violationRecorded, {
      violationId: randomUUID(),
      taskId,
      certificateId: c.certificateId,
      severity: 'MINOR',
    });
    for (const e of sent.slice(0, 6)) await bus.republish(e);
    await settled();

    const live = await snapshot();
    // The live run is not trivial: every table has rows, and the statuses moved.
    expect(Object.fromEntries(tables.map((t) => [t, live[t]!.length]))).toEqual({
      certificate: 4,
      producer_copy: 2,
      product_copy: 3,
      class_copy: 1,
      channel_copy: 1,
      fact: 6,
      inspection_fact: 2,
      reward: 2,
    });
    const statuses = live.certificate!.map((r) => (JSON.parse(r) as { status: string }).status).sort();
    expect(statuses).toEqual(['ACTIVE', 'EXPIRING', 'REVOKED', 'SUPERSEDED']);
    expect(live.reward!.map((r) => (JSON.parse(r) as { status: string }).status).sort()).toEqual(['ELIGIBLE', 'STOPPED']);
    expect(JSON.parse(live.channel_copy![0]!)).toMatchObject({ status: 'CHECKED' });

    // The rebuild: stopped, emptied, durables deleted; a new process replays the stream.
    await app!.close();
    app = undefined;
    const { inboxRows } = await resetReadModels(ds, nc, env.stream, PROGRAMME_READ_MODELS);
    expect(inboxRows).toBeGreaterThanOrEqual(sent.length - 1);
    expect((await snapshot()).certificate).toEqual([]);
    await start();
    await settled();
    expect(await snapshot()).toEqual(live);
  }, 120_000);

  it('refuses to reset while a process pulls from the durables', async () => {
    await expect(resetReadModels(ds, nc, env.stream, PROGRAMME_READ_MODELS)).rejects.toThrow(/stop every programme process first/);
    expect((await ds.query(`SELECT count(*)::int AS n FROM programme.certificate`))[0].n).toBe(4);
  });
});
