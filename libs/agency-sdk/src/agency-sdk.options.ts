import type { NatsConnection } from '@nats-io/transport-node';
import { AGENCY_CODE_RULE, CONSUMER_NAME_RULE, agencyJetStreamApiPrefix } from './subjects';

/** How an `@OnPlatformEvent` handler's durable consumer retries and paces (the module's defaults, or per handler). */
export interface ConsumerSettings {
  /** Deliveries of one event before it is given up (logged and terminated). Default 5. */
  maxDeliver?: number;
  /** Delay before the n-th retry of a handler that threw (the last value repeats). Default 1 s, 5 s, 30 s, 2 min. */
  backoffMs?: number[];
  /** How long the server waits for an ack before it redelivers (the SDK says "still working" while a handler runs). Default 30 s. */
  ackWaitMs?: number;
  /** Events handled at the same time by this process. Default 1 (stream order). */
  concurrency?: number;
  /** On creating the consumer: from the first event the stream holds (`all`, default) or from now on (`new`). */
  deliver?: 'all' | 'new';
}

export interface AgencySdkOptions {
  /** The agency's code, e.g. `SYT` (Health): its space on the bus `<prefix>.agency.<CODE>.>` and inbox `_INBOX_<CODE>`. */
  agencyCode: string;
  /** NATS server URL(s), comma-separated, e.g. `tls://nats.ocop.example.gov.vn:4222`. */
  natsUrl: string;
  /** The `.creds` file the platform issued to the agency (production, operator mode). None in development. */
  credsFile?: string;
  /** The deployment's subject prefix. Default `ocop`. */
  prefix?: string;
  /** The JetStream stream of the platform's events. Default `OCOP_EVENTS`. */
  stream?: string;
  /** Durable consumers are named `<consumerPrefix>-<name>`. Default `agency-<CODE>`. */
  consumerPrefix?: string;
  /**
   * Whether the SDK creates its consumers when they are missing (default: yes without a creds file, as in development).
   * With a creds file (operator mode) the platform creates them when it grants the event types — one per type, named
   * `agency-<CODE>-<type with _ for .>` — and the credential may only read those: the SDK uses them as they are.
   */
  createConsumers?: boolean;
  /** How long a request waits for its reply, per try. Default 10 s. */
  requestTimeoutMs?: number;
  /** Tries after the first, for a request that timed out, found no responder or was refused as UNAVAILABLE. Default 2. */
  retries?: number;
  /** Delay before the n-th retry of a request (the last value repeats). Default 500 ms, 2 s, 5 s. */
  retryBackoffMs?: number[];
  /** Defaults of every handler's consumer. */
  consumer?: ConsumerSettings;
  /** Event ids per consumer remembered as handled, so a redelivery does not run the handler twice. Default 10 000. */
  handledIdsCapacity?: number;
  /** How long start-up waits for the platform's stream to exist (it may start after the agency). Default 60 s. */
  streamWaitMs?: number;
  /** Where the JetStream API is, if not `$JS.API`: with a creds file (operator mode) `JS.<prefix>.API`, where the AGENCIES account imports its consumers' API. */
  jetStreamApiPrefix?: string;
  /** The connection's name as the server shows it. Default `agency-<CODE>`. */
  connectionName?: string;
  /** An open connection to use instead of connecting (tests, or a process that has one): the SDK neither drains nor closes it. */
  connection?: NatsConnection;
}

/** The options with every default applied, checked once at start-up. */
export interface ResolvedAgencySdkOptions {
  agencyCode: string;
  natsUrl: string;
  credsFile?: string;
  prefix: string;
  stream: string;
  consumerPrefix: string;
  createConsumers: boolean;
  requestTimeoutMs: number;
  retries: number;
  retryBackoffMs: number[];
  consumer: Required<ConsumerSettings>;
  handledIdsCapacity: number;
  streamWaitMs: number;
  jetStreamApiPrefix?: string;
  connectionName: string;
  connection?: NatsConnection;
}

/** The token of the resolved options (inject it with `@Inject(AGENCY_SDK_OPTIONS)`). */
export const AGENCY_SDK_OPTIONS = Symbol('AGENCY_SDK_OPTIONS');

