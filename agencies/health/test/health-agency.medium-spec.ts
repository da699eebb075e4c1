import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { connect, type Msg, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamManager, type PubAck } from '@nats-io/jetstream';
import type { EventEnvelope, GiveOpinionCommand, OpinionRequestedData } from '@ocop/agency-sdk';
import { ensureEventStream } from '@ocop/messaging';
import { createTestEnv, eventually, type TestEnv } from '@ocop/testing';
import { loadHealthAgencyConfig } from '../src/config/health-agency.config';
import { createHealthAgencyApp } from '../src/health-agency.app';
import { FOOD_SAFETY_OPINION_TEXT } from '../src/opinions/give-food-safety-opinion/give-food-safety-opinion.use-case';

// The per-project testTimeout in jest.config.cjs is not applied by jest-circus (it reads only the global one).
jest.setTimeout(60_000);

/**
 * The Health agency's service as `npm start` runs it (its own config, its module, the SDK), on the real NATS: a stand-in
 * answers `opinion.give` in the platform's place (registration's own handler is tested with registration).
 */
describe('agencies/health (Sở Y tế) on the bus', () => {
  let env: TestEnv;
  let platform: NatsConnection;
  let jsm: JetStreamManager;
  let app: INestApplicationContext;
  const requests: Msg[] = [];

  const requestsFor = (dossierId: string) => requests.filter((m) => m.json<GiveOpinionCommand>().dossierId === dossierId);

  function opinionRequested(over: Partial<OpinionRequestedData> = {}): EventEnvelope<OpinionRequestedData> {
    const dossierId = randomUUID();
    return {
      specversion: '1.0',
      id: randomUUID(),
      source: 'ocop/registration',
      type: 'registration.opinion-requested.v1',
      subject: dossierId,
      time: '2026-03-02T01:00:00.000Z',
      datacontenttype: 'application/json',
      correlationid: randomUUID(),
      data: {
        dossierId,
        dossierCode: `38-2026-${Math.floor(Math.random() * 9000) + 1000}`,
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
        ...over,
      },
    };
  }

  const publish = (e: EventEnvelope, msgID = e.id): Promise<PubAck> =>
    jetstream(platform).publish(`${env.prefix}.events.${e.type}`, JSON.stringify(e), { msgID });

  /** Every event up to this stream sequence settled by the agency's consumer. */
  const settledUpTo = (seq: number) =>
    eventually(
      async () => {
        const info = await jsm.consumers.info(env.stream, 'agency-SYT-registration_opinion-requested_v1');
        return info.ack_floor.stream_seq >= seq && info.num_ack_pending === 0;
      },
      20_000,
      `the agency's consumer to settle up to ${seq}`,
    );

  beforeAll(async () => {
    env = await createTestEnv();
    platform = await connect({ servers: env.natsUrl });
    await ensureEventStream(platform, { name: env.stream, prefix: env.prefix });
    jsm = await jetstreamManager(platform);
    platform.subscribe(`${env.prefix}.agency.*.api.opinion.give`, {
      callback: (_err, msg) => {
        requests.push(msg);
        const body = msg.json<GiveOpinionCommand>();
        const refused = body.reference?.endsWith('-REFUSED');
        msg.respond(
          JSON.stringify(
            refused
              ? { ok: false, error: { code: 'OPINION_NOT_REQUESTED', kind: 'CONFLICT', message: 'no opinion is waiting' } }
              : {
                  ok: true,
                  data: {
                    id: randomUUID(),
                    dossierId: body.dossierId,
                    conclusion: body.conclusion,
                    status: 'GIVEN',
                    reference: body.reference,
                  },
                },
          ),
        );
      },
    });
    app = await createHealthAgencyApp(
      loadHealthAgencyConfig({
        OCOP_MODE: 'test',
        NATS_URL: env.natsUrl,
        OCOP_SUBJECT_PREFIX: env.prefix,
        OCOP_STREAM: env.stream,
        LOG_LEVEL: process.env.TEST_LOG_LEVEL ? 'debug' : 'silent',
      }),
    );
  });

  afterAll(async () => {
    await app?.close();
    await platform?.drain();
    await env?.cleanup();
  });

  it("gives a favourable food-safety opinion on a FOOD dossier asked of SYT, as of the event's time", async () => {
    const event = opinionRequested();
    const ack = await publish(event);
    await settledUpTo(ack.seq);
    const [msg] = requestsFor(event.data.dossierId);
    expect(requestsFor(event.data.dossierId)).toHaveLength(1);
    expect(msg!.subject).toBe(`${env.prefix}.agency.SYT.api.opinion.give`);
    expect(msg!.json()).toEqual({
      dossierId: event.data.dossierId,
      conclusion: 'FAVOURABLE',
      text: FOOD_SAFETY_OPINION_TEXT,
      reference: `SYT-ATTP-${event.data.dossierCode}`,
    });
    expect(msg!.headers?.get('ocop-as-of')).toBe(event.time);
    expect(msg!.headers?.get('ocop-as-of-source')).toBe('event');
    expect(msg!.headers?.get('ocop-correlation-id')).toBe(event.correlationid);
  });

  it("acks and ignores other product groups and other agencies' requests", async () => {
    const others = [
      opinionRequested({ productGroup: 'HANDICRAFTS' }),
      opinionRequested({ productGroup: 'TOURISM' }),
      opinionRequested({ agencyCode: 'SKHCN' }),
    ];
    let last = 0;
    for (const e of others) last = (await publish(e)).seq;
    await settledUpTo(last);
    for (const e of others) expect(requestsFor(e.data.dossierId)).toHaveLength(0);
  });

  it('answers BEVERAGES and HERBAL dossiers too', async () => {
    const events = [opinionRequested({ productGroup: 'BEVERAGES' }), opinionRequested({ productGroup: 'HERBAL' })];
    let last = 0;
    for (const e of events) last = (await publish(e)).seq;
    await settledUpTo(last);
    for (const e of events) expect(requestsFor(e.data.dossierId)).toHaveLength(1);
  });

  it('a permanent refusal is acked and not retried', async () => {
    const event = opinionRequested({ dossierCode: 'X-REFUSED' });
    const ack = await publish(event);
    await settledUpTo(ack.seq);
    await new Promise((r) => setTimeout(r, 1_500)); // the consumer's first backoff is 1 s: a retry would be here by now
    expect(requestsFor(event.data.dossierId)).toHaveLength(1);
  });

  it('the same event delivered twice sends one request', async () => {
    const event = opinionRequested();
    await publish(event);
    const again = await publish(event, `${event.id}:again`);
    await settledUpTo(again.seq);
    expect(requestsFor(event.data.dossierId)).toHaveLength(1);
  });
});
