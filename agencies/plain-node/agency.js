'use strict';
/**
 * The Department of Agriculture and Environment (Sở Nông nghiệp và Môi trường, SNNMT) answers the guidance questions on
 * the topic ENVIRONMENT that producers and communes address to it. Plain Node: no framework, no SDK, only the NATS client
 * and the platform's documented wire format (docs/asyncapi.yaml). Run: node agencies/plain-node/agency.js (README.md).
 */
const { readFileSync } = require('node:fs');
const { connect, credsAuthenticator, headers, nanos } = require('@nats-io/transport-node');
const { AckPolicy, DeliverPolicy, JetStreamApiCodes, JetStreamApiError, jetstream, jetstreamManager } = require('@nats-io/jetstream');

const env = process.env;
const CODE = 'SNNMT';
const prefix = env.OCOP_SUBJECT_PREFIX || 'ocop';
const stream = env.OCOP_STREAM || 'OCOP_EVENTS';
/** The platform refuses `ocop-as-of` in production: there an answer is given now. */
const production = env.OCOP_MODE === 'production';
/** The platform's name for an agency's consumer of one type (in operator mode the platform creates it when it grants the type). */
const durable = `agency-${CODE}-registration_guidance-requested_v1`;
/** Operator mode (a creds file): the consumer's JetStream API is where the AGENCIES account imports it, and only that. */
const operatorMode = Boolean(env.NATS_CREDS_FILE);
const jsOptions = operatorMode ? { apiPrefix: `JS.${prefix}.API` } : {};
const eventSubject = `${prefix}.events.registration.guidance-requested.v1`;
const answerSubject = `${prefix}.agency.${CODE}.api.guidance.answer`;
/** Refusals a retry cannot change (the reply's `error.kind`): acked. Anything else (no reply, UNAVAILABLE, ...) is retried. */
const PERMANENT = ['VALIDATION', 'RULE', 'CONFLICT', 'NOT_FOUND', 'FORBIDDEN'];
/** Delay before the n-th retry (the last one repeats), and deliveries of one event before it is given up (about 15 min). */
const RETRY_DELAYS_MS = [1_000, 5_000, 30_000, 120_000];
const MAX_DELIVER = 10;

const TEXT =
  'Sở Nông nghiệp và Môi trường hướng dẫn: hồ sơ cần có văn bản chứng minh cơ sở sản xuất đáp ứng yêu cầu bảo vệ môi trường ' +
  'theo Luật Bảo vệ môi trường 2020 — giấy phép môi trường, hoặc đăng ký môi trường với Ủy ban nhân dân cấp xã nếu cơ sở thuộc ' +
  'đối tượng phải đăng ký; cơ sở đã có bản cam kết bảo vệ môi trường (hoặc kế hoạch bảo vệ môi trường) được xác nhận trước ngày ' +
  '01/01/2022 thì nộp kèm bản đó. Cơ sở được miễn đăng ký môi trường ghi rõ căn cứ miễn theo Nghị định 08/2022/NĐ-CP.';

