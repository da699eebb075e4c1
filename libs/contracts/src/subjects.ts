/**
 * Subject names. Every subject starts with a deployment prefix (default `ocop`; tests use one per
 * file so parallel files never hear each other):
 *   commands and queries  <prefix>.<service>.<entity>.<verb>        core NATS request/reply, queue group = service
 *   domain events         <prefix>.events.<service>.<event>.v<N>   JetStream stream <OCOP_STREAM>
 *   agency services       <prefix>.agency.<agencyCode>.>            an agency's own space (deploy/nats/operator-mode.md):
 *     its events          <prefix>.agency.<agencyCode>.events.<event>.v<N>   same stream; the type is agency.<event>.v<N>
 *     its requests        <prefix>.agency.<agencyCode>.api.<name>, a lab's results <prefix>.agency.<labCode>.sample-results
 */
export function commandSubject(prefix: string, name: string): string {
  return `${prefix}.${name}`;
}

export function eventSubject(prefix: string, type: string): string {
  return `${prefix}.events.${type}`;
}

export function eventsWildcard(prefix: string): string {
  return `${prefix}.events.>`;
}

/** The users' agency code rule (2–20 upper-case letters, digits, `_`, `-`): never a dot, space or wildcard in a subject. */
export const AGENCY_CODE = /^[A-Z0-9][A-Z0-9_-]{1,19}$/;

export function agencySubjectSpace(prefix: string, agencyCode: string): string {
  return `${prefix}.agency.${agencyCode}.>`;
}

export function agencyInboxPrefix(agencyCode: string): string {
  return `_INBOX_${agencyCode}`;
}

/** The agency code a subject of the agencies' space names (`<prefix>.agency.<CODE>.…`), or undefined. */
export function agencyCodeOfSubject(prefix: string, subject: string): string | undefined {
  const head = `${prefix}.agency.`;
  if (!subject.startsWith(head)) return undefined;
  const code = subject.slice(head.length).split('.')[0];
  return code && AGENCY_CODE.test(code) ? code : undefined;
}

/**
 * The durable consumer an agency's service reads one public event type from (`agency-<CODE>-<type with _ for .>`): in
 * operator mode the platform creates it in its own account when it grants the type, and the agency's credential may
 * pull from and ack on it alone (deploy/nats/operator-mode.md).
 */
export function agencyConsumerName(agencyCode: string, type: string): string {
  return `agency-${agencyCode}-${type.replaceAll('.', '_')}`;
}

/**
 * Where an agency's service finds the JetStream API of its consumers in operator mode (`JS.<prefix>.API`, the
 * `apiPrefix` of its JetStream client): the AGENCIES account imports the platform account's consumer API under it, as a
 * server answers `$JS.API` itself in every account.
 */
export function agencyJetStreamApiPrefix(prefix: string): string {
  return `JS.${prefix}.API`;
}

/** The subject an agency's service sends one of its requests on (`AgencyApi`, answered by the platform's service). */
export function agencyApiSubject(prefix: string, agencyCode: string, name: string): string {
  return `${prefix}.agency.${agencyCode}.api.${name}`;
}

/** The types outside agencies publish (AgencyEvents) start so; they travel in the agency's own space, not under `events`. */
export const AGENCY_EVENT_PREFIX = 'agency.';

/** The subject an agency publishes one of its events on. */
export function agencyEventSubject(prefix: string, agencyCode: string, type: string): string {
  if (!type.startsWith(AGENCY_EVENT_PREFIX)) throw new Error(`${type} is not an agency event type`);
  return `${prefix}.agency.${agencyCode}.events.${type.slice(AGENCY_EVENT_PREFIX.length)}`;
}

/** Every agency's events, in the stream beside the platform's. */
export function agencyEventsWildcard(prefix: string): string {
  return `${prefix}.agency.*.events.>`;
}

/**
 * The agency and event type a subject of the agencies' events names (`<prefix>.agency.<CODE>.events.<event>`), or
 * undefined for any other subject. The broker lets an agency publish only in its own space, so this is who published.
 */
export function agencyEventOfSubject(subject: string): { agencyCode: string; type: string } | undefined {
  const t = subject.split('.');
  if (t.length < 5 || t[1] !== 'agency' || t[3] !== 'events' || !AGENCY_CODE.test(t[2]!)) return undefined;
  return { agencyCode: t[2]!, type: AGENCY_EVENT_PREFIX + t.slice(4).join('.') };
}

/**
 * The narrowest subject filter of a durable consumer that handles these event types (`'*'`: every type): one type's own
 * subject, one producing service's `<prefix>.events.<service>.>`, or every event. The server then delivers only what the
 * consumer may handle, instead of every event to every consumer (nats-server 2.9 takes one filter per consumer).
 */
export function consumerFilterSubject(prefix: string, types: readonly string[]): string {
  const agencyTypes = types.filter((t) => t.startsWith(AGENCY_EVENT_PREFIX));
  if (agencyTypes.length) {
    if (agencyTypes.length !== types.length) {
      throw new Error(
        `one consumer takes agencies' events or the platform's, not both (${types.join(', ')}): nats-server 2.9 takes one filter`,
      );
    }
    return agencyTypes.length === 1 ? agencyEventSubject(prefix, '*', agencyTypes[0]!) : agencyEventsWildcard(prefix);
  }
  if (types.length === 0 || types.includes('*')) return eventsWildcard(prefix);
  if (types.length === 1) return eventSubject(prefix, types[0]!);
  const services = new Set(types.map((t) => t.split('.')[0]));
  return services.size === 1 ? `${prefix}.events.${[...services][0]}.>` : eventsWildcard(prefix);
}
