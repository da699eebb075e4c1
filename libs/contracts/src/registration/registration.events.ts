import { IsOptional } from 'class-validator';
import { Code, Codes, Flag, Id, Instant, Int, Nullable, OneOf, Text } from '../event-fields';
import { Nested, NestedList } from '../validation';
import { RegistrationEvents } from './registration.subjects';

/** Payloads of registration's domain events (version 1). Every dossier event carries dossierId. */
export class DossierEventData {
  @Id() dossierId: string;
  @Code() dossierCode: string;
  @Id() productId: string;
  @Id() producerId: string;
  @Code() status: string;
  @Code() communeCode: string;
  @Code() provinceCode: string;
}
/** `registration.dossier-created.v1`: a DRAFT dossier of its kind (NEW, RE_EVALUATION, UPGRADE). */
export class DossierCreatedData extends DossierEventData {
  @Code() kind: string;
}
export class DossierSubmittedData extends DossierEventData {
  @Flag() resubmission: boolean;
  @Code() legalVersion: string;
  @Instant() filedAt: string;
}
/** One reason a dossier was returned for completion, about a document type or the whole dossier. */
export class ReturnReasonData {
  @IsOptional() @Code() documentType?: string;
  @Text() reason: string;
}
export class DossierReturnedData extends DossierEventData {
  @NestedList(() => ReturnReasonData, 0, 100) reasons: ReturnReasonData[];
}
/** `registration.dossier-withdrawn.v1`: the reason the producer or the commune gave. */
export class DossierWithdrawnData extends DossierEventData {
  @Text() reason: string;
}
/** One of the commune's answers for its criteria (148+1489). */
export class CommuneAssessmentEntryData {
  @Code() criterionCode: string;
  @Code() optionCode: string;
}
/** The commune's assessment sent with a proposal under 148+1489. */
export class CommuneAssessmentData {
  @Nullable() @Code() reportReference: string | null;
  @NestedList(() => CommuneAssessmentEntryData, 0, 1000) entries: CommuneAssessmentEntryData[];
}
export class DossierProposedData extends DossierEventData {
  @Code() tier: string;
  @Code() toUnitCode: string;
  @Nullable() @Id() roundId: string | null;
  @Nullable() @Code() proposalReference: string | null;
  @Code() legalVersion: string;
  @Instant() filedAt: string;
  @Code() kind: string;
  @Nullable() @Code() districtCode: string | null;
  @Text(1000) productName: string;
  @Code() productSetCode: string;
  @Text(1000) producerName: string;
  @Nullable() @Nested(() => CommuneAssessmentData) communeAssessment: CommuneAssessmentData | null;
  /** The agencies whose written opinion the province's rule requires before the dossier is scored (absent: none). */
  @IsOptional() @Codes(0, 10) requiredOpinions?: string[];
}
/**
 * `registration.dossier-evaluation-started.v1`, `…-forwarded.v1`, `…-not-certified.v1`: the dossier followed a scoring
 * event (`causedBy`, its type), at its tier and session.
 */
export class DossierEvaluationStepData extends DossierEventData {
  @Code() causedBy: string;
  @Nullable() @Code() tier: string | null;
  @Nullable() @Id() sessionId: string | null;
  @Nullable() @Id() evaluationId: string | null;
}
export class DocumentAttachedData extends DossierEventData {
  @Id() documentId: string;
  @Code() documentType: string;
  @Text(1000) fileName: string;
  @Code() sha256: string;
}
export class ProducerRegisteredData {
  @Id() producerId: string;
  @Text(1000) name: string;
  @Code() type: string;
  @Code() communeCode: string;
  @Code() provinceCode: string;
}
export class ProductRegisteredData {
  @Id() productId: string;
  @Id() producerId: string;
  @Text(1000) name: string;
  @Code() productSetCode: string;
}
export class ProductAttributesSetData {
  @Id() productId: string;
  @Id() producerId: string;
  @Code() provinceCode: string;
  @Nullable() @OneOf(['RAW', 'PRELIMINARY', 'PROCESSED', 'DEEP_PROCESSED']) processingLevel: string | null;
  @Flag() gift: boolean;
  @Flag() export: boolean;
  @Flag() communityTourism: boolean;
  @Flag() greenValueChain: boolean;
  @Instant() at: string;
}
/** `registration.dossier-certified.v1`: the dossier's certificate was issued. */
export class DossierCertifiedData extends DossierEventData {
  @Code() causedBy: string;
  @Id() certificateId: string;
  @Code() certificateNumber: string;
  @Nullable() @Code() certificateCode: string | null;
  @Nullable() @Int(1, 5) stars: number | null;
  @Nullable() @Instant() validFrom: string | null;
  @Nullable() @Instant() validTo: string | null;
  @Nullable() @Id() evaluationId: string | null;
}
/** `registration.reevaluation-invited.v1`: the producer is invited to file a RE_EVALUATION dossier before the certificate ends. */
export class ReevaluationInvitedData {
  @Id() invitationId: string;
  @Id() dossierId: string;
  @Id() certificateId: string;
  @Code() certificateNumber: string;
  @Id() productId: string;
  @Id() producerId: string;
  @Instant() validTo: string;
  @Int(1, 3650) noticeDays: number;
  @Code() status: string;
  @Nullable() @Id() reevaluationDossierId: string | null;
  @Code() communeCode: string;
  @Code() provinceCode: string;
}

