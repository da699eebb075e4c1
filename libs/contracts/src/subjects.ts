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