const log = (message) => console.log(`${new Date().toISOString()} [${CODE}] ${message}`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const isApiError = (err, code) => err instanceof JetStreamApiError && err.code === code;
let stopping = false;
let messages;

/**
 * The durable pull consumer: the existing one as it is, or (development) a new one; waits for the stream and, in
 * operator mode, for the consumer the platform creates.
 */
async function ensureConsumer(nc) {
  const jsm = operatorMode ? undefined : await jetstreamManager(nc);
  let warned = false;
  while (!stopping) {
    try {
      return jsm ? await jsm.consumers.info(stream, durable) : await (await jetstream(nc, jsOptions).consumers.get(stream, durable)).info();
    } catch (err) {
      if (jsm && isApiError(err, JetStreamApiCodes.ConsumerNotFound)) {
        try {
          return await jsm.consumers.add(stream, {
            durable_name: durable,
            ack_policy: AckPolicy.Explicit,
            deliver_policy: DeliverPolicy.All,
            filter_subject: eventSubject,
            ack_wait: nanos(30_000),
            max_deliver: MAX_DELIVER,
          });
        } catch (addErr) {
          if (!isApiError(addErr, JetStreamApiCodes.StreamNotFound)) throw addErr;
        }
      } else if (!isApiError(err, JetStreamApiCodes.StreamNotFound) && !isApiError(err, JetStreamApiCodes.ConsumerNotFound)) throw err;
    }
    if (!warned)
      log(`${operatorMode ? `the platform's consumer of` : 'stream'} ${stream} does not exist yet; waiting for the platform to create it`);
    warned = true;
    await sleep(1_000);
  }
  return undefined;
}

/** One delivery of `registration.guidance-requested.v1`: answered if it is ours, then acked, or nak'ed to retry later. */
async function handle(nc, m) {
  let event;
  try {
    event = m.json();
  } catch {
    event = undefined;
  }
  const d = event && event.data;
  if (!d || typeof d !== 'object' || typeof event.time !== 'string') {
    log(`message ${m.seq} is not an event envelope: terminated`);
    return m.term();
  }
  if (d.agencyCode !== CODE || d.topic !== 'ENVIRONMENT') return m.ack(); // not ours
  const h = headers();
  if (!production) {
    h.set('ocop-as-of', event.time); // as of the question's own time, when the platform is driven through time
    h.set('ocop-as-of-source', 'event');
  }
  if (event.correlationid) h.set('ocop-correlation-id', String(event.correlationid));
  // A stable reference: the platform takes a message with a reference the thread already has once (a retry is harmless).
  const body = { threadId: d.threadId, text: TEXT, reference: `${CODE}-${String(d.threadId).slice(0, 8)}` };
  let reply;
  try {
    reply = (await nc.request(answerSubject, JSON.stringify(body), { timeout: 10_000, headers: h })).json();
  } catch (err) {
    reply = { ok: false, error: { code: 'NO_REPLY', kind: 'UNAVAILABLE', message: err.message } };
  }
  const what = `thread ${d.threadId} (dossier ${d.dossierCode})`;
  if (reply && reply.ok === true) {
    log(`${what}: answered (${body.reference})`);
    return m.ack();
  }
  const e = (reply && reply.error) || { code: 'REPLY_INVALID', kind: 'INTERNAL', message: 'not an RpcReply' };
  if (PERMANENT.includes(e.kind)) {
    log(`${what}: refused, not retried: ${e.code} (${e.kind}) ${e.message}`);
    return m.ack();
  }
  if (m.info.deliveryCount >= MAX_DELIVER) {
    log(`${what}: not answered after ${MAX_DELIVER} tries (${e.code}): given up`);
    return m.term();
  }
  const delay = RETRY_DELAYS_MS[Math.min(m.info.deliveryCount, RETRY_DELAYS_MS.length) - 1];
  log(`${what}: not answered (${e.code}, ${e.kind}); retried in ${delay} ms`);
  return m.nak(delay);
}

async function main() {
  const nc = await connect({
    servers: (env.NATS_URL || 'nats://127.0.0.1:4222').split(',').map((s) => s.trim()),
    name: `agency-${CODE}`,
    // The only inbox the agency's credential may subscribe to: replies and JetStream answers arrive there.
    inboxPrefix: `_INBOX_${CODE}`,
    authenticator: env.NATS_CREDS_FILE ? credsAuthenticator(readFileSync(env.NATS_CREDS_FILE)) : undefined,
    maxReconnectAttempts: -1,
  });
  const stop = () => {
    if (stopping) return;
    stopping = true;
    log('stopping');
    if (messages) void messages.close(); // the loop below ends once the message in hand is settled
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  if (await ensureConsumer(nc)) {
    messages = await (await jetstream(nc, jsOptions).consumers.get(stream, durable)).consume({ max_messages: 1 });
    if (stopping) void messages.close();
    log(`answers ENVIRONMENT guidance questions from ${eventSubject} (consumer ${durable})`);
    for await (const m of messages) await handle(nc, m);
  }
  await nc.drain();
  log('stopped');
}

main().catch((err) => {
  console.error(`the Department of Agriculture and Environment's service (${CODE}) failed: ${err.message}`);
  process.exit(1);
});
