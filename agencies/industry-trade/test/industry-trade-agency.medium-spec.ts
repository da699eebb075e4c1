import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamManager, type StoredMsg } from '@nats-io/jetstream';
import {
  AgencyConnection,
  stableEventId,
  type EventEnvelope,
  type MarketSurveillanceReportedData,
  type SalesPointRegisteredData,
} from '@ocop/agency-sdk';
import { ensureEventStream } from '@ocop/messaging';
import { createTestEnv, eventually, type TestEnv } from '@ocop/testing';
import { loadIndustryTradeAgencyConfig } from '../src/config/industry-trade-agency.config';
import { createIndustryTradeAgencyApp } from '../src/industry-trade-agency.app';

// The per-project testTimeout in jest.config.cjs is not applied by jest-circus (it reads only the global one).
jest.setTimeout(60_000);

/**
 * The Industry and Trade agency's service as `npm start` runs it (its own config, its module, the SDK, its HTTP API on a
 * free port), on the real NATS with a stream of its own: what its officers file reaches the stream once.
 */
describe('agencies/industry-trade (Sở Công Thương) over HTTP and the bus', () => {
  let env: TestEnv;
  let platform: NatsConnection;
  let jsm: JetStreamManager;
  let app: NestFastifyApplication;
  let url: string;
  let reportsSubject: string;

  const post = (body: unknown, contentType = 'application/json') =>
    fetch(`${url}/market-surveillance-reports`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  /** Every message the stream holds on the agency's report subject. */
  async function reportsInStream(): Promise<StoredMsg[]> {
    const { state } = await jsm.streams.info(env.stream);
    const found: StoredMsg[] = [];
    for (let seq = state.first_seq; state.messages > 0 && seq <= state.last_seq; seq++) {
      const m = await jsm.streams.getMessage(env.stream, { seq }).catch(() => null);
      if (m?.subject === reportsSubject) found.push(m);
    }
    return found;
  }
  const reportsOf = async (reportId: string) =>
    (await reportsInStream()).filter((m) => m.json<EventEnvelope<MarketSurveillanceReportedData>>().data.reportId === reportId);

  const report = (over: Record<string, unknown> = {}): Record<string, unknown> & { reportId: string; details: string } => ({
    reportId: `${Math.floor(Math.random() * 9000) + 1000}/BB-QLTT`,
    certificateCode: '7K3M9Q2XHP',
    details: 'Đội Quản lý thị trường số 3 phát hiện sản phẩm mang nhãn OCOP 4 sao bày bán khi đã hết hạn sử dụng.',
    reportedAt: '2026-03-01T09:30:00+07:00',
    ...over,
  });

  beforeAll(async () => {
    env = await createTestEnv();
    reportsSubject = `${env.prefix}.agency.SCT.events.market-surveillance-reported.v1`;
    platform = await connect({ servers: env.natsUrl });
    await ensureEventStream(platform, { name: env.stream, prefix: env.prefix });
    jsm = await jetstreamManager(platform);
    app = await createIndustryTradeAgencyApp(
      loadIndustryTradeAgencyConfig({
        OCOP_MODE: 'test',
        NATS_URL: env.natsUrl,
        OCOP_SUBJECT_PREFIX: env.prefix,
        OCOP_STREAM: env.stream,
        HTTP_PORT: '0',
        LOG_LEVEL: process.env.TEST_LOG_LEVEL ? 'debug' : 'silent',
      }),
    );
    await app.listen({ port: 0, host: '127.0.0.1' });
    url = await app.getUrl();
  });

  afterAll(async () => {
    await app?.close();
    await platform?.drain();
    await env?.cleanup();
  });

  it('is ready once its consumer runs', async () => {
    const res = await fetch(`${url}/health/ready`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: 'ok',
      ready: true,
      nats: 'up',
      consumers: { 'agency-SCT-trade-promotion_sales-point-registered_v1': { state: 'running' } },
    });
  });

  it('publishes a filed report once on the agency’s subject, with an id derived from the report id', async () => {
    const body = report();
    const res = await post(body);
    expect(res.status).toBe(202);
    const eventId = stableEventId('SCT', body.reportId);
    expect(await res.json()).toEqual({ reportId: body.reportId, eventId, duplicate: false });
    const [stored, ...more] = await reportsOf(body.reportId);
    expect(more).toHaveLength(0);
    expect(stored!.subject).toBe(reportsSubject);
    expect(stored!.header.get('Nats-Msg-Id')).toBe(eventId);
    expect(stored!.json()).toMatchObject({
      specversion: '1.0',
      id: eventId,
      source: 'agency/SCT',
      type: 'agency.market-surveillance-reported.v1',
      time: '2026-03-01T02:30:00.000Z',
      subject: '7K3M9Q2XHP',
      data: {
        reportId: body.reportId,
        certificateCode: '7K3M9Q2XHP',
        details: body.details,
        reportedAt: '2026-03-01T02:30:00.000Z',
      },
    });
    expect(stored!.json<EventEnvelope<MarketSurveillanceReportedData>>().data).not.toHaveProperty('agencyCode');
  });

  it('a report filed again is a duplicate: one message in the stream', async () => {
    const body = report({ certificateCode: undefined, certificateId: randomUUID() });
    const first = await post(body);
    expect(first.status).toBe(202);
    const again = await post({ ...body, details: 'Nộp lại báo cáo (trùng).' });
    expect(again.status).toBe(202);
    const eventId = stableEventId('SCT', body.reportId);
    expect(await again.json()).toEqual({ reportId: body.reportId, eventId, duplicate: true });
    const stored = await reportsOf(body.reportId);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.json()).toMatchObject({ data: { certificateId: body.certificateId, details: body.details } });
  });

  it.each([
    ['no reportId', report({ reportId: undefined }), 'reportId'],
    ['no certificate', report({ certificateCode: undefined }), 'certificateCode'],
    ['both certificate fields', report({ certificateId: randomUUID() }), 'certificateId'],
    ['a certificate id that is no UUID', report({ certificateCode: undefined, certificateId: '42' }), 'certificateId'],
    ['blank details', report({ details: '   ' }), 'details'],
    ['a date without its offset', report({ reportedAt: '2026-03-01T09:30:00' }), 'reportedAt'],
    ['an unknown field', report({ agencyCode: 'SYT' }), 'agencyCode'],
  ])('refuses %s with 400 problem+json naming the field, and publishes nothing', async (_what, body, field) => {
    const before = (await reportsInStream()).length;
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(await res.json()).toMatchObject({
      type: 'urn:ocop:problem:validation_failed',
      title: 'VALIDATION_FAILED',
      status: 400,
      code: 'VALIDATION_FAILED',
      field,
      instance: '/market-surveillance-reports',
      detail: expect.any(String),
    });
    expect(await reportsInStream()).toHaveLength(before);
  });

  it('refuses a body that is malformed, empty, too large or not JSON at all, and an unknown route, as problem+json', async () => {
    const malformed = await post('{"reportId": ');
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(await malformed.json()).toMatchObject({ code: 'MALFORMED_JSON', field: 'body' });
    const empty = await post('');
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ code: 'MALFORMED_JSON', field: 'body' });
    const large = await post(report({ details: 'x'.repeat(70_000) }));
    expect(large.status).toBe(413);
    expect(await large.json()).toMatchObject({ code: 'BODY_TOO_LARGE', field: 'body' });
    const text = await post('reportId=1', 'text/plain');
    expect(text.status).toBe(415);
    expect(await text.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', field: 'body' });
    const nowhere = await fetch(`${url}/nowhere`);
    expect(nowhere.status).toBe(404);
    expect(await nowhere.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
  });

  it('schedules its check of each sales point registered, once, and lists it', async () => {
    const data: SalesPointRegisteredData = {
      salesPointId: randomUUID(),
      provinceCode: '38',
      level: 'PROVINCE',
      locationType: 'TRANSPORT_HUB',
      districtCode: null,
      openedOn: '2026-02-20',
      upgraded: true,
    };
    const event: EventEnvelope<SalesPointRegisteredData> = {
      specversion: '1.0',
      id: randomUUID(),
      source: 'ocop/trade-promotion',
      type: 'trade-promotion.sales-point-registered.v1',
      subject: data.salesPointId,
      time: '2026-03-02T01:00:00.000Z',
      datacontenttype: 'application/json',
      correlationid: randomUUID(),
      data,
    };
    const js = jetstream(platform);
    const subject = `${env.prefix}.events.${event.type}`;
    await js.publish(subject, JSON.stringify(event), { msgID: event.id });
    const again = await js.publish(subject, JSON.stringify(event), { msgID: `${event.id}:again` });
    await eventually(
      async () => {
        const info = await jsm.consumers.info(env.stream, 'agency-SCT-trade-promotion_sales-point-registered_v1');
        return info.ack_floor.stream_seq >= again.seq && info.num_ack_pending === 0;
      },
      20_000,
      'the sales-point consumer to settle',
    );
    const res = await fetch(`${url}/sales-points/pending-checks`);
    expect(res.status).toBe(200);
    const checks = (await res.json()) as { salesPointId: string }[];
    expect(checks.filter((c) => c.salesPointId === data.salesPointId)).toEqual([
      { ...data, registeredAt: event.time, eventId: event.id, basis: '950/QĐ-BCT' },
    ]);
  });

  it('is not ready once its NATS connection is gone', async () => {
    await app.get(AgencyConnection).nc.close();
    const res = await fetch(`${url}/health/ready`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'unavailable', ready: false, nats: 'NATS connection closed' });
  });
});