/** `registration.opinion-requested.v1`: the agency is asked for its opinion on the dossier by `dueAt`. */
export class OpinionRequestedData extends DossierEventData {
  @Id() opinionId: string;
  @Code() agencyCode: string;
  @Flag() required: boolean;
  @Code() productGroup: string;
  @Code() productSetCode: string;
  @Text(1000) productName: string;
  @Instant() dueAt: string;
}
/** `registration.opinion-given.v1`: the agency's written opinion (`via` HTTP: its officer; NATS: its own service). */
export class OpinionGivenData extends DossierEventData {
  @Id() opinionId: string;
  @Code() agencyCode: string;
  @Flag() required: boolean;
  @Code() conclusion: string;
  @Text() text: string;
  @Nullable() @Code() reference: string | null;
  @Instant() givenAt: string;
  @Code() via: string;
}
/** `registration.opinion-reminded.v1` and `…-escalated.v1`: a required opinion not given by `dueAt`, as of `at`. */
export class OpinionFollowUpData extends DossierEventData {
  @Id() opinionId: string;
  @Code() agencyCode: string;
  @Instant() dueAt: string;
  @Instant() at: string;
}

/** `registration.guidance-requested.v1`: the question, for the agency to answer by `dueAt`. */
export class GuidanceRequestedData extends DossierEventData {
  @Id() threadId: string;
  @Code() agencyCode: string;
  @Code() topic: string;
  @Text() question: string;
  @Instant() dueAt: string;
}
/** `registration.guidance-message-posted.v1`: the agency's answer (`side` AGENCY) or the asker's follow-up (ASKER). */
export class GuidanceMessagePostedData extends DossierEventData {
  @Id() threadId: string;
  @Id() messageId: string;
  @Code() agencyCode: string;
  @Code() topic: string;
  @Code() side: string;
  @Code() via: string;
  @Text() text: string;
  @Instant() at: string;
}
/** `registration.guidance-reminded.v1` and `…-escalated.v1`: a question not answered by `dueAt`, as of `at`. */
export class GuidanceFollowUpData extends DossierEventData {
  @Id() threadId: string;
  @Code() agencyCode: string;
  @Code() topic: string;
  @Instant() dueAt: string;
  @Instant() at: string;
}

/** The origin reference of the ad-hoc campaign a confirmed complaint opens (inspection writes it, registration reads it). */
export const complaintCampaignReference = (receiptCode: string): string => `complaint:${receiptCode}`;

/** `registration.complaint-confirmed.v1`: a public complaint the standing office confirmed; inspection opens one ad-hoc campaign. */
export class ComplaintConfirmedData {
  @Id() complaintId: string;
  @Code() receiptCode: string;
  @Id() certificateId: string;
  @Code() certificateCode: string;
  @Code() provinceCode: string;
  @Text(2000) description: string;
  @Nullable() @Text(300) place: string | null;
  @Nullable() @Code() seenOn: string | null;
  @Instant() confirmedAt: string;
}

/** Registration's event types and their payload classes (part of `EVENT_PAYLOADS`). */
export const RegistrationEventPayloads = {
  [RegistrationEvents.producerRegistered]: ProducerRegisteredData,
  [RegistrationEvents.productRegistered]: ProductRegisteredData,
  [RegistrationEvents.productAttributesSet]: ProductAttributesSetData,
  [RegistrationEvents.dossierCreated]: DossierCreatedData,
  [RegistrationEvents.documentAttached]: DocumentAttachedData,
  [RegistrationEvents.dossierSubmitted]: DossierSubmittedData,
  [RegistrationEvents.dossierReturned]: DossierReturnedData,
  [RegistrationEvents.dossierAccepted]: DossierEventData,
  [RegistrationEvents.dossierProposed]: DossierProposedData,
  [RegistrationEvents.dossierWithdrawn]: DossierWithdrawnData,
  [RegistrationEvents.dossierEvaluationStarted]: DossierEvaluationStepData,
  [RegistrationEvents.dossierForwarded]: DossierEvaluationStepData,
  [RegistrationEvents.dossierNotCertified]: DossierEvaluationStepData,
  [RegistrationEvents.dossierCertified]: DossierCertifiedData,
  [RegistrationEvents.reevaluationInvited]: ReevaluationInvitedData,
  [RegistrationEvents.opinionRequested]: OpinionRequestedData,
  [RegistrationEvents.opinionGiven]: OpinionGivenData,
  [RegistrationEvents.opinionReminded]: OpinionFollowUpData,
  [RegistrationEvents.opinionEscalated]: OpinionFollowUpData,
  [RegistrationEvents.guidanceRequested]: GuidanceRequestedData,
  [RegistrationEvents.guidanceMessagePosted]: GuidanceMessagePostedData,
  [RegistrationEvents.guidanceReminded]: GuidanceFollowUpData,
  [RegistrationEvents.guidanceEscalated]: GuidanceFollowUpData,
  [RegistrationEvents.complaintConfirmed]: ComplaintConfirmedData,
} as const satisfies Record<(typeof RegistrationEvents)[keyof typeof RegistrationEvents], new () => object>;
