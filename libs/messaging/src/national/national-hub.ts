import { DiscardPolicy, RetentionPolicy, StorageType } from '@nats-io/jetstream';
import type { JetStreamManager, StreamConfig, StreamSource, StoredMsg } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { eventSubject, isEventEnvelope, ProgrammeEvents, RegistrationEvents, type EventEnvelope } from '@ocop/contracts';

/**
 * The national hub's JetStream side (issue 17, `national-hub` mode; the servers' configuration and the reasons for it
 * are in deploy/nats/national-hub.md). Each province's nats-server is a leaf node of the hub's and runs JetStream in a
 * domain of its own (`province38`); the hub's streams source the shared subjects from the province's event stream
 * through that domain's API (`$JS.<domain>.API`), across the leaf connection, so nothing runs in between and a province
 * that was away catches up by itself.
 *
 * nats-server 2.9 keys a stream's sources by the origin stream's name and API prefix only: two sources of one province
 * stream with two filter subjects collide, and the server keeps one of them without a word (2.10 tells them apart by
 * filter). So the hub keeps one staging stream per province and shared type (`<stream>_<domain>_<type>`), each with one
 * filtered source in the province, and the national stream sources the staging streams.
 */

/**
 * The event types a province shares with the national hub: the dossiers it forwarded to the central council (the 5★
 * candidates) and its submitted reports' frozen annual figures. They keep their CloudEvents JSON envelope and their
 * `Nats-Msg-Id` (the event id) on the way.
 */
export const NATIONAL_EVENT_TYPES = [RegistrationEvents.dossierForwarded, ProgrammeEvents.reportSubmitted] as const;

/** The hub's national stream (configurable). */
export const NATIONAL_STREAM = 'NATIONAL';

/**
 * Where a province's server delivers the hub's sourcing consumers (`<prefix>.<domain>.…`): one space per province, so
 * the hub's permissions let each province publish in its own only.
 */
export const NATIONAL_DELIVER_PREFIX = 'national.deliver';

/** How long the hub's streams remember an event id where the server can be trusted with it (`dedupInStream`). */
const DEFAULT_DUPLICATE_WINDOW_MS = 2 * 60 * 60 * 1000;

/** The shortest duplicate window a stream takes (100 ms; 0 means the server's default, 2 minutes). */
const NO_DUPLICATE_WINDOW_MS = 100;

/** The first nats-server that skips a sourced message whose Nats-Msg-Id the stream has already seen. */
const SKIPS_SOURCED_DUPLICATES = [2, 12, 6] as const;

/** A JetStream domain as a subject token: letters, digits and `-` (no `_`: it separates the staging streams' names). */
const DOMAIN = /^[A-Za-z0-9][A-Za-z0-9-]{0,31}$/;
const STREAM_NAME = /^[A-Za-z0-9_-]{1,64}$/;
const PREFIX = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;
const EVENT_TYPE = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;

/** A province whose shared events the hub receives. */
export interface NationalProvince {
  /** Its nats-server's JetStream domain (`jetstream { domain: province38 }`), also its leaf user's name on the hub. */
  domain: string;
  /** Its event stream (OCOP_STREAM there; default `OCOP_EVENTS`). */
  stream?: string;
  /** Its subject prefix (default `ocop`). */
  prefix?: string;
}

export interface NationalHubOptions {
  provinces: readonly NationalProvince[];
  /** The national stream (default `NATIONAL`); the staging streams' names start with it. */
  stream?: string;
  /** The shared event types (default `NATIONAL_EVENT_TYPES`). */
  types?: readonly string[];
  /** Default `national.deliver`. */
  deliverPrefix?: string;
  /**
   * The hub server's version (`nc.info.version`). A nats-server before 2.12.6 does not skip a sourced message whose
   * Nats-Msg-Id the stream has seen: it re-creates the source's consumer at that message, again and again, and nothing
   * after it ever arrives. On such a server (or an unknown one) the hub's streams get the shortest duplicate window: an
   * event a province stored twice is stored twice, and readers drop the repeat by its id (`readNationalEvents`, and the
   * platform's consumers, whose inbox takes an event id once).
   */
  serverVersion?: string;
  /** The hub's streams' duplicate window where the server skips sourced duplicates (default 2 h). */
  duplicateWindowMs?: number;
  /** Replicas of the hub's streams (default 1; 3 on a 3-node hub cluster). */
  replicas?: number;
}

