import { randomUUID } from 'node:crypto';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { eventSubject, ProgrammeEvents, RegistrationEvents, type EventEnvelope } from '@ocop/contracts';
import { eventually, freePort, startOwnNatsServer, type OwnNatsServer } from '@ocop/testing';
import {
  ensureEventStream,
  ensureNationalHub,
  nationalStagingStream,
  readNationalEvents,
  type NationalEvent,
  type NationalHubOptions,
  type NationalProvince,
} from '../src';
import { hubServerConfig, provinceServerConfig } from '../../../test/support/national-hub-servers';

/**
 * The national hub over real nats-servers on loopback, configured as deploy/nats/national-hub.md says: a hub with
 * JetStream in domain `hub` listening for leaf nodes, and provinces (their own servers, JetStream in their own domains)
 * that are leaves of it, each bound on the hub to a user whose permissions confine it. The hub's streams source the
 * shared events from each province's event stream across the leaf connection.
 */

// The per-project testTimeout in jest.config.cjs is not applied by jest-circus (it reads only the global one).
jest.setTimeout(120_000);

const PREFIX = 'nhtest';
const PROVINCE_STREAM = 'NHTEST_EVENTS';
const HUB_STREAM = 'NHTEST_NATIONAL';
const FORWARDED = RegistrationEvents.dossierForwarded;
const REPORTED = ProgrammeEvents.reportSubmitted;
const UNRELATED = RegistrationEvents.dossierSubmitted;
const P38: NationalProvince = { domain: 'province38', stream: PROVINCE_STREAM, prefix: PREFIX };
const P12: NationalProvince = { domain: 'province12', stream: PROVINCE_STREAM, prefix: PREFIX };
const LEAF_PASSWORDS: Record<string, string> = { province38: 'leaf-secret-38', province12: 'leaf-secret-12' };
const HUB_USER = { user: 'hub', pass: 'hub-secret' };

const hubConfig = (dir: string, leafPort: number): string =>
  hubServerConfig(dir, {
    leafPort,
    hubUser: HUB_USER,
    provinces: [P38, P12].map((province) => ({ province, password: LEAF_PASSWORDS[province.domain]! })),
  });
const provinceConfig = (dir: string, p: NationalProvince, leafPort: number): string =>
  provinceServerConfig(dir, { ...p, prefix: PREFIX }, LEAF_PASSWORDS[p.domain]!, leafPort);

function envelope(type: string, data: Record<string, unknown>, id: string = randomUUID()): EventEnvelope {
  return {
    specversion: '1.0',
    id,
    source: `ocop/${type.split('.')[0]}`,
    type,
    subject: randomUUID(),
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    data,
    correlationid: randomUUID(),
  };
}

/** As the platform's JetStreamPublisher publishes an outbox row: the envelope as JSON, its id as Nats-Msg-Id. */
const publish = (js: JetStreamClient, e: EventEnvelope) => js.publish(eventSubject(PREFIX, e.type), JSON.stringify(e), { msgID: e.id });

/** The stored messages of a stream, raw (sequence, subject, Nats-Msg-Id). */
async function storedOf(jsm: JetStreamManager, stream: string): Promise<Array<{ seq: number; subject: string; msgId: string }>> {
  const { state } = await jsm.streams.info(stream);
  const out: Array<{ seq: number; subject: string; msgId: string }> = [];
  if (state.messages === 0) return out;
  for (let seq = state.first_seq; seq <= state.last_seq; seq++) {
    const m = await jsm.streams.getMessage(stream, { seq });
    if (m) out.push({ seq, subject: m.subject, msgId: m.header.get('Nats-Msg-Id') });
  }
  return out;
}

const byId = (events: NationalEvent[]) => new Map(events.map((e) => [e.envelope.id, e]));

let leafPort: number;
let hub: OwnNatsServer;
let p38: OwnNatsServer;
let p12: OwnNatsServer | undefined;
let hubNc: NatsConnection;
let p38Nc: NatsConnection;
let p12Nc: NatsConnection | undefined;
let hubJsm: JetStreamManager;
let p38Jsm: JetStreamManager;
let p38Js: JetStreamClient;
let options: NationalHubOptions;

async function startProvince(p: NationalProvince): Promise<{ server: OwnNatsServer; nc: NatsConnection }> {
  const server = await startOwnNatsServer((dir) => provinceConfig(dir, p, leafPort));
  const nc = await connect({ servers: server.url });
  // The province's own event stream, as its platform creates it; a 1 s duplicate window lets a test store an event twice.
  await ensureEventStream(nc, { name: PROVINCE_STREAM, prefix: PREFIX, duplicateWindowMs: 1_000 });
  return { server, nc };
}

