export { ErrorKind, HTTP_STATUS_OF_KIND, AppError } from './errors';
export type { ErrorPayload, RpcReply } from './errors';
export { Role, SYSTEM_ACTOR, scopeLabel } from './actor';
export type { Actor, Scope } from './actor';
export { isEventEnvelope, HEADERS } from './envelope';
export type { EventEnvelope } from './envelope';
export { commandSubject, eventSubject, eventsWildcard } from './subjects';
export { validateInto, validationErrorFrom } from './validate';