/** One stream of the hub, with the settings `ensureNationalHub` manages (the rest: limits retention, file storage). */
export interface NationalStreamPlan {
  name: string;
  description: string;
  sources: StreamSource[];
  duplicate_window: number;
  num_replicas: number;
}

export interface NationalHubPlan {
  /** The staging streams (one per province and type), then the national stream. */
  streams: NationalStreamPlan[];
  /** Whether the hub's streams drop a redelivered event themselves (see `serverVersion`). */
  dedupInStream: boolean;
}

export interface NationalHubChanges {
  created: string[];
  updated: string[];
  unchanged: string[];
  dedupInStream: boolean;
}

/** An event as the hub received it. */
export interface NationalEvent<T = unknown> {
  /** Its sequence in the national stream. */
  seq: number;
  /** The JetStream domain of the province it came from. */
  province: string;
  /** Its subject in the province (`<prefix>.events.<type>`). */
  subject: string;
  /** Its `Nats-Msg-Id` header (the province's event id). */
  msgId: string | undefined;
  envelope: EventEnvelope<T>;
}

export interface ReadNationalOptions {
  /** Default `NATIONAL`. */
  stream?: string;
  /** The first sequence to read (default the stream's first). */
  fromSeq?: number;
  /** At most this many events (default 1000). */
  max?: number;
}

/** The subjects of the shared types in a province (`<prefix>.events.<type>`). */
export function nationalSubjects(prefix: string, types: readonly string[] = NATIONAL_EVENT_TYPES): string[] {
  return types.map((type) => eventSubject(prefix, checked(EVENT_TYPE, type, 'event type')));
}

/** The staging stream that holds one type from one province (`<stream>_<domain>_<type with _ for .>`). */
export function nationalStagingStream(stream: string, domain: string, type: string): string {
  return `${stream}_${domain}_${type.replaceAll('.', '_')}`;
}

/** What `ensureNationalHub` gives the hub's streams (no I/O). */
export function nationalHubPlan(o: NationalHubOptions): NationalHubPlan {
  const stream = checked(STREAM_NAME, o.stream ?? NATIONAL_STREAM, 'stream name');
  const types = o.types ?? NATIONAL_EVENT_TYPES;
  if (types.length === 0) throw new Error('the hub needs at least one shared event type');
  const deliverPrefix = checked(PREFIX, o.deliverPrefix ?? NATIONAL_DELIVER_PREFIX, 'deliver prefix');
  const dedupInStream = skipsSourcedDuplicates(o.serverVersion);
  const duplicate_window = nanos(dedupInStream ? (o.duplicateWindowMs ?? DEFAULT_DUPLICATE_WINDOW_MS) : NO_DUPLICATE_WINDOW_MS);
  const num_replicas = o.replicas ?? 1;
  const domains = new Set<string>();
  const staging: NationalStreamPlan[] = [];
  for (const given of o.provinces) {
    const p = resolved(given);
    if (domains.has(p.domain)) throw new Error(`province ${p.domain} is listed twice`);
    domains.add(p.domain);
    for (const type of types) {
      const [filter] = nationalSubjects(p.prefix, [type]);
      staging.push({
        name: nationalStagingStream(stream, p.domain, type),
        description: `National hub: ${type} from ${p.domain}`,
        sources: [
          {
            name: p.stream,
            filter_subject: filter,
            external: { api: `$JS.${p.domain}.API`, deliver: `${deliverPrefix}.${p.domain}` },
          },
        ],
        duplicate_window,
        num_replicas,
      });
    }
  }
  const national: NationalStreamPlan = {
    name: stream,
    description: "National hub: the provinces' shared events",
    sources: staging.map((s) => ({ name: s.name })),
    duplicate_window,
    num_replicas,
  };
  return { streams: [...staging, national], dedupInStream };
}

