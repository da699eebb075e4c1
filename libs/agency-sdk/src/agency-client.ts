import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { errors, headers as natsHeaders } from '@nats-io/transport-node';
import { AgencyConnection } from './agency-connection';
import { AGENCY_SDK_OPTIONS, backoffDelay, type ResolvedAgencySdkOptions } from './agency-sdk.options';
import { AgencyRequestError, TRANSIENT_ERROR_KINDS, type AgencyErrorPayload } from './agency-request.error';
import { AGENCY_EVENT_TYPES, AGENCY_REQUEST_NAMES, type AgencyEventsMap, type AgencyRequests } from './contract.generated';
import { isUuid, stableEventId, type EventEnvelope } from './envelope';
import { agencyApiSubject, agencyEventSubject, SDK_HEADERS } from './subjects';

export type AgencyRequestName = keyof AgencyRequests;
export type AgencyRequestBody<N extends AgencyRequestName> = AgencyRequests[N]['request'];
export type AgencyReplyData<N extends AgencyRequestName> = AgencyRequests[N]['reply'];
export type AgencyEventType = keyof AgencyEventsMap;

export interface AgencyRequestOptions {
  /**
   * Outside production only: the instant the request acts as of (header `ocop-as-of`), e.g. the `time` of the event it
   * answers, so a run driven through time stays coherent. The platform refuses it in production: leave it out there.
   */
  asOf?: Date | string;
  /**
   * `event` when `asOf` is the time of the event the request answers (header `ocop-as-of-source`): the platform then
   * does not refuse it for being dated before the record's last change, as for its own consumers' reactions.
   */
  asOfSource?: 'event';
  /** Per try; default the module's `requestTimeoutMs`. */
  timeoutMs?: number;
  /** Tries after the first; default the module's `retries`. */
  retries?: number;
  /** Carried in `ocop-correlation-id` (e.g. the envelope's `correlationid` of the event being answered). */
  correlationId?: string;
}

export interface AgencyPublishOptions {
  /**
   * The event's id (a UUID; also its Nats-Msg-Id). Give a stable one (`stableEventId`) to make a retry of the same
   * publish idempotent: JetStream drops a copy inside its duplicate window. Default: a new random UUID.
   */
  id?: string;
  /** The envelope's `subject`: the id of the record the event is about. */
  subject?: string;
  /** When it took effect. Default now. */
  time?: Date | string;
  correlationId?: string;
  causationId?: string;
  /** Per try; default the module's `requestTimeoutMs`. */
  timeoutMs?: number;
}

/** What JetStream answered for a publish. */
export interface PublishedAgencyEvent<T> {
  envelope: EventEnvelope<T>;
  stream: string;
  seq: number;
  /** The stream already held an event with this id (a retry): nothing new was stored. */
  duplicate: boolean;
}

type Reply<T> = { ok: true; data: T } | { ok: false; error: AgencyErrorPayload };

const encoder = new TextEncoder();

/** The failure of a try that got no reply, if a later try may get one. */
function transportFailure(err: unknown): 'REQUEST_TIMEOUT' | 'NO_RESPONDERS' | undefined {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e instanceof errors.TimeoutError) return 'REQUEST_TIMEOUT';
    if (e instanceof errors.NoRespondersError) return 'NO_RESPONDERS';
    if (e instanceof errors.RequestError && e.isNoResponders()) return 'NO_RESPONDERS';
  }
  return undefined;
}

