import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { connect, type Msg, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamManager, type PubAck } from '@nats-io/jetstream';
import type { EventEnvelope, GuidanceMessageCommand, GuidanceRequestedData } from '@ocop/agency-sdk';
import { ensureEventStream } from '@ocop/messaging';
import { createTestEnv, eventually, type TestEnv } from '@ocop/testing';

// The per-project testTimeout in jest.config.cjs is not applied by jest-circus (it reads only the global one).
jest.setTimeout(60_000);

const AGENCY = resolve(__dirname, '../agency.js');
const DURABLE = 'agency-SNNMT-registration_guidance-requested_v1';

/** The agency as its operator runs it: `node agencies/plain-node/agency.js`, on this Node (24; the machine's may be older). */
class AgencyProcess {
  readonly output: string[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly child: ChildProcess;

  constructor(env: Record<string, string>) {
    this.child = spawn(process.execPath, [AGENCY], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    for (const s of [this.child.stdout!, this.child.stderr!])
      s.on('data', (b: Buffer) => {
        this.output.push(b.toString());
        if (process.env.TEST_LOG_LEVEL) process.stdout.write(b);
      });
    this.exited = new Promise((done) => this.child.once('exit', (code, signal) => done({ code, signal })));
  }

  get log(): string {
    return this.output.join('');
  }

  /** SIGTERM, and how it ended. */
  async stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
    return this.exited;
  }
}

/**
 * agencies/plain-node, a separate process against the real NATS with a stream of its own: a stand-in answers
 * `guidance.answer` in the platform's place (registration's own handler is tested with registration).
 */
describe('agencies/plain-node (Sở Nông nghiệp và Môi trường) on the bus', () => {
  let env: TestEnv;
  let platform: NatsConnection;
  let jsm: JetStreamManager;
  let agency: AgencyProcess;
  const requests: Msg[] = [];
  /** Replies the stand-in gives a thread before it answers ok, in order. */
  const refusals = new Map<string, { code: string; kind: string }[]>();

  const requestsFor = (threadId: string) => requests.filter((m) => m.json<GuidanceMessageCommand>().threadId === threadId);
  const childEnv = (mode: string) => ({
    NATS_URL: env.natsUrl,
    OCOP_SUBJECT_PREFIX: env.prefix,
    OCOP_STREAM: env.stream,
    OCOP_MODE: mode,
  });

  function guidanceRequested(over: Partial<GuidanceRequestedData> = {}): EventEnvelope<GuidanceRequestedData> {
    const dossierId = randomUUID();
    return {
      specversion: '1.0',
      id: randomUUID(),
      source: 'ocop/registration',
      type: 'registration.guidance-requested.v1',
      subject: dossierId,
      time: '2026-03-02T01:00:00.000Z',
      datacontenttype: 'application/json',
      correlationid: randomUUID(),
      data: {
        threadId: randomUUID(),
        agencyCode: 'SNNMT',
        topic: 'ENVIRONMENT',
        question: 'Cơ sở chế biến nem chua quy mô hộ gia đình có phải lập hồ sơ đăng ký môi trường không?',
        dueAt: '2026-03-09T01:00:00.000Z',
        dossierId,
        dossierCode: `38-2026-${Math.floor(Math.random() * 9000) + 1000}`,
        productId: randomUUID(),
        producerId: randomUUID(),
        status: 'DRAFT',
        communeCode: '16279',
        provinceCode: '38',
        ...over,
      },
    };
  }

  const publish = (e: EventEnvelope, msgID = e.id): Promise<PubAck> =>
    jetstream(platform).publish(`${env.prefix}.events.${e.type}`, JSON.stringify(e), { msgID });

  /** Every event up to this stream sequence settled (acked or terminated) by the agency's consumer. */
  const settledUpTo = (seq: number) =>
    eventually(
      async () => {
        const info = await jsm.consumers.info(env.stream, DURABLE);
        return info.ack_floor.stream_seq >= seq && info.num_ack_pending === 0 && info.num_pending === 0;
      },
      20_000,
      `the agency's consumer to settle up to ${seq}`,
    );

  beforeAll(async () => {
    env = await createTestEnv();
    platform = await connect({ servers: env.natsUrl });
    jsm = await jetstreamManager(platform);
    platform.subscribe(`${env.prefix}.agency.SNNMT.api.guidance.answer`, {
      callback: (_err, msg) => {
        requests.push(msg);
        const body = msg.json<GuidanceMessageCommand>();
        const refusal = refusals.get(body.threadId)?.shift();
        msg.respond(
          JSON.stringify(
            refusal
              ? { ok: false, error: { ...refusal, message: 'refused by the stand-in' } }
              : { ok: true, data: { id: body.threadId, agencyCode: 'SNNMT', status: 'ANSWERED', messages: [] } },
          ),
        );
      },
    });
    // The agency starts before the platform has created its stream: it waits for it.
    agency = new AgencyProcess(childEnv('test'));
    await eventually(
      async () => agency.log.includes(`stream ${env.stream} does not exist yet`),
      15_000,
      'the agency to wait for the stream',
    );
    await ensureEventStream(platform, { name: env.stream, prefix: env.prefix });
    await eventually(async () => agency.log.includes(`consumer ${DURABLE}`), 15_000, 'the agency to consume');
  });

  afterAll(async () => {
    await agency?.stop();
    await platform?.drain();
    await env?.cleanup();
  });

  it('created its durable pull consumer on guidance-requested, with explicit acks', async () => {
    const info = await jsm.consumers.info(env.stream, DURABLE);
    expect(info.config).toMatchObject({
      durable_name: DURABLE,
      ack_policy: 'explicit',
      filter_subject: `${env.prefix}.events.registration.guidance-requested.v1`,
    });
  });

  it("answers an ENVIRONMENT question asked of SNNMT, in Vietnamese, as of the event's time", async () => {
    const event = guidanceRequested();
    const ack = await publish(event);
    await settledUpTo(ack.seq);
    const [msg, ...more] = requestsFor(event.data.threadId);
    expect(more).toHaveLength(0);
    expect(msg!.subject).toBe(`${env.prefix}.agency.SNNMT.api.guidance.answer`);
    const body = msg!.json<GuidanceMessageCommand>();
    expect(body).toEqual({
      threadId: event.data.threadId,
      text: expect.any(String),
      reference: `SNNMT-${event.data.threadId.slice(0, 8)}`,
    });
    expect(body.text).toContain('bản cam kết bảo vệ môi trường');
    expect(body.text).toContain('đăng ký môi trường');
    expect(body.text).toContain('Luật Bảo vệ môi trường 2020');
    expect(body.text.normalize('NFC')).toBe(body.text);
    expect(body.text.length).toBeGreaterThanOrEqual(3);
    expect(body.text.length).toBeLessThanOrEqual(5000);
    expect(msg!.headers?.get('ocop-as-of')).toBe(event.time);
    expect(msg!.headers?.get('ocop-as-of-source')).toBe('event');
    expect(msg!.headers?.get('ocop-correlation-id')).toBe(event.correlationid);
    expect(msg!.reply).toMatch(/^_INBOX_SNNMT\./);
  });

  it('answers once when the same event is published twice with the same Nats-Msg-Id', async () => {
    const event = guidanceRequested();
    await publish(event);
    const again = await publish(event);
    expect(again.duplicate).toBe(true);
    await settledUpTo(again.seq);
    expect(requestsFor(event.data.threadId)).toHaveLength(1);
  });

  it("acks and ignores another agency's questions and other topics", async () => {
    const others = [
      guidanceRequested({ agencyCode: 'SYT' }),
      guidanceRequested({ topic: 'TRACEABILITY' }),
      guidanceRequested({ agencyCode: 'SCT', topic: 'ENVIRONMENT' }),
    ];
    let last = 0;
    for (const e of others) last = (await publish(e)).seq;
    await settledUpTo(last);
    for (const e of others) expect(requestsFor(e.data.threadId)).toHaveLength(0);
  });

  it('acks a permanent refusal and does not retry it', async () => {
    const event = guidanceRequested();
    refusals.set(event.data.threadId, [{ code: 'GUIDANCE_CLOSED', kind: 'CONFLICT' }]);
    const ack = await publish(event);
    await settledUpTo(ack.seq);
    await new Promise((r) => setTimeout(r, 1_500)); // the first retry's delay is 1 s: a retry would be here by now
    expect(requestsFor(event.data.threadId)).toHaveLength(1);
  });

  it('retries a transient refusal after a delay, then acks', async () => {
    const event = guidanceRequested();
    refusals.set(event.data.threadId, [{ code: 'UNAVAILABLE', kind: 'UNAVAILABLE' }]);
    const ack = await publish(event);
    await eventually(async () => requestsFor(event.data.threadId).length === 2, 15_000, 'the retry');
    await settledUpTo(ack.seq);
    expect(requestsFor(event.data.threadId)).toHaveLength(2);
    expect(agency.log).toContain(`thread ${event.data.threadId} (dossier ${event.data.dossierCode}): not answered (UNAVAILABLE`);
  });

  it('exits cleanly on SIGTERM', async () => {
    expect(await agency.stop()).toEqual({ code: 0, signal: null });
    expect(agency.log).toContain('stopped');
    expect(agency.log).not.toMatch(/failed|Error/);
  });

  it('in production sends no as-of, on the consumer it created before', async () => {
    agency = new AgencyProcess(childEnv('production'));
    await eventually(async () => agency.log.includes(`consumer ${DURABLE}`), 15_000, 'the agency to consume');
    const event = guidanceRequested();
    const ack = await publish(event);
    await settledUpTo(ack.seq);
    const [msg] = requestsFor(event.data.threadId);
    expect(requestsFor(event.data.threadId)).toHaveLength(1);
    expect(msg!.headers?.has('ocop-as-of')).toBe(false);
    expect(msg!.headers?.has('ocop-as-of-source')).toBe(false);
    expect(msg!.headers?.get('ocop-correlation-id')).toBe(event.correlationid);
    expect(await agency.stop()).toEqual({ code: 0, signal: null });
  });
});