/**
 * Creates the hub's streams on the hub server, or brings them up to date: calling it again with the same provinces
 * changes nothing; with a new province, it creates that province's staging streams and adds them to the national
 * stream's sources. Sources of provinces no longer listed are kept (taking a province out is an operator's act,
 * deploy/nats/national-hub.md).
 */
export async function ensureNationalHub(jsm: JetStreamManager, o: NationalHubOptions): Promise<NationalHubChanges> {
  const plan = nationalHubPlan(o);
  const national = plan.streams[plan.streams.length - 1]!;
  const changes: NationalHubChanges = { created: [], updated: [], unchanged: [], dedupInStream: plan.dedupInStream };
  for (const want of plan.streams) {
    const current = await streamConfig(jsm, want.name);
    if (!current) {
      await jsm.streams.add({
        ...want,
        retention: RetentionPolicy.Limits,
        storage: StorageType.File,
        discard: DiscardPolicy.Old,
      });
      changes.created.push(want.name);
      continue;
    }
    const next = want === national ? { ...want, sources: withSources(current.sources ?? [], want.sources) } : want;
    if (sameSettings(current, next)) {
      changes.unchanged.push(want.name);
    } else {
      const { name, ...settings } = next;
      await jsm.streams.update(name, settings);
      changes.updated.push(want.name);
    }
  }
  return changes;
}

/**
 * The events in the national stream, in its order, each event id once (the first copy: see `serverVersion`), with the
 * province each came from (its staging stream, named in the `Nats-Stream-Source` header the server writes).
 */
export async function readNationalEvents(jsm: JetStreamManager, o: ReadNationalOptions = {}): Promise<NationalEvent[]> {
  const stream = o.stream ?? NATIONAL_STREAM;
  const max = o.max ?? 1000;
  const { state } = await jsm.streams.info(stream);
  const events: NationalEvent[] = [];
  if (state.messages === 0) return events;
  const seen = new Set<string>();
  for (let seq = Math.max(o.fromSeq ?? state.first_seq, state.first_seq); seq <= state.last_seq && events.length < max; seq++) {
    const m = await jsm.streams.getMessage(stream, { seq });
    if (!m) continue; // deleted
    const event = nationalEventOf(stream, m);
    const key = event.msgId ?? event.envelope.id;
    if (seen.has(key)) continue;
    seen.add(key);
    events.push(event);
  }
  return events;
}

/**
 * The permissions of a province's leaf user on the hub, from the leaf's side as nats-server takes them (the hub
 * reverses them for the leaf connection): it may publish its deliveries of the hub's sourcing consumers and the answers
 * to their creation, and be asked to create only consumers filtered to the shared subjects, on its event stream.
 */
export function provinceLeafPermissions(
  province: NationalProvince,
  o: Pick<NationalHubOptions, 'types' | 'deliverPrefix'> = {},
): { publish: { allow: string[] }; subscribe: { allow: string[] } } {
  const p = resolved(province);
  const deliverPrefix = checked(PREFIX, o.deliverPrefix ?? NATIONAL_DELIVER_PREFIX, 'deliver prefix');
  return {
    publish: { allow: [`${deliverPrefix}.${p.domain}.>`, '$JSC.R.>'] },
    subscribe: {
      allow: [
        ...nationalSubjects(p.prefix, o.types).map((s) => `$JS.${p.domain}.API.CONSUMER.CREATE.${p.stream}.*.${s}`),
        `$JS.FC.${p.stream}.>`,
      ],
    },
  };
}

