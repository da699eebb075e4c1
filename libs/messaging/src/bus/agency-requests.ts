import type { Msg, NatsConnection, Subscription } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import { AppError, ErrorKind, HEADERS, agencyCodeOfSubject, isInstant, type RpcReply } from '@ocop/contracts';
import { runAsOf } from '@ocop/observability';
import { toErrorPayload } from '../error-mapping';

const encoder = new TextEncoder();

export interface AgencyRequestOptions<T> {
  /** The subject, with `*` where the agency's code stands (e.g. `agencyApiSubject(prefix, '*', name)`). */
  subject: string;
  prefix: string;
  /** Queue group: one replica answers each request. */
  queue: string;
  /** In production the `ocop-as-of` header is refused: time is the wall clock. */
  mode: string;
  logger: Logger;
  /** What the request does; the agency is the one whose subject it came on (only its credential may publish there). */
  handle(agencyCode: string, body: unknown, asOf: Date, msg: Msg): Promise<T>;
}

/**
 * Serves requests outside agencies' own services send in their space (`<prefix>.agency.<CODE>.…`, request/reply in the
 * documented wire format, docs/asyncapi.yaml): the body is JSON, the reply an RpcReply (`{ok, data}` or `{ok: false,
 * error}` with a stable code). Outside production, the `ocop-as-of` header sets the instant the request acts as of,
 * like X-As-Of on HTTP; with `ocop-as-of-source: event` it is the time of the event the request answers, which is not
 * refused for being before the record's last change (the platform's own consumers' reactions are dated so too).
 */
export function serveAgencyRequests<T>(nc: NatsConnection, o: AgencyRequestOptions<T>): Subscription {
  const answer = async (msg: Msg): Promise<void> => {
    let reply: RpcReply<T>;
    try {
      const agencyCode = agencyCodeOfSubject(o.prefix, msg.subject);
      if (!agencyCode) throw AppError.validation('AGENCY_SUBJECT_INVALID', `${msg.subject} names no agency`, 'subject');
      let body: unknown;
      try {
        body = JSON.parse(msg.string());
      } catch {
        throw AppError.validation('VALIDATION_FAILED', 'the message must be JSON', 'body');
      }
      const asOf = asOfOf(msg, o.mode);
      // A reaction to an event, dated by it (as the platform's own consumers' calls are): not refused as backdated.
      const source = msg.headers?.get(HEADERS.asOfSource) === 'event' && msg.headers?.get(HEADERS.asOf) ? 'event' : 'request';
      reply = { ok: true, data: await runAsOf(asOf, source, () => o.handle(agencyCode, body, asOf, msg)) };
    } catch (err) {
      const e = toErrorPayload(err);
      if (e.kind === ErrorKind.INTERNAL) o.logger.error({ err, subject: msg.subject }, 'agency request failed');
      else o.logger.warn({ code: e.code, subject: msg.subject }, `agency request refused: ${e.message}`);
      reply = { ok: false, error: e };
    }
    if (msg.reply) msg.respond(encoder.encode(JSON.stringify(reply)));
  };
  return nc.subscribe(o.subject, {
    queue: o.queue,
    callback: (err, msg) => {
      if (!err) void answer(msg);
    },
  });
}

/** Now, or — outside production, so a whole year can be driven through time — the instant in the `ocop-as-of` header. */
function asOfOf(msg: Msg, mode: string): Date {
  const given = msg.headers?.get(HEADERS.asOf);
  if (!given) return new Date();
  if (mode === 'production')
    throw AppError.validation('AS_OF_NOT_ALLOWED', 'the ocop-as-of header is refused in production mode', HEADERS.asOf);
  if (!isInstant(given)) throw AppError.validation('AS_OF_INVALID', 'ocop-as-of must be an ISO 8601 instant with its offset', HEADERS.asOf);
  return new Date(given);
}
