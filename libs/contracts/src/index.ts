export { ErrorKind, HTTP_STATUS_OF_KIND, AppError } from './errors';
export type { ErrorPayload, RpcReply } from './errors';
export { Role, SYSTEM_ACTOR, scopeLabel } from './actor';
export type { Actor, Scope } from './actor';
export { isEventEnvelope, HEADERS } from './envelope';
export type { EventEnvelope } from './envelope';
export { commandSubject, consumerFilterSubject, eventSubject, eventsWildcard } from './subjects';
export { validateInto, validationErrorFrom } from './validate';
export { PageQuery, DEFAULT_PAGE } from './query';
export { RegistrationSubjects, RegistrationEvents } from './registration/registration.subjects';
export { PRODUCER_TYPES, CreateProducerCommand, GetProducerQuery, ListProducersQuery, ProducerView } from './registration/producer.dto';
export { CreateProductCommand, ListProductsQuery, ProductView } from './registration/product.dto';
export { CreateRoundCommand, ListRoundsQuery, RoundView } from './registration/round.dto';
export {
  DOSSIER_KINDS,
  DOSSIER_STATUSES,
  CreateDossierCommand,
  DossierIdCommand,
  AttachDocumentCommand,
  ReturnReason,
  ReturnDossierBody,
  ReturnDossierCommand,
  WithdrawDossierBody,
  WithdrawDossierCommand,
  CommuneAssessmentBody,
  ProposeDossierBody,
  ProposeDossierCommand,
  ListDossiersQuery,
  DocumentView,
  DossierView,
  TimelineEntryView,
  UnitView,
  ListUnitsQuery,
} from './registration/dossier.dto';
export {
  DossierEventData,
  DossierCreatedData,
  DossierSubmittedData,
  ReturnReasonData,
  DossierReturnedData,
  DossierWithdrawnData,
  CommuneAssessmentEntryData,
  CommuneAssessmentData,
  DossierProposedData,
  DossierEvaluationStepData,
  DocumentAttachedData,
  ProducerRegisteredData,
  ProductRegisteredData,
  RegistrationEventPayloads,
} from './registration/registration.events';
// Registration follows certification: the certified dossier and re-evaluation invitations.
export {
  REEVALUATION_INVITATION_STATUSES,
  REEVALUATION_CLOSED_REASONS,
  ListReevaluationInvitationsQuery,
  ReevaluationInvitationView,
} from './registration/reevaluation-invitation.dto';
export { DossierCertifiedData, ReevaluationInvitedData } from './registration/registration.events';
export { DEMO } from './demo';
export { ScoringSubjects, ScoringEvents } from './scoring/scoring.subjects';
export {
  EvaluationEventData,
  EvaluationOpenedData,
  DossierScheduledData,
  LabResultRecordedData,
  CapReasonData,
  EvaluationCompletedData,
  EvaluationDeferredData,
  EvaluationTransferredData,
  SessionClosedData,
  CataloguePublishedData,
  CouncilCreatedData,
  ScoringEventPayloads,
} from './scoring/scoring.events';
export {
  LEGAL_VERSION_CODES,
  CatalogueCodeQuery,
  CatalogueRevisionQuery,
  GetCatalogueQuery,
  PutCatalogueCommand,
  CompletionItemView,
  CatalogueSummaryView,
  CatalogueView,
  CommuneAssessmentEntryDto,
  CheckCommuneAssessmentQuery,
  CommuneAssessmentCheckView,
  TierStepView,
  TierModelView,
} from './scoring/catalogue.dto';
export {
  COUNCIL_TIERS,
  COUNCIL_ROLES,
  POINTS_TEXT,
  CouncilMemberInput,
  CreateCouncilCommand,
  CouncilIdQuery,
  ListCouncilsQuery,
  DeclareConflictBody,
  DeclareConflictCommand,
  ConflictView,
  CouncilMemberView,
  CouncilView,
} from './scoring/council.dto';
export {
  EVALUATION_STATUSES,
  LAB_STATES,
  ListEvaluationsQuery,
  EvaluationIdQuery,
  SetLabResultBody,
  SetLabResultCommand,
  CapReasonView,
  SpreadView,
  EvaluationResultView,
  DeferralView,
  EvaluationView,
  CreateSessionCommand,
  SessionIdQuery,
  ListSessionsQuery,
  AddAgendaBody,
  AddAgendaCommand,
  AttendanceBody,
  AttendanceCommand,
  SheetEntryDto,
  SubmitSheetBody,
  SubmitSheetCommand,
  SheetsQuery,
  SheetView,
  SessionItemView,
  QuorumView,
  SessionView,
  MinutesResultView,
  MinutesDeferredView,
  MinutesMemberView,
  MinutesView,
  PdfView,
  SCORING_JOB_NAMES,
  RunScoringJobCommand,
  DistrictTransferItemView,
  DistrictTransferReportView,
} from './scoring/session.dto';
export { CertificationSubjects, CertificationEvents, CERTIFICATE_STATUS_EVENTS } from './certification/certification.subjects';
export {
  CertificateEventData,
  CertificateIssuedData,
  CertificateSupersededData,
  CertificateExpiringData,
  CertificateExpiredData,
  RevocationEventData,
  RevocationRequestedData,
  RevocationRejectedData,
  CertificateRevokedData,
  RevocationFollowUpData,
  DecisionIssuedData,
  CertificationEventPayloads,
} from './certification/certification.events';
export type { RevocationSource, PublicCertificateRecord } from './certification/certification.events';
export {
  CERTIFICATE_STATUSES,
  REVOCATION_STATUSES,
  REVOCATION_REASON_CODE_LIST,
  CERTIFICATION_JOB_NAMES,
  ListCertificatesQuery,
  CertificateIdQuery,
  ListDecisionsQuery,
  DecisionIdQuery,
  RequestRevocationCommand,
  ListRevocationsQuery,
  RevocationIdQuery,
  RejectRevocationBody,
  RejectRevocationCommand,
  RunJobBody,
  RunJobCommand,
  VerifyQuery,
  CertificateView,
  DecisionView,
  RevocationView,
  PublicCertificateView,
  NotificationView,
  ListNotificationsQuery,
} from './certification/certification.dto';
export {
  ExpirySweepReportView,
  RevocationFollowUpReportView,
  NotificationDispatchReportView,
  CertificationJobReportView,
  IssuerKeyView,
  IssuerKeySetView,
  RevokedEntryView,
  StatusListView,
} from './certification/certification-reports.dto';
export { InspectionSubjects, InspectionEvents, LAB_CREDENTIAL_HEADER, labResultsSubject } from './inspection/inspection.subjects';
export {
  InspectionRevocationRequestedData,
  SampleEventData,
  SampleRequestedData,
  IndicatorVerdictData,
  SampleResultRecordedData,
  SampleStepTakenData,
  SampleFollowUpData,
  LabRegisteredData,
  CampaignOpenedData,
  TaskCompletedData,
  TaskCancelledData,
  ViolationRecordedData,
  ViolationCorrectedData,
  InspectionEventPayloads,
} from './inspection/inspection.events';
export {
  SAMPLE_STATUS_LIST,
  INSPECTION_JOB_NAMES,
  RegisterLabCommand,
  LabView,
  LabIdQuery,
  LabCredentialQuery,
  LabCredentialView,
  RequestSampleCommand,
  ListSamplesQuery,
  SampleIdQuery,
  CollectSampleBody,
  CollectSampleCommand,
  CancelSampleBody,
  CancelSampleCommand,
  IndicatorResultDto,
  ResultSheetDto,
  RecordResultBody,
  RecordResultCommand,
  RunInspectionJobBody,
  RunInspectionJobCommand,
  SampleView,
} from './inspection/lab-testing.dto';
export {
  FINDING_SEVERITIES,
  TASK_STATUSES,
  VIOLATION_STATUSES,
  ListViolationsQuery,
  CampaignScopeDto,
  SelectionRuleDto,
  CampaignTeamDto,
  CreateCampaignCommand,
  CampaignIdQuery,
  CampaignView,
  ListTasksQuery,
  TaskIdQuery,
  FindingDto,
  CompleteTaskBody,
  CompleteTaskCommand,
  TaskView,
  ViolationIdQuery,
  ViolationView,
  CoverageGapView,
  CoverageView,
  CampaignTemplateDto,
  CreateRecurrenceCommand,
  RecurrenceIdQuery,
  RunRecurrenceBody,
  RunRecurrenceCommand,
  RecurrenceView,
  AssignTaskBody,
  AssignTaskCommand,
  AttachEvidenceCommand,
  EvidenceView,
  CoverageQuery,
} from './inspection/campaign.dto';
export {
  SampleFollowUpReportView,
  ViolationFollowUpReportView,
  InspectionJobReportView,
  TaskCompletionView,
  CredentialRevocationView,
} from './inspection/inspection-reports.dto';
export { TradePromotionSubjects, TradePromotionEvents } from './trade-promotion/trade-promotion.subjects';
export {
  PROMOTION_EVENT_KINDS,
  SHOWCASE_CATEGORIES,
  FAIRNESS_RULE_NAMES,
  PROMOTION_EVENT_STATUSES,
  APPLICATION_STATUSES,
  OrganiserDto,
  ChannelDto,
  SupportDto,
  EventTemplateDto,
  CreatePromotionEventCommand,
  SeriesScheduleDto,
  CreateEventSeriesCommand,
  ListPromotionEventsQuery,
  PromotionEventIdQuery,
  SelectParticipantsBody,
  SelectParticipantsCommand,
  ApplicationProductDto,
  ApplyBody,
  ApplyCommand,
  ApplicationIdQuery,
  WithdrawApplicationBody,
  WithdrawApplicationCommand,
  ListApplicationsQuery,
  ListMessagesQuery,
  PublicEventsQuery,
  OrganiserView,
  ChannelView,
  SupportView,
  PromotionEventView,
  SelectionReasonView,
  ApplicationProductView,
  ApplicationView,
  SelectionView,
  MessageView,
  PublicProductView,
  PublicParticipantView,
  PublicEventView,
} from './trade-promotion/promotion-event.dto';
export {
  PromotionEventData,
  EventScheduledData,
  ParticipantsSelectedData,
  ApplicationWithdrawnData,
  ProductWithdrawnData,
  SalesPointRegisteredData,
  ShelfProductWithdrawnData,
  CatalogueChangedData,
  TradePromotionEventPayloads,
} from './trade-promotion/trade-promotion.events';
export { PROMOTION_ORGANISERS } from './trade-promotion/trade-promotion.rpc';
export {
  SALES_POINT_LOCATIONS,
  SALES_POINT_LEVELS,
  TRADE_PROMOTION_JOB_NAMES,
  SelectionCriterionDto,
  UpgradeDto,
  RegisterSalesPointCommand,
  SalesPointIdQuery,
  ListSalesPointsQuery,
  ShelveProductBody,
  ShelveProductCommand,
  UnshelveProductCommand,
  RunTradePromotionJobBody,
  RunTradePromotionJobCommand,
  SelectionCriterionView,
  ShelfItemView,
  SalesPointView,
  TradePromotionJobRunView,
  PublicShelfProductView,
  PublicSalesPointView,
  PublicSalesPointsQuery,
} from './trade-promotion/sales-point.dto';
export {
  PublicProductsQuery,
  ShowcaseSalesPointView,
  ShowcaseShopView,
  ShowcaseEventView,
  CatalogueProductView,
} from './trade-promotion/showcase.dto';
export {
  SALES_CHANNEL_KINDS,
  SALES_CHANNEL_STATUSES,
  DeclareSalesChannelCommand,
  SalesChannelIdQuery,
  CheckSalesChannelBody,
  CheckSalesChannelCommand,
  EndSalesChannelBody,
  EndSalesChannelCommand,
  ListSalesChannelsQuery,
  SalesChannelView,
  SalesChannelSummaryView,
} from './trade-promotion/sales-channel.dto';
export {
  ContractDto,
  ReportResultsBody,
  ReportResultsCommand,
  ParticipantResultView,
  EventResultsView,
} from './trade-promotion/results.dto';
export { DocumentTypeView, ProductGroupView, ProductSetView, LabIndicatorView } from './reference/reference.dto';
export { AgencyEvents, MarketSurveillanceReportedData, AgencyEventPayloads } from './agency/agency.events';
export { EVENT_PAYLOADS, isEventType, eventPayloadClass, validatePayload, validateEventPayload } from './event-payloads';
export type { EventType, EventPayload, EventPayloadClass, EventPayloadCheck } from './event-payloads';
export { isInstant, IsInstant, IsCalendarDate, QueryInt, Nested, NestedList, List, validationPolicyViolations } from './validation';
export type { PolicyOptions } from './validation';
export { IdentitySubjects, ResolveUsersQuery } from './identity/identity.dto';
export type { ResolvedUser } from './identity/identity.dto';
export { PUBLIC_CALL, ALL_ROLES, deadLetterSubjects } from './rpc';
export type { RpcSpec, RpcRegistry } from './rpc';
export { RPC_REGISTRY, BUS_SERVICES, rpcSpec } from './rpc-registry';
export { DeadLetterReplayCommand } from './dead-letter.dto';
export { DOSSIER_READERS, DOSSIER_EDITORS, INTAKE_ROLES } from './registration/registration.rpc';
export { JOB_REGISTRY, AsOfJob, RevocationFollowUpJob, SampleFollowUpJob, CampaignRecurrenceJob } from './jobs';
export type { JobQueueName, JobData } from './jobs';
