export { connectNats, ensureEventStream, busReadinessChecks } from './nats';
export type { EventStreamOptions } from './nats';
export { EventOutbox, OutboxRelay, JetStreamPublisher } from './outbox';
export type { EventPublisher, OutboxEvent, OutboxRelayOptions } from './outbox';
export { DurableEventConsumer, UnrecoverableEventError } from './event-consumer';
export type { DurableConsumerOptions, EventHandler, EventHandlerFn, PreparedEventHandler } from './event-consumer';
export { RpcClient } from './rpc';
export type { RpcContext, RpcCallOptions } from './rpc';
export { requireActor, requireRole } from './guards';
export { toErrorPayload, isPermanent } from './error-mapping';
export { DeadLetters, deadLettersHandler } from './bus/dead-letters.handler';
export type { DeadLetterView } from './bus/dead-letters.handler';
export { BusServer } from './bus/bus-server';
export type { BusServerOptions } from './bus/bus-server';
export { BusContext } from './bus/bus-context';
export { JetStreamServer, OnEvent, PrepareEvent, JETSTREAM } from './bus/jetstream-server';
export type { EventConsumerSpec } from './bus/jetstream-server';
export { EventContext } from './bus/event-context';
export { RpcController, Handles, Caller } from './bus/rpc-edge';
export { adminRunAsOf } from './bus/admin-run';
export { serveAgencyRequests } from './bus/agency-requests';
export type { AgencyRequestOptions } from './bus/agency-requests';
export { ServiceMessaging } from './service-messaging';
export type { MessagingSettings, ConsumerSpec } from './service-messaging';
export { UserDirectory } from './user-directory';
export type { UserRequirement } from './user-directory';
export {
  AgencyCredentialIssuer,
  accountUserCreds,
  agencyKeysOf,
  agencyConsumerSubjects,
  ensureAgencyConsumers,
  createOperatorSetup,
  operatorModeServerConfig,
  publicKeyOf,
  pushAccountJwt,
  agencyPermissions,
  agenciesAccountClaims,
  platformExportsForAgencies,
  signAgenciesAccount,
  UNLIMITED_ACCOUNT,
} from './agency-credentials';
export type { AgencyGrant, AgencyKeys, IssuedAgencyCredential, OperatorSetup } from './agency-credentials';
export * from './national/national-hub';
