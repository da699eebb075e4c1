/**
 * The platform's subject rules, as an agency's service needs them (the same rules as libs/contracts/src/subjects.ts,
 * copied so that the SDK is packed alone; subjects.spec.ts checks that they agree):
 *   platform events   <prefix>.events.<type>                        JetStream stream (OCOP_EVENTS)
 *   agency's space    <prefix>.agency.<CODE>.>                      only the agency's credential publishes there
 *     its events      <prefix>.agency.<CODE>.events.<event>.v<N>    same stream; the type is agency.<event>.v<N>
 *     its requests    <prefix>.agency.<CODE>.api.<name>             request/reply, answered by the platform
 *   its replies       _INBOX_<CODE>.>                               the only inbox its credential may subscribe to
 */

/** An agency code: 2–20 upper-case letters, digits, `_` or `-` (never a dot, space or wildcard in a subject). */
export const AGENCY_CODE_RULE = /^[A-Z0-9][A-Z0-9_-]{1,19}$/;

/** The types agencies publish start so. */
export const AGENCY_EVENT_TYPE_PREFIX = 'agency.';

/** NATS headers the platform reads on an agency's request. */
export const SDK_HEADERS = {
  /** Outside production: the instant the request acts as of (ISO 8601 with its offset). */
  asOf: 'ocop-as-of',
  /** `event`: the as-of is the time of the event the request answers (like the platform's own consumers' calls). */
  asOfSource: 'ocop-as-of-source',
  correlationId: 'ocop-correlation-id',
} as const;

export function platformEventSubject(prefix: string, type: string): string {
  return `${prefix}.events.${type}`;
}

/** In operator mode, where the agency's account finds its consumers' JetStream API (`JS.<prefix>.API`). */
export function agencyJetStreamApiPrefix(prefix: string): string {
  return `JS.${prefix}.API`;
}

export function agencyApiSubject(prefix: string, agencyCode: string, name: string): string {
  return `${prefix}.agency.${agencyCode}.api.${name}`;
}

export function agencyEventSubject(prefix: string, agencyCode: string, type: string): string {
  if (!type.startsWith(AGENCY_EVENT_TYPE_PREFIX)) throw new Error(`${type} is not an agency event type`);
  return `${prefix}.agency.${agencyCode}.events.${type.slice(AGENCY_EVENT_TYPE_PREFIX.length)}`;
}

export function agencyInboxPrefix(agencyCode: string): string {
  return `_INBOX_${agencyCode}`;
}

/** The durable consumer of one of the agency's handlers: `agency-<CODE>-<name>` (or `<consumerPrefix>-<name>`). */
export function agencyConsumerName(consumerPrefix: string, name: string): string {
  return `${consumerPrefix}-${name}`;
}

/**
 * A handler's default consumer name, from its event type (`registration.opinion-requested.v1` →
 * `registration_opinion-requested_v1`): with the `agency-<CODE>` prefix, the name of the consumer the platform creates
 * for the type it grants (operator mode).
 */
export function defaultConsumerName(type: string): string {
  return type.replace(/[^A-Za-z0-9_-]/g, '_');
}

/** A durable name JetStream takes: no dot, space, wildcard or path separator. */
export const CONSUMER_NAME_RULE = /^[A-Za-z0-9_-]{1,200}$/;
