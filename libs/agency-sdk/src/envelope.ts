import { createHash } from 'node:crypto';

/**
 * An event on the bus: a CloudEvents 1.0 envelope in JSON (attribute names of the JSON format), with the platform's
 * extension attributes. Its `id` is also the message's Nats-Msg-Id, on which JetStream drops a re-publish.
 */
export interface EventEnvelope<T = unknown> {
  specversion: '1.0';
  /** A UUID; consumers deduplicate on it. */
  id: string;
  /** Who published it: `ocop/<service>` for the platform, `agency/<CODE>` for an agency's service (this SDK). */
  source: string;
  type: string;
  /** The id of the record the event is about (a dossier id, a certificate id, ...). */
  subject?: string;
  /** The instant the change took effect (ISO 8601): the platform's as-of instant, which a run driven through time moves. */
  time: string;
  datacontenttype: 'application/json';
  dataschemaversion?: number;
  data: T;
  correlationid: string;
  causationid?: string;
  actorid?: string;
  actorrole?: string;
  /** Set by the platform's consumers from the subject an agency published on; a publisher's own value is dropped. */
  agencycode?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(v: unknown): v is string {
  return typeof v === 'string' && UUID.test(v);
}

/** Whether a decoded message is an event envelope the SDK can hand to a handler. */
export function isEventEnvelope(v: unknown): v is EventEnvelope {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  return (
    e.specversion === '1.0' &&
    isUuid(e.id) &&
    typeof e.type === 'string' &&
    typeof e.source === 'string' &&
    typeof e.time === 'string' &&
    typeof e.correlationid === 'string' &&
    'data' in e
  );
}

/** The namespace of the SDK's name-based ids (fixed: changing it changes every stable id). */
const STABLE_ID_NAMESPACE = Buffer.from('3d9f6a52c1e84b7f9a0e5b2c7d41f8a6', 'hex');

/**
 * A name-based UUID (version 5, SHA-1) of the parts, e.g. `stableEventId('SYT', 'report 125/SYT-ATTP')`: the same parts
 * give the same id, so publishing the same fact again is dropped by JetStream's duplicate window.
 */
export function stableEventId(...parts: string[]): string {
  if (!parts.length) throw new Error('stableEventId needs at least one part');
  const hash = createHash('sha1').update(STABLE_ID_NAMESPACE).update(parts.join('\u0000')).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
