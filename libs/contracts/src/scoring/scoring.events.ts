import { IsOptional } from 'class-validator';
import { Code, Codes, Flag, Id, Instant, Int, Nullable, OneOf, Text } from '../event-fields';
import { NestedList } from '../validation';
import { ScoringEvents } from './scoring.subjects';

/** Payloads of scoring's domain events (version 1). Every evaluation event carries dossierId. */
export class EvaluationEventData {
  @Id() dossierId: string;
  @Code() dossierCode: string;
  @Id() evaluationId: string;
  @Id() productId: string;
  @Id() producerId: string;
  @Code() tier: string;
  @Code() unitCode: string;
  @Code() provinceCode: string;
}

export class EvaluationOpenedData extends EvaluationEventData {
  @Code() legalVersion: string;
  @Nullable() @Id() forwardedFrom: string | null;
}
export class DossierScheduledData extends EvaluationEventData {
  @Id() sessionId: string;
  @Id() councilId: string;
}
/** `scoring.lab-result-recorded.v1`: the state of the evaluation's sample lab tests changed (office or lab result). */
export class LabResultRecordedData extends EvaluationEventData {
  @Code() labState: string;
  @Nullable() @Code() reference: string | null;
}

export class CapReasonData {
  @Int(1, 5) stars: number;
  @Code() criterionCode: string;
  @Text(1000) labelVi: string;
  @Code() required: string;
  @Code() mean: string;
}

/** `scoring.evaluation-completed.v1`: a council finalised a dossier at one tier. Certification acts on outcome CERTIFY. */
export class EvaluationCompletedData extends EvaluationEventData {
  @Id() sessionId: string;
  @Id() councilId: string;
  @Code() legalVersion: string;
  @Code() catalogueCode: string;
  @Int(1, 1_000_000) catalogueRevision: number;
  @Int(0, 10_000) sheetCount: number;
  /** Exact mean as a fraction of hundredths: sumHundredths / sheetCount. */
  @Int(0, 1_000_000_000) sumHundredths: number;
  /** The mean floored to hundredths, e.g. "86.40" (display only; the band is decided exactly). */
  @Code() mean: string;
  @Int(1, 5) band: number;
  @Int(1, 5) rank: number;
  @NestedList(() => CapReasonData, 0, 1000) capReasons: CapReasonData[];
  @OneOf(['CERTIFY', 'FORWARD', 'NO_CERTIFICATE']) outcome: 'CERTIFY' | 'FORWARD' | 'NO_CERTIFICATE';
  @Int(1, 5) stars: number;
  /** The tier whose authority certifies `stars` (may be lower than `tier` when a forwarded dossier scored lower). */
  @Nullable() @Code() certifyingTier: string | null;
  /** Administrative unit of that authority: district code, province code, or "VN" for the ministry. */
  @Nullable() @Code() authorityUnitCode: string | null;
  @Nullable() @Code() nextTier: string | null;
  @Text(1000) productName: string;
  @Text(1000) producerName: string;
  @Code() productSetCode: string;
  @Code() dossierKind: string;
  @Instant() completedAt: string;
  /** Scored against a PROVISIONAL catalogue revision (148's points not completed by an operator). */
  @IsOptional() @Flag() provisionalCriteria?: boolean;
  /** Set when a certificate was withheld: PROVISIONAL_CRITERIA (outcome NO_CERTIFICATE, `stars` is what the scores gave). */
  @IsOptional() @OneOf(['PROVISIONAL_CRITERIA']) withheldReason?: 'PROVISIONAL_CRITERIA' | null;
  /** The dossier's district (null for a province's own dossier); absent from events published before it was added. */
  @IsOptional() @Code() producerDistrictCode?: string | null;
}

