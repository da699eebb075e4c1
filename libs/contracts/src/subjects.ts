/**
 * Subject names. Every subject starts with a deployment prefix (default `ocop`; tests use one per
 * file so parallel files never hear each other):
 *   commands and queries  <prefix>.<service>.<entity>.<verb>        core NATS request/reply, queue group = service
 *   domain events         <prefix>.events.<service>.<event>.v<N>   JetStream stream <OCOP_STREAM>
 *   agency services       <prefix>.agency.<agencyCode>.>            (reserved, see deploy/nats)
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

/**
 * The narrowest subject filter of a durable consumer that handles these event types (`'*'`: every type): one type's own
 * subject, one producing service's `<prefix>.events.<service>.>`, or every event. The server then delivers only what the
 * consumer may handle, instead of every event to every consumer (nats-server 2.9 takes one filter per consumer).
 */
export function consumerFilterSubject(prefix: string, types: readonly string[]): string {
  if (types.length === 0 || types.includes('*')) return eventsWildcard(prefix);
  if (types.length === 1) return eventSubject(prefix, types[0]!);
  const services = new Set(types.map((t) => t.split('.')[0]));
  return services.size === 1 ? `${prefix}.events.${[...services][0]}.>` : eventsWildcard(prefix);
}