/**
 * The subject mappings a province's server needs for its leaf to take the hub's consumer creations: nats-server tells
 * the hub it listens on its domain's API (`$JS.<domain>.API.CONSUMER.>`) only if the leaf's permissions allow that whole
 * subject, and it does not match it with an allowed subject that has a `*` inside. These narrower mappings (to the same
 * local API) are what it then tells the hub instead.
 */
export function provinceLeafMappings(province: NationalProvince, o: Pick<NationalHubOptions, 'types'> = {}): Record<string, string> {
  const p = resolved(province);
  return Object.fromEntries(
    nationalSubjects(p.prefix, o.types).map((s) => [
      `$JS.${p.domain}.API.CONSUMER.CREATE.${p.stream}.*.${s}`,
      `$JS.API.CONSUMER.CREATE.${p.stream}.{{wildcard(1)}}.${s}`,
    ]),
  );
}

interface ResolvedProvince {
  domain: string;
  stream: string;
  prefix: string;
}

function resolved(p: NationalProvince): ResolvedProvince {
  return {
    domain: checked(DOMAIN, p.domain, 'JetStream domain'),
    stream: checked(STREAM_NAME, p.stream ?? 'OCOP_EVENTS', 'stream name'),
    prefix: checked(PREFIX, p.prefix ?? 'ocop', 'subject prefix'),
  };
}

function checked(rule: RegExp, value: string, what: string): string {
  if (!rule.test(value)) throw new Error(`${JSON.stringify(value)} is not a valid ${what} (${rule.source})`);
  return value;
}

function skipsSourcedDuplicates(version: string | undefined): boolean {
  const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version ?? '');
  if (!m) return false;
  const have = [Number(m[1]), Number(m[2]), Number(m[3])];
  for (let i = 0; i < 3; i++) if (have[i] !== SKIPS_SOURCED_DUPLICATES[i]) return have[i]! > SKIPS_SOURCED_DUPLICATES[i]!;
  return true;
}

async function streamConfig(jsm: JetStreamManager, name: string): Promise<StreamConfig | undefined> {
  try {
    return (await jsm.streams.info(name)).config;
  } catch (err) {
    if (/not found/i.test((err as Error).message)) return undefined;
    throw err;
  }
}

/** The current sources, then the wanted ones that are not among them. */
function withSources(current: StreamSource[], wanted: StreamSource[]): StreamSource[] {
  const names = new Set(current.map((s) => s.name));
  return [...current, ...wanted.filter((s) => !names.has(s.name))];
}

const sourceKey = (s: StreamSource): string =>
  JSON.stringify([s.name, s.filter_subject ?? '', s.external?.api ?? '', s.external?.deliver ?? '']);

function sameSettings(current: StreamConfig, want: NationalStreamPlan): boolean {
  return (
    (current.description ?? '') === want.description &&
    current.duplicate_window === want.duplicate_window &&
    current.num_replicas === want.num_replicas &&
    JSON.stringify((current.sources ?? []).map(sourceKey)) === JSON.stringify(want.sources.map(sourceKey))
  );
}

/** The province a message of the national stream came from: its staging stream, `<stream>_<domain>_<type>`. */
function provinceOf(stream: string, m: StoredMsg): string | undefined {
  const origin = m.header?.get('Nats-Stream-Source').split(' ')[0]?.split(':')[0] ?? '';
  if (!origin.startsWith(`${stream}_`)) return undefined;
  const domain = origin.slice(stream.length + 1).split('_')[0]!;
  return DOMAIN.test(domain) ? domain : undefined;
}

function nationalEventOf(stream: string, m: StoredMsg): NationalEvent {
  const province = provinceOf(stream, m);
  if (!province) throw new Error(`${stream} #${m.seq} did not come from a province's staging stream`);
  const envelope: unknown = m.json();
  if (!isEventEnvelope(envelope)) throw new Error(`${stream} #${m.seq} is not an event envelope`);
  return { seq: m.seq, province, subject: m.subject, msgId: m.header?.get('Nats-Msg-Id') || undefined, envelope };
}
