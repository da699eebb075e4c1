import { IsOptional, ValidateBy, buildMessage } from 'class-validator';
import { Code, Codes, Id, Instant, Int, Nullable, OneOf, Text } from '../event-fields';
import { List, NestedList } from '../validation';
import { InspectionEvents } from './inspection.subjects';

/** Payloads of inspection's domain events (version 1). */
export class InspectionRevocationRequestedData {
  @Id() violationId: string;
  @Id() taskId: string;
  @Id() campaignId: string;
  @Id() certificateId: string;
  @Code() reasonCode: string;
  @Text() details: string;
  @Code() severity: string;
  @Instant() requestedAt: string;
}

export class SampleEventData {
  @Id() sampleId: string;
  @Code() sampleCode: string;
  @Nullable() @Id() dossierId: string | null;
  @Nullable() @Id() evaluationId: string | null;
  @Nullable() @Id() inspectionTaskId: string | null;
  @Id() productId: string;
  @Id() producerId: string;
  @Code() provinceCode: string;
  @Id() labId: string;
  @Code() labCode: string;
}

/** `inspection.sample-requested.v1`: the indicators the lab is to test, and when the sample is due to be collected. */
export class SampleRequestedData extends SampleEventData {
  @Codes(0, 1000) indicators: string[];
  @Instant() dueAt: string;
}

/** One indicator of a lab result. */
export class IndicatorVerdictData {
  @Code() code: string;
  @Code() value: string;
  @Code() unit: string;
  @Code() limit: string;
  @OneOf(['PASS', 'FAIL']) verdict: 'PASS' | 'FAIL';
}

/** `inspection.sample-result-recorded.v1`: consumed by scoring's province-tier gate and inspection findings. */
export class SampleResultRecordedData extends SampleEventData {
  @OneOf(['PASS', 'FAIL']) overall: 'PASS' | 'FAIL';
  @Code() reference: string;
  @NestedList(() => IndicatorVerdictData, 0, 1000) indicators: IndicatorVerdictData[];
  @OneOf(['API', 'NATS']) recordedVia: 'API' | 'NATS';
  @Instant() recordedAt: string;
}

export class SampleStepTakenData extends SampleEventData {
  @Code() step: string;
  @Code() stage: string;
  @Instant() at: string;
  @Code() by: string;
}
export class SampleFollowUpData extends SampleEventData {
  @Code() stage: string;
  @Instant() dueAt: string;
  @Instant() at: string;
}

/** `inspection.lab-registered.v1`: a lab accredited for its indicators. */
export class LabRegisteredData {
  @Id() labId: string;
  @Code() code: string;
  @Text(1000) name: string;
  @Code() provinceCode: string;
  @Codes(0, 1000) indicators: string[];
  @Int(0, 3650) turnaroundDays: number;
}

/** `inspection.campaign-opened.v1`: a campaign selected its certificates (`tasks` of a `pool`) by its rule. */
export class CampaignOpenedData {
  @Id() campaignId: string;
  @Text(1000) name: string;
  @Code() provinceCode: string;
  @Int(0, 10_000_000) tasks: number;
  @Int(0, 10_000_000) pool: number;
  @Code() rule: string;
  /** PLANNED, COMPLAINT or AGENCY; absent from events published before it was added. */
  @IsOptional() @Code() origin?: string;
  /** The complaint (`complaint:<receipt>`) or the agency report (`<AGENCY>:<reportId>`) an ad-hoc campaign answers. */
  @IsOptional() @Code() originReference?: string | null;
}

/** A pair `[itemCode, severity]`: each element of a task's findings. */
function IsFinding(): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isFinding',
      validator: {
        validate: (v) => Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'string' && x.length <= 500),
        defaultMessage: buildMessage(() => 'each element of $property must be a pair [itemCode, severity]'),
      },
    },
    { each: true },
  );
}

/** `inspection.task-completed.v1`: the findings of a task, as `[itemCode, severity]` pairs. */
export class TaskCompletedData {
  @Id() taskId: string;
  @Id() campaignId: string;
  @Id() certificateId: string;
  @List(0, 1000) @IsFinding() findings: [string, string][];
}

/** `inspection.task-cancelled.v1`: an open task whose certificate left the pool (`CERTIFICATE_REVOKED`, ...). */
export class TaskCancelledData {
  @Id() taskId: string;
  @Id() campaignId: string;
  @Id() certificateId: string;
  @Code() reason: string;
  @Instant() at: string;
}

/** `inspection.violation-recorded.v1`: from a checklist item (`itemCode`) or a failed lab result (`sampleId`, severity LAB_FAIL). */
export class ViolationRecordedData {
  @Id() violationId: string;
  @Id() taskId: string;
  @Id() certificateId: string;
  @Code() severity: string;
  @IsOptional() @Code() itemCode?: string;
  @IsOptional() @Id() sampleId?: string;
}

/** `inspection.violation-corrected.v1`. */
export class ViolationCorrectedData {
  @Id() violationId: string;
  @Id() certificateId: string;
  @Instant() at: string;
}

/** Inspection's event types and their payload classes (part of `EVENT_PAYLOADS`). */
export const InspectionEventPayloads = {
  [InspectionEvents.labRegistered]: LabRegisteredData,
  [InspectionEvents.sampleRequested]: SampleRequestedData,
  [InspectionEvents.sampleStepTaken]: SampleStepTakenData,
  [InspectionEvents.sampleResultRecorded]: SampleResultRecordedData,
  [InspectionEvents.sampleReminderSent]: SampleFollowUpData,
  [InspectionEvents.sampleEscalated]: SampleFollowUpData,
  [InspectionEvents.campaignOpened]: CampaignOpenedData,
  [InspectionEvents.taskCompleted]: TaskCompletedData,
  [InspectionEvents.taskCancelled]: TaskCancelledData,
  [InspectionEvents.violationRecorded]: ViolationRecordedData,
  [InspectionEvents.violationCorrected]: ViolationCorrectedData,
  [InspectionEvents.revocationRequested]: InspectionRevocationRequestedData,
} as const satisfies Record<(typeof InspectionEvents)[keyof typeof InspectionEvents], new () => object>;