function isoOf(v: Date | string, what: string): string {
  const d = v instanceof Date ? v : new Date(v);
  if (Number.isNaN(d.getTime())) throw new Error(`agency SDK: ${what} ${String(v)} is not an instant`);
  return d.toISOString();
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * The agency's requests to the platform and its own events, typed from the contract (contract.generated.ts).
 *
 * A request is retried, with the module's backoff, when no reply came (timeout, no responder) or the platform answered
 * UNAVAILABLE or RATE_LIMITED; any other refusal throws an AgencyRequestError at once. A request that timed out may
 * still have been carried out, so a retried request must be idempotent: give it the reference the platform
 * deduplicates on (`opinion.give`: `reference`).
 */
@Injectable()
export class AgencyClient {
  private readonly logger = new Logger('AgencySdk');

  constructor(
    @Inject(AGENCY_SDK_OPTIONS) private readonly options: ResolvedAgencySdkOptions,
    private readonly connection: AgencyConnection,
  ) {}

  get agencyCode(): string {
    return this.options.agencyCode;
  }

  /** A stable event id for one of this agency's facts (its own report number, ...): the same key, the same id. */
  eventId(key: string): string {
    return stableEventId(this.options.agencyCode, key);
  }

  /** Sends a request on `<prefix>.agency.<CODE>.api.<name>`; resolves with the reply's `data`, or throws AgencyRequestError. */
  async request<N extends AgencyRequestName>(
    name: N,
    body: AgencyRequestBody<N>,
    options: AgencyRequestOptions = {},
  ): Promise<AgencyReplyData<N>> {
    if (!(AGENCY_REQUEST_NAMES as readonly string[]).includes(name))
      throw new Error(`agency SDK: ${String(name)} is not an agency request`);
    const subject = agencyApiSubject(this.options.prefix, this.options.agencyCode, name);
    const h = natsHeaders();
    if (options.asOf !== undefined) h.set(SDK_HEADERS.asOf, isoOf(options.asOf, 'asOf'));
    if (options.asOf !== undefined && options.asOfSource) h.set(SDK_HEADERS.asOfSource, options.asOfSource);
    if (options.correlationId) h.set(SDK_HEADERS.correlationId, options.correlationId);
    const payload = encoder.encode(JSON.stringify(body));
    const timeout = options.timeoutMs ?? this.options.requestTimeoutMs;
    const retries = options.retries ?? this.options.retries;
    for (let attempt = 0; ; attempt++) {
      let failure: AgencyRequestError;
      try {
        const msg = await this.connection.nc.request(subject, payload, { timeout, headers: h });
        const reply = parseReply<AgencyReplyData<N>>(name, msg.string());
        if (reply.ok) return reply.data;
        failure = new AgencyRequestError(name, reply.error, true);
        if (!TRANSIENT_ERROR_KINDS.includes(failure.kind)) throw failure;
      } catch (err) {
        if (err instanceof AgencyRequestError) throw err;
        const code = transportFailure(err);
        if (!code) throw err;
        const message = code === 'REQUEST_TIMEOUT' ? `no reply within ${timeout} ms` : 'no service answers this request';
        failure = new AgencyRequestError(name, { code, kind: 'UNAVAILABLE', message: `${message} (${subject})` }, false, { cause: err });
      }
      if (attempt >= retries) throw failure;
      const delay = backoffDelay(this.options.retryBackoffMs, attempt + 1);
      this.logger.warn(`${name} failed (${failure.code}); try ${attempt + 2} of ${retries + 1} in ${delay} ms`);
      await sleep(delay);
    }
  }

  /**
   * Publishes one of the agency's events in its own space (`<prefix>.agency.<CODE>.events.<event>.v<N>`) as a CloudEvents
   * envelope, through JetStream with Nats-Msg-Id = the envelope's id, and waits for the stream's ack (retried, with the
   * same id, when none came).
   */
  async publish<T extends AgencyEventType>(
    type: T,
    data: AgencyEventsMap[T],
    options: AgencyPublishOptions = {},
  ): Promise<PublishedAgencyEvent<AgencyEventsMap[T]>> {
    if (!(AGENCY_EVENT_TYPES as readonly string[]).includes(type))
      throw new Error(`agency SDK: ${String(type)} is not an agency event type`);
    const id = options.id ?? randomUUID();
    if (!isUuid(id)) throw new Error(`agency SDK: an event id must be a UUID (eventId(key) makes one from a key), not ${id}`);
    const envelope: EventEnvelope<AgencyEventsMap[T]> = {
      specversion: '1.0',
      id,
      source: `agency/${this.options.agencyCode}`,
      type,
      ...(options.subject !== undefined ? { subject: options.subject } : {}),
      time: isoOf(options.time ?? new Date(), 'time'),
      datacontenttype: 'application/json',
      data,
      correlationid: options.correlationId ?? id,
      ...(options.causationId ? { causationid: options.causationId } : {}),
    };
    const subject = agencyEventSubject(this.options.prefix, this.options.agencyCode, type);
    const payload = encoder.encode(JSON.stringify(envelope));
    const timeout = options.timeoutMs ?? this.options.requestTimeoutMs;
    for (let attempt = 0; ; attempt++) {
      try {
        const ack = await this.connection.js.publish(subject, payload, { msgID: id, timeout });
        return { envelope, stream: ack.stream, seq: ack.seq, duplicate: ack.duplicate };
      } catch (err) {
        if (!transportFailure(err) || attempt >= this.options.retries) throw err;
        const delay = backoffDelay(this.options.retryBackoffMs, attempt + 1);
        this.logger.warn(`publish ${type} ${id} got no ack; try ${attempt + 2} of ${this.options.retries + 1} in ${delay} ms`);
        await sleep(delay);
      }
    }
  }
}

function parseReply<T>(name: string, text: string): Reply<T> {
  let reply: unknown;
  try {
    reply = JSON.parse(text);
  } catch {
    reply = undefined;
  }
  const r = reply as { ok?: unknown; data?: unknown; error?: Partial<AgencyErrorPayload> } | undefined;
  if (r?.ok === true) return { ok: true, data: r.data as T };
  if (r?.ok === false && typeof r.error?.code === 'string' && typeof r.error.kind === 'string') {
    return {
      ok: false,
      error: {
        code: r.error.code,
        kind: r.error.kind,
        message: String(r.error.message ?? r.error.code),
        ...(r.error.field ? { field: r.error.field } : {}),
      },
    };
  }
  throw new AgencyRequestError(
    name,
    { code: 'REPLY_INVALID', kind: 'INTERNAL', message: 'the reply is not an RpcReply ({"ok": ...})' },
    true,
  );
}