beforeAll(async () => {
  leafPort = await freePort();
  hub = await startOwnNatsServer((dir) => hubConfig(dir, leafPort));
  hubNc = await connect({ servers: hub.url, ...HUB_USER, maxReconnectAttempts: -1, reconnectTimeWait: 250 });
  hubJsm = await jetstreamManager(hubNc);
  ({ server: p38, nc: p38Nc } = await startProvince(P38));
  p38Jsm = await jetstreamManager(p38Nc);
  p38Js = jetstream(p38Nc);
  options = { stream: HUB_STREAM, provinces: [P38], serverVersion: hubNc.info?.version };
});

afterAll(async () => {
  for (const nc of [hubNc, p38Nc, p12Nc]) await nc?.close().catch(() => undefined);
  for (const s of [p12, p38, hub]) await s?.stop();
});

describe('national hub over leaf nodes (nats-server 2.9)', () => {
  const staging38 = [nationalStagingStream(HUB_STREAM, 'province38', FORWARDED), nationalStagingStream(HUB_STREAM, 'province38', REPORTED)];
  const staging12 = [nationalStagingStream(HUB_STREAM, 'province12', FORWARDED), nationalStagingStream(HUB_STREAM, 'province12', REPORTED)];
  const forwarded = envelope(FORWARDED, { dossierId: 'd-38-1', stars: 5 });
  const reported = envelope(REPORTED, { reportId: 'r-38-2026', year: 2026, certified: { 3: 12, 4: 5, 5: 1 } });
  const unrelated = envelope(UNRELATED, { dossierId: 'd-38-2' });

  it('the hub stream receives the two shared events from the province, envelopes and Nats-Msg-Id intact, and not the others', async () => {
    expect(await ensureNationalHub(hubJsm, options)).toEqual({
      created: [...staging38, HUB_STREAM],
      updated: [],
      unchanged: [],
      dedupInStream: false, // nats-server 2.9.10 (see ensureNationalHub's serverVersion)
    });

    for (const e of [unrelated, forwarded, reported]) expect((await publish(p38Js, e)).duplicate).toBe(false);
    expect((await storedOf(p38Jsm, PROVINCE_STREAM)).map((m) => m.msgId)).toEqual([unrelated.id, forwarded.id, reported.id]);

    const arrived = await eventually(
      async () => {
        const events = await readNationalEvents(hubJsm, { stream: HUB_STREAM });
        return events.length >= 2 && events;
      },
      30_000,
      'the shared events to reach the hub',
    );
    expect(arrived).toHaveLength(2);
    const got = byId(arrived);
    for (const e of [forwarded, reported]) {
      expect(got.get(e.id)).toMatchObject({ province: 'province38', subject: eventSubject(PREFIX, e.type), msgId: e.id, envelope: e });
    }
    expect(got.has(unrelated.id)).toBe(false);
    expect((await hubJsm.streams.info(HUB_STREAM)).state.messages).toBe(2);
  });

  it('ensuring the hub again changes nothing; a new province gets its own staging streams and sources', async () => {
    const configs = async (names: string[]) => Promise.all(names.map(async (n) => (await hubJsm.streams.info(n)).config));
    const before = await configs([...staging38, HUB_STREAM]);
    expect(await ensureNationalHub(hubJsm, options)).toEqual({
      created: [],
      updated: [],
      unchanged: [...staging38, HUB_STREAM],
      dedupInStream: false,
    });
    expect(await configs([...staging38, HUB_STREAM])).toEqual(before);

    ({ server: p12, nc: p12Nc } = await startProvince(P12));
    options = { ...options, provinces: [P38, P12] };
    expect(await ensureNationalHub(hubJsm, options)).toEqual({
      created: staging12,
      updated: [HUB_STREAM],
      unchanged: staging38,
      dedupInStream: false,
    });
    expect((await hubJsm.streams.info(HUB_STREAM)).config.sources?.map((s) => s.name)).toEqual([...staging38, ...staging12]);
    expect((await hubJsm.streams.info(staging12[0]!)).config.sources).toEqual([
      {
        name: PROVINCE_STREAM,
        filter_subject: eventSubject(PREFIX, FORWARDED),
        external: { api: '$JS.province12.API', deliver: 'national.deliver.province12' },
      },
    ]);

    const fromP12 = envelope(FORWARDED, { dossierId: 'd-12-1', stars: 5 });
    await publish(jetstream(p12Nc), fromP12);
    const arrived = await eventually(
      async () => byId(await readNationalEvents(hubJsm, { stream: HUB_STREAM })).get(fromP12.id),
      30_000,
      "province 12's event to reach the hub",
    );
    // Both provinces publish on the same subject; the hub knows which one it came from.
    expect(arrived).toMatchObject({ province: 'province12', subject: eventSubject(PREFIX, FORWARDED), envelope: fromP12 });
    expect(byId(await readNationalEvents(hubJsm, { stream: HUB_STREAM })).get(forwarded.id)?.province).toBe('province38');
  });

  it('an event the province publishes while the hub is down arrives when the hub is back, and nothing arrives twice', async () => {
    const countBefore = (await hubJsm.streams.info(HUB_STREAM)).state.messages;
    await hub.kill();
    const meanwhile = envelope(REPORTED, { reportId: 'r-38-adhoc', year: 2026 });
    const ack = await publish(p38Js, meanwhile); // the province keeps working on its own
    expect(ack).toMatchObject({ stream: PROVINCE_STREAM, domain: 'province38', duplicate: false });
    await hub.start();

    const events = await eventually(
      async () => {
        const all = await readNationalEvents(hubJsm, { stream: HUB_STREAM });
        return byId(all).has(meanwhile.id) && all;
      },
      30_000,
      'the event published while the hub was down to reach it',
    );
    expect(byId(events).get(meanwhile.id)).toMatchObject({ province: 'province38', msgId: meanwhile.id, envelope: meanwhile });
    // The hub resumed each source after what it had: no event was sourced again.
    const stored = await storedOf(hubJsm, HUB_STREAM);
    expect(stored).toHaveLength(countBefore + 1);
    expect(new Set(stored.map((m) => m.msgId)).size).toBe(stored.length);
  });

  it('an event the province stored twice (same id) is read once at the hub, and the events after it still arrive', async () => {
    const twice = envelope(FORWARDED, { dossierId: 'd-38-3', stars: 5 });
    expect((await publish(p38Js, twice)).duplicate).toBe(false);
    // Once the province's 1 s duplicate window is over, the same event id is stored again (an outbox replayed late).
    await eventually(async () => !(await publish(p38Js, twice)).duplicate, 10_000, 'the province to store the event again');
    expect((await storedOf(p38Jsm, PROVINCE_STREAM)).filter((m) => m.msgId === twice.id)).toHaveLength(2);
    const after = envelope(FORWARDED, { dossierId: 'd-38-4', stars: 5 });
    await publish(p38Js, after);

    const events = await eventually(
      async () => {
        const all = await readNationalEvents(hubJsm, { stream: HUB_STREAM });
        return byId(all).has(after.id) && all;
      },
      30_000,
      'the event after the repeated one to reach the hub (its source did not stall)',
    );
    expect(events.filter((e) => e.envelope.id === twice.id)).toHaveLength(1);
    // nats-server 2.9.10 would stall a source on a duplicate it drops itself, so the hub's stream keeps both copies
    // there (dedupInStream false); a server from 2.12.6 on drops the repeat in the stream (dedupInStream true).
    const { dedupInStream } = await ensureNationalHub(hubJsm, options);
    const copies = (await storedOf(hubJsm, HUB_STREAM)).filter((m) => m.msgId === twice.id);
    expect(copies).toHaveLength(dedupInStream ? 1 : 2);
    // Nothing but the shared types ever arrived.
    expect(new Set(events.map((e) => e.envelope.type))).toEqual(new Set([FORWARDED, REPORTED]));
  });

  it("a province's leaf carries only its own deliveries to the hub, and only the shared consumers' creation to the province", async () => {
    const heard: string[] = [];
    // (A hub subscription reaches a leaf if its permissions allow some of it: `national.>` does, `national.deliver.*.probe` not.)
    for (const subject of ['national.>', `${PREFIX}.>`]) {
      hubNc.subscribe(subject, { callback: (_err, m) => void heard.push(`${m.subject} ${m.string()}`) });
    }
    await hubNc.flush();
    // The hub's interest reaches both leaves: wait until each province's allowed probe gets through.
    const p12Conn = p12Nc!;
    await eventually(
      async () => {
        p38Nc.publish('national.deliver.province38.probe', 'from 38');
        p12Conn.publish('national.deliver.province12.probe', 'from 12');
        await Promise.all([p38Nc.flush(), p12Conn.flush()]);
        await new Promise((r) => setTimeout(r, 100));
        return heard.includes('national.deliver.province38.probe from 38') && heard.includes('national.deliver.province12.probe from 12');
      },
      15_000,
      'the probes to reach the hub',
    );

    // What a province must not do, each followed on the same connection by a probe that does arrive.
    const canary = `${HUB_STREAM}_CANARY`;
    p38Nc.publish('national.deliver.province12.probe', 'then: from 38 as 12');
    p38Nc.publish('national.other', 'then: from 38');
    p38Nc.publish(`${PREFIX}.registration.probe`, 'then: a command subject of 38'); // its platform's own traffic
    // The hub's JetStream API, through the hub's domain (the hub's own clients use it: see below).
    p38Nc.publish(`$JS.hub.API.STREAM.CREATE.${canary}`, JSON.stringify({ name: canary, subjects: ['canary.>'] }));
    p12Conn.publish('national.deliver.province38.probe', 'then: from 12 as 38');
    p38Nc.publish('national.deliver.province38.probe', 'then: last from 38');
    p12Conn.publish('national.deliver.province12.probe', 'then: last from 12');
    await Promise.all([p38Nc.flush(), p12Conn.flush()]);
    const then = () => heard.filter((h) => h.includes(' then: ')).sort();
    await eventually(async () => then().filter((h) => h.includes('last')).length === 2, 10_000, 'the last probes');
    await new Promise((r) => setTimeout(r, 200));
    expect(then()).toEqual([
      'national.deliver.province12.probe then: last from 12',
      'national.deliver.province38.probe then: last from 38',
    ]);
    await expect(hubJsm.streams.info(canary)).rejects.toThrow(/not found/);
    expect(JSON.parse((await hubNc.request(`$JS.hub.API.STREAM.INFO.${HUB_STREAM}`, '', { timeout: 2_000 })).string())).toMatchObject({
      config: { name: HUB_STREAM },
    });

    // The hub may create consumers in a province on the shared subjects only, and nothing else of its JetStream API. The
    // province may answer on `$JSC.R.>` (where the hub's sourcing asks for its answers), so these requests do too.
    const ask = async (subject: string, body: unknown = ''): Promise<Record<string, unknown> | 'no responders' | 'no answer'> => {
      const reply = `$JSC.R.probe-${randomUUID()}`;
      const sub = hubNc.subscribe(reply, { max: 1, timeout: 1_500 });
      hubNc.publish(subject, typeof body === 'string' ? body : JSON.stringify(body), { reply });
      try {
        for await (const m of sub) return m.headers?.code === 503 ? 'no responders' : m.json<Record<string, unknown>>();
      } catch {
        // timed out
      }
      return 'no answer';
    };
    const create = (filter: string, name: string) =>
      ask(`$JS.province38.API.CONSUMER.CREATE.${PROVINCE_STREAM}.${name}.${filter}`, {
        stream_name: PROVINCE_STREAM,
        config: { name, filter_subject: filter, deliver_subject: 'national.deliver.province38.probe-consumer', ack_policy: 'none' },
      });
    // The hub does not even route these to the province: nothing there listens for them as far as it knows.
    expect(await create(eventSubject(PREFIX, UNRELATED), 'probe-unrelated')).toBe('no responders');
    expect(await ask(`$JS.province38.API.STREAM.INFO.${PROVINCE_STREAM}`)).toBe('no responders');
    expect(await ask(`$JS.province38.API.STREAM.DELETE.${PROVINCE_STREAM}`)).toBe('no responders');
    expect(await create(eventSubject(PREFIX, FORWARDED), 'probe-shared')).toMatchObject({
      name: 'probe-shared',
      config: { filter_subject: eventSubject(PREFIX, FORWARDED) },
    });
    const consumers: string[] = [];
    for await (const c of p38Jsm.consumers.list(PROVINCE_STREAM)) consumers.push(c.name);
    expect(consumers).toContain('probe-shared');
    expect(consumers).not.toContain('probe-unrelated');
    await p38Jsm.consumers.delete(PROVINCE_STREAM, 'probe-shared');
    expect((await p38Jsm.streams.info(PROVINCE_STREAM)).config.name).toBe(PROVINCE_STREAM);
  });
});
