import { randomUUID } from 'node:crypto';
import { Injectable, Logger, Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { connect, type Msg, type NatsConnection, type Subscription } from '@nats-io/transport-node';
import { AckPolicy, jetstream, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import {
  AgencyClient,
  AgencyConnection,
  AgencyReadiness,
  AgencyRequestError,
  AgencySdkModule,
  OnPlatformEvent,
  type EventEnvelope,
  type GiveOpinionCommand,
  type OpinionGivenData,
  type OpinionRequestedData,
} from '@ocop/agency-sdk';
import { ensureEventStream } from '@ocop/messaging';
import { createTestEnv, eventually, type TestEnv } from '@ocop/testing';

// The per-project testTimeout in jest.config.cjs is not applied by jest-circus (it reads only the global one).
jest.setTimeout(60_000);

const REQUESTED = 'registration.opinion-requested.v1';
const GIVEN = 'registration.opinion-given.v1';

/** What the test's handlers saw, by dossier code. */
const calls = new Map<string, { at: number; envelope: EventEnvelope<OpinionRequestedData> }[]>();
const callsOf = (code: string) => calls.get(code) ?? [];

@Injectable()
class TestOpinionHandlers {
  @OnPlatformEvent(REQUESTED, { name: 'opinions', maxDeliver: 3, backoffMs: [300], ackWaitMs: 5_000 })
  onRequested(data: OpinionRequestedData, envelope: EventEnvelope<OpinionRequestedData>): void {
    const seen = [...callsOf(data.dossierCode), { at: Date.now(), envelope }];
    calls.set(data.dossierCode, seen);
    if (data.dossierCode.startsWith('FLAKY') && seen.length < 3) throw new Error(`registration is busy (try ${seen.length})`);
    if (data.dossierCode.startsWith('BROKEN')) throw new Error('this one never works');
  }

  @OnPlatformEvent(GIVEN, { name: 'given' })
  onGiven(_data: OpinionGivenData): void {}
}

@Module({ providers: [TestOpinionHandlers] })
class TestHandlersModule {}

function opinionRequested(dossierCode: string): EventEnvelope<OpinionRequestedData> {
  const dossierId = randomUUID();
  return {
    specversion: '1.0',
    id: randomUUID(),
    source: 'ocop/registration',
    type: REQUESTED,
    subject: dossierId,
    time: '2026-03-02T01:00:00.000Z',
    datacontenttype: 'application/json',
    correlationid: randomUUID(),
    data: {
      dossierId,
      dossierCode,
      productId: randomUUID(),
      producerId: randomUUID(),
      status: 'PROPOSED',
      communeCode: '16279',
      provinceCode: '38',
      opinionId: randomUUID(),
      agencyCode: 'SYT',
      required: true,
      productGroup: 'FOOD',
      productSetCode: 'FOOD_PROCESSED',
      productName: 'Nem chua Thanh Hóa',
      dueAt: '2026-03-12T01:00:00.000Z',
    },
  };
}

describe('@ocop/agency-sdk against NATS JetStream', () => {
  let env: TestEnv;
  let platform: NatsConnection;
  let jsm: JetStreamManager;
  let app: INestApplicationContext;
  let responder: Subscription;
  const requests: Msg[] = [];

  /** Publishes a platform event on the stream as the platform's outbox relay does (Nats-Msg-Id given). */
  const publishPlatformEvent = (e: EventEnvelope, msgID = e.id) =>
    jetstream(platform).publish(`${env.prefix}.events.${e.type}`, JSON.stringify(e), { msgID });

  beforeAll(async () => {
    Logger.overrideLogger(process.env.TEST_LOG_LEVEL ? ['log', 'warn', 'error'] : false);
    env = await createTestEnv();
    platform = await connect({ servers: env.natsUrl });
    await ensureEventStream(platform, { name: env.stream, prefix: env.prefix });
    jsm = await jetstreamManager(platform);
    // The platform created the `given` consumer already, with its own settings: the SDK must use it as it is.
    await jsm.consumers.add(env.stream, {
      durable_name: 'agency-SYT-given',
      ack_policy: AckPolicy.Explicit,
      filter_subject: `${env.prefix}.events.${GIVEN}`,
      max_deliver: 2,
    });
    // The platform's side of `opinion.give`: a refusal for one dossier, an OpinionView otherwise.
    responder = platform.subscribe(`${env.prefix}.agency.*.api.opinion.give`, {
      callback: (_err, msg) => {
        requests.push(msg);
        const body = msg.json<GiveOpinionCommand>();
        const reply =
          body.text === 'refuse me'
            ? { ok: false, error: { code: 'DOSSIER_NOT_PROPOSED', kind: 'RULE', message: 'no opinion is requested', field: 'dossierId' } }
            : {
                ok: true,
                data: {
                  id: 'op-1',
                  dossierId: body.dossierId,
                  agencyCode: msg.subject.split('.')[2],
                  status: 'GIVEN',
                  reference: body.reference,
                },
              };
        msg.respond(JSON.stringify(reply));
      },
    });
    app = await NestFactory.createApplicationContext(
      {
        module: class TestAgencyApp {},
        imports: [
          AgencySdkModule.forRoot({
            agencyCode: 'SYT',
            natsUrl: env.natsUrl,
            prefix: env.prefix,
            stream: env.stream,
            retryBackoffMs: [50],
          }),
          TestHandlersModule,
        ],
      },
      { logger: false },
    );
  });

  afterAll(async () => {
    await app?.close();
    await platform?.drain();
    await env?.cleanup();
  });

  it('creates the durable consumer agency-<CODE>-<name> on its one type, and reuses one that exists as it is', async () => {
    const opinions = await jsm.consumers.info(env.stream, 'agency-SYT-opinions');
    expect(opinions.config).toMatchObject({
      durable_name: 'agency-SYT-opinions',
      filter_subject: `${env.prefix}.events.${REQUESTED}`,
      ack_policy: AckPolicy.Explicit,
      max_deliver: 3,
    });
    const given = await jsm.consumers.info(env.stream, 'agency-SYT-given');
    expect(given.config.max_deliver).toBe(2); // the platform's setting, not the SDK's default 5
    expect(await app.get(AgencyReadiness).check()).toEqual({
      ready: true,
      nats: 'up',
      consumers: { 'agency-SYT-opinions': { state: 'running' }, 'agency-SYT-given': { state: 'running' } },
    });
  });

  it('hands a published platform event to its handler as (data, envelope), once', async () => {
    const event = opinionRequested('OK-1');
    await publishPlatformEvent(event);
    const [call] = await eventually(async () => callsOf('OK-1').length === 1 && callsOf('OK-1'), 20_000, 'the handler to get the event');
    expect(call!.envelope).toEqual(event);
    await eventually(async () => (await jsm.consumers.info(env.stream, 'agency-SYT-opinions')).num_ack_pending === 0, 10_000, 'the ack');
    expect(callsOf('OK-1')).toHaveLength(1);
  });

  it('retries a handler that throws, after the backoff, until it succeeds', async () => {
    await publishPlatformEvent(opinionRequested('FLAKY-1'));
    const seen = await eventually(async () => callsOf('FLAKY-1').length >= 3 && callsOf('FLAKY-1'), 20_000, 'three tries');
    const gaps = seen.slice(1).map((c, i) => c.at - seen[i]!.at);
    expect(gaps.every((g) => g >= 250)).toBe(true); // nak'ed with the 300 ms backoff
    await eventually(async () => (await jsm.consumers.info(env.stream, 'agency-SYT-opinions')).num_ack_pending === 0, 10_000, 'the ack');
    await new Promise((r) => setTimeout(r, 800)); // acked on the third try: no fourth
    expect(callsOf('FLAKY-1')).toHaveLength(3);
  });

  it('gives an event up after max deliveries (terminated: no further delivery)', async () => {
    await publishPlatformEvent(opinionRequested('BROKEN-1'));
    await eventually(async () => callsOf('BROKEN-1').length >= 3, 20_000, 'three tries');
    await new Promise((r) => setTimeout(r, 1_000));
    expect(callsOf('BROKEN-1')).toHaveLength(3);
    const info = await jsm.consumers.info(env.stream, 'agency-SYT-opinions');
    expect(info.num_ack_pending).toBe(0);
  });

  it('does not hand a redelivered event id to the handler twice', async () => {
    const event = opinionRequested('TWICE-1');
    // The same event twice in the stream (a re-publish after the duplicate window arrives under another Nats-Msg-Id).
    const first = await publishPlatformEvent(event);
    const second = await publishPlatformEvent(event, `${event.id}:again`);
    expect(second.duplicate).toBe(false);
    await eventually(
      async () => {
        const info = await jsm.consumers.info(env.stream, 'agency-SYT-opinions');
        return info.ack_floor.stream_seq >= second.seq && info.num_ack_pending === 0;
      },
      20_000,
      'both copies to be acked',
    );
    expect(second.seq).toBeGreaterThan(first.seq);
    expect(callsOf('TWICE-1')).toHaveLength(1);
  });

  it('sends a request and resolves with its reply data, from its own inbox, with ocop-as-of', async () => {
    const body: GiveOpinionCommand = {
      dossierId: randomUUID(),
      conclusion: 'FAVOURABLE',
      text: 'Sở Y tế thống nhất.',
      reference: 'SYT-ATTP-D-1',
    };
    const view = await app.get(AgencyClient).request('opinion.give', body, { asOf: '2026-03-02T08:00:00+07:00' });
    expect(view).toEqual({ id: 'op-1', dossierId: body.dossierId, agencyCode: 'SYT', status: 'GIVEN', reference: 'SYT-ATTP-D-1' });
    const msg = requests.at(-1)!;
    expect(msg.subject).toBe(`${env.prefix}.agency.SYT.api.opinion.give`);
    expect(msg.reply?.startsWith('_INBOX_SYT.')).toBe(true);
    expect(msg.headers?.get('ocop-as-of')).toBe('2026-03-02T01:00:00.000Z');
  });

  it('throws AgencyRequestError with the code of an ok:false reply, without retrying it', async () => {
    const before = requests.length;
    const failure = await app
      .get(AgencyClient)
      .request('opinion.give', { dossierId: randomUUID(), conclusion: 'UNFAVOURABLE', text: 'refuse me' })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AgencyRequestError);
    expect(failure).toMatchObject({ code: 'DOSSIER_NOT_PROPOSED', kind: 'RULE', field: 'dossierId', permanent: true });
    expect(requests.length - before).toBe(1);
  });

  it('publishes an agency event on its own subject in the stream, with the envelope id as Nats-Msg-Id (a retry is a duplicate)', async () => {
    const client = app.get(AgencyClient);
    const id = client.eventId('QLTT-2026-125');
    const data = {
      reportId: 'QLTT-2026-125',
      certificateCode: 'OCOP-38-0001',
      details: 'Nhãn không đúng hạng sao.',
      reportedAt: '2026-03-02T01:00:00.000Z',
    };
    const published = await client.publish('agency.market-surveillance-reported.v1', data, { id });
    expect(published).toMatchObject({ stream: env.stream, duplicate: false });
    const stored = await jsm.streams.getMessage(env.stream, { seq: published.seq });
    expect(stored!.subject).toBe(`${env.prefix}.agency.SYT.events.market-surveillance-reported.v1`);
    expect(stored!.header.get('Nats-Msg-Id')).toBe(id);
    expect(stored!.json()).toMatchObject({
      specversion: '1.0',
      id,
      type: 'agency.market-surveillance-reported.v1',
      source: 'agency/SYT',
      data,
    });
    const again = await client.publish('agency.market-surveillance-reported.v1', data, { id });
    expect(again).toMatchObject({ duplicate: true, seq: published.seq });
  });

  it('retries a request nobody answers, then throws UNAVAILABLE NO_RESPONDERS', async () => {
    await responder.drain();
    const started = Date.now();
    const failure = await app
      .get(AgencyClient)
      .request('opinion.give', { dossierId: randomUUID(), conclusion: 'FAVOURABLE', text: 'abc' }, { retries: 2, timeoutMs: 2_000 })
      .catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'NO_RESPONDERS', kind: 'UNAVAILABLE', replied: false, permanent: false });
    expect(Date.now() - started).toBeGreaterThanOrEqual(100); // two 50 ms backoffs: it did retry
  });

  it('stops its consumers and drains its connection on shutdown', async () => {
    const connection = app.get(AgencyConnection);
    const readiness = app.get(AgencyReadiness);
    await app.close();
    expect(connection.nc.isClosed()).toBe(true);
    const report = await readiness.check();
    expect(report.ready).toBe(false);
    expect(Object.values(report.consumers).map((c) => c.state)).toEqual(['stopped', 'stopped']);
    app = undefined as unknown as INestApplicationContext;
  });
});