export class EvaluationDeferredData extends EvaluationEventData {
  @Id() sessionId: string;
  @Codes(0, 100) reasons: string[];
}
export class EvaluationTransferredData extends EvaluationEventData {
  @Code() fromTier: string;
  @Code() fromUnitCode: string;
  @Code() legalVersion: string;
  @Instant() transferredAt: string;
  @Text() ruleVi: string;
  /** Set when the dossier was taken off the agenda of a district session that was still open. */
  @Nullable() @Id() fromSessionId: string | null;
}
export class SessionClosedData {
  @Id() sessionId: string;
  @Id() councilId: string;
  @Code() reference: string;
  @Int(0, 100_000) completed: number;
  @Int(0, 100_000) deferred: number;
  @Instant() closedAt: string;
}
/** `scoring.catalogue-published.v1`: a new revision of a criteria catalogue was stored. */
export class CataloguePublishedData {
  @Code() code: string;
  @Int(1, 1_000_000) revision: number;
  @Codes(0, 100) legalVersions: string[];
  @Code() status: string;
  @Code() checksum: string;
  /** Points of the catalogue an operator has still to complete (a PROVISIONAL revision). */
  @Int(0, 1_000_000) toComplete: number;
}
/** `scoring.council-created.v1`: a council of a tier and unit, with its number of seats. */
export class CouncilCreatedData {
  @Id() councilId: string;
  @Text(1000) name: string;
  @Code() tier: string;
  @Code() unitCode: string;
  @Code() provinceCode: string;
  @Int(0, 10_000) memberCount: number;
}

/** `scoring.member-nominated.v1` and `scoring.nomination-decided.v1`: a nomination and where it stands. */
export class NominationData {
  @Id() nominationId: string;
  @Code() agencyCode: string;
  @Code() tier: string;
  @Code() unitCode: string;
  @Code() provinceCode: string;
  @Id() userId: string;
  @Text(1000) fullName: string;
  @Code() role: string;
  @Code() status: string;
  @Nullable() @Text() reason: string | null;
  @Nullable() @Id() councilId: string | null;
}

/** What a written consultation's follow-up names of its session and council. */
export class WrittenConsultationData {
  @Id() sessionId: string;
  @Code() reference: string;
  @Id() councilId: string;
  @Text(1000) councilName: string;
  @Code() tier: string;
  @Code() unitCode: string;
  @Code() provinceCode: string;
  /** The deadline of the members' sheets. */
  @Instant() sheetsDueAt: string;
  /** When the sweep sent it (its as-of instant). */
  @Instant() at: string;
  /** The message in Vietnamese, ready to send. */
  @Text(5000) messageVi: string;
}

/** A scoring member and the dossiers of the agenda they have not sent a sheet for. */
export class MissingSheetsData {
  @Id() memberId: string;
  @Id() userId: string;
  @Text(1000) fullName: string;
  @Codes(1, 500) dossierCodes: string[];
}

/** `scoring.written-consultation-reminder.v1`: one member reminded, once, before the deadline (their user is the recipient). */
export class WrittenConsultationReminderData extends WrittenConsultationData {
  @Id() memberId: string;
  @Id() userId: string;
  @Text(1000) fullName: string;
  @Codes(1, 500) dossierCodes: string[];
}

/**
 * `scoring.written-consultation-escalated.v1`: the deadline passed with sheets missing; the chair (`chairUserId`) and the
 * organiser (the secretary `secretaryUserId` and the office of `tier`/`unitCode`) are told, once.
 */
export class WrittenConsultationEscalatedData extends WrittenConsultationData {
  @Nullable() @Id() chairUserId: string | null;
  @Nullable() @Id() secretaryUserId: string | null;
  @NestedList(() => MissingSheetsData, 1, 100) missing: MissingSheetsData[];
}

/** Scoring's event types and their payload classes (part of `EVENT_PAYLOADS`). */
export const ScoringEventPayloads = {
  [ScoringEvents.cataloguePublished]: CataloguePublishedData,
  [ScoringEvents.councilCreated]: CouncilCreatedData,
  [ScoringEvents.evaluationOpened]: EvaluationOpenedData,
  [ScoringEvents.labResultRecorded]: LabResultRecordedData,
  [ScoringEvents.dossierScheduled]: DossierScheduledData,
  [ScoringEvents.evaluationCompleted]: EvaluationCompletedData,
  [ScoringEvents.evaluationDeferred]: EvaluationDeferredData,
  [ScoringEvents.evaluationTransferred]: EvaluationTransferredData,
  [ScoringEvents.sessionClosed]: SessionClosedData,
  [ScoringEvents.memberNominated]: NominationData,
  [ScoringEvents.nominationDecided]: NominationData,
  [ScoringEvents.writtenConsultationReminder]: WrittenConsultationReminderData,
  [ScoringEvents.writtenConsultationEscalated]: WrittenConsultationEscalatedData,
} as const satisfies Record<(typeof ScoringEvents)[keyof typeof ScoringEvents], new () => object>;
