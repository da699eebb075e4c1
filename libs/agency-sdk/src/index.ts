// @ocop/agency-sdk: what an outside agency's service imports to plug into the OCOP platform's NATS bus (README.md).
export { AgencySdkModule } from './agency-sdk.module';
export type { AgencySdkAsyncOptions } from './agency-sdk.module';
export { AGENCY_SDK_OPTIONS } from './agency-sdk.options';
export type { AgencySdkOptions, ConsumerSettings, ResolvedAgencySdkOptions } from './agency-sdk.options';
export { createAgencyServiceContext, loadAgencyServiceConfig, sdkOptionsOf } from './agency-service.config';
export type { AgencyServiceConfig } from './agency-service.config';
export { AgencyClient } from './agency-client';
export type {
  AgencyEventType,
  AgencyPublishOptions,
  AgencyReplyData,
  AgencyRequestBody,
  AgencyRequestName,
  AgencyRequestOptions,
  PublishedAgencyEvent,
} from './agency-client';
export { AgencyConnection } from './agency-connection';
export { AgencyReadiness } from './agency-readiness';
export type { AgencyReadinessReport } from './agency-readiness';
export { OnPlatformEvent } from './on-platform-event.decorator';
export type { OnPlatformEventOptions, PlatformEventHandler, PlatformEventType } from './on-platform-event.decorator';
export { AgencyRequestError, PermanentEventError, PERMANENT_ERROR_KINDS, TRANSIENT_ERROR_KINDS } from './agency-request.error';
export type { AgencyErrorKind, AgencyErrorPayload } from './agency-request.error';
export { isEventEnvelope, stableEventId } from './envelope';
export type { EventEnvelope } from './envelope';
export {
  AGENCY_CODE_RULE,
  SDK_HEADERS,
  agencyApiSubject,
  agencyConsumerName,
  agencyEventSubject,
  agencyInboxPrefix,
  platformEventSubject,
} from './subjects';
export * from './contract.generated';
