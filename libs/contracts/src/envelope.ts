/**
 * A domain event on the bus: CloudEvents 1.0 attribute names (JSON format), plus the extension
 * attributes correlationid, causationid, actorid and actorrole (CloudEvents extension names are
 * lowercase alphanumerics).
 */
export interface EventEnvelope<T = unknown> {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  /** The entity the event is about (a dossier id, a certificate id, ...). */
  subject?: string;
  time: string;
  datacontenttype: 'application/json';
  dataschemaversion?: number;
  data: T;
  correlationid: string;
  causationid?: string;
  actorid?: string;
  actorrole?: string;
  /**
   * The agency whose space (`<prefix>.agency.<CODE>.events.…`) the event was published in: set by the consuming side
   * from the subject, which the broker lets only that agency publish on; whatever a publisher writes here is dropped.
   */
  agencycode?: string;
}

export function isEventEnvelope(v: unknown): v is EventEnvelope {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  return (
    e.specversion === '1.0' &&
    typeof e.id === 'string' &&
    /^[0-9a-f-]{36}$/i.test(e.id) &&
    typeof e.type === 'string' &&
    typeof e.source === 'string' &&
    typeof e.time === 'string' &&
    typeof e.correlationid === 'string' &&
    'data' in e
  );
}

/** NATS header names used across processes. */
export const HEADERS = {
  correlationId: 'ocop-correlation-id',
  causationId: 'ocop-causation-id',
  actor: 'ocop-actor',
  asOf: 'ocop-as-of',
  /** `event` or `job` when the as-of is the time of the event or job that made the call (not checked against records' last change). */
  asOfSource: 'ocop-as-of-source',
} as const;