export const DEFAULT_CONSUMER: Required<ConsumerSettings> = {
  maxDeliver: 5,
  backoffMs: [1_000, 5_000, 30_000, 120_000],
  ackWaitMs: 30_000,
  concurrency: 1,
  deliver: 'all',
};

const SUBJECT_TOKEN = /^[^\s.*>]+(\.[^\s.*>]+)*$/;

function positive(name: string, v: number, min = 1): number {
  if (!Number.isInteger(v) || v < min) throw new Error(`agency SDK: ${name} must be an integer ≥ ${min}, not ${v}`);
  return v;
}

function delays(name: string, v: number[]): number[] {
  if (!v.length) throw new Error(`agency SDK: ${name} needs at least one delay`);
  return v.map((d, i) => positive(`${name}[${i}]`, d, 0));
}

/** Checks one handler's consumer settings over the defaults. */
export function resolveConsumerSettings(defaults: Required<ConsumerSettings>, given: ConsumerSettings = {}): Required<ConsumerSettings> {
  const s = { ...defaults, ...stripUndefined(given) };
  if (s.deliver !== 'all' && s.deliver !== 'new') throw new Error(`agency SDK: deliver must be all or new, not ${String(s.deliver)}`);
  return {
    maxDeliver: positive('maxDeliver', s.maxDeliver),
    backoffMs: delays('backoffMs', s.backoffMs),
    ackWaitMs: positive('ackWaitMs', s.ackWaitMs, 100),
    concurrency: positive('concurrency', s.concurrency),
    deliver: s.deliver,
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function resolveAgencySdkOptions(o: AgencySdkOptions): ResolvedAgencySdkOptions {
  if (!AGENCY_CODE_RULE.test(o.agencyCode ?? ''))
    throw new Error(`agency SDK: agencyCode ${o.agencyCode} is not 2–20 upper-case letters, digits, _ or - (e.g. SYT)`);
  if (!o.connection && !o.natsUrl) throw new Error('agency SDK: natsUrl is required');
  const prefix = o.prefix ?? 'ocop';
  if (!SUBJECT_TOKEN.test(prefix)) throw new Error(`agency SDK: prefix ${prefix} is not a subject prefix (no spaces or wildcards)`);
  const stream = o.stream ?? 'OCOP_EVENTS';
  if (!/^[A-Za-z0-9_-]+$/.test(stream)) throw new Error(`agency SDK: stream ${stream} is not a stream name`);
  const consumerPrefix = o.consumerPrefix ?? `agency-${o.agencyCode}`;
  if (!CONSUMER_NAME_RULE.test(consumerPrefix))
    throw new Error(`agency SDK: consumerPrefix ${consumerPrefix} may hold only A–Z, a–z, 0–9, _ and -`);
  return {
    agencyCode: o.agencyCode,
    natsUrl: o.natsUrl,
    ...(o.credsFile ? { credsFile: o.credsFile } : {}),
    prefix,
    stream,
    consumerPrefix,
    createConsumers: o.createConsumers ?? !o.credsFile,
    requestTimeoutMs: positive('requestTimeoutMs', o.requestTimeoutMs ?? 10_000),
    retries: positive('retries', o.retries ?? 2, 0),
    retryBackoffMs: delays('retryBackoffMs', o.retryBackoffMs ?? [500, 2_000, 5_000]),
    consumer: resolveConsumerSettings(DEFAULT_CONSUMER, o.consumer),
    handledIdsCapacity: positive('handledIdsCapacity', o.handledIdsCapacity ?? 10_000),
    streamWaitMs: positive('streamWaitMs', o.streamWaitMs ?? 60_000, 0),
    // Operator mode: the platform's consumer API as the AGENCIES account imports it (deploy/nats/operator-mode.md).
    ...(o.jetStreamApiPrefix || o.credsFile ? { jetStreamApiPrefix: o.jetStreamApiPrefix ?? agencyJetStreamApiPrefix(prefix) } : {}),
    connectionName: o.connectionName ?? `agency-${o.agencyCode}`,
    ...(o.connection ? { connection: o.connection } : {}),
  };
}

/** The delay before retry number `attempt` (1-based), the last value repeating. */
export function backoffDelay(delaysMs: readonly number[], attempt: number): number {
  return delaysMs[Math.min(Math.max(attempt, 1), delaysMs.length) - 1]!;
}
