import { Code, Id, Instant, Int, Nullable, OneOf } from '../event-fields';
import { TrainingEvents } from './training.subjects';

export class ClassScheduledData {
  @Id() classId: string;
  @Id() courseId: string;
  @Code() provinceCode: string;
  @Nullable() @Code() districtCode: string | null;
  @Code() targetGroup: string;
  /** Days `YYYY-MM-DD`. */
  @Code() startsOn: string;
  @Code() endsOn: string;
  @Int(1, 10_000) capacity: number;
}

export class ClassStatusChangedData {
  @Id() classId: string;
  @Code() provinceCode: string;
  @OneOf(['PLANNED', 'OPEN', 'RUNNING', 'COMPLETED', 'CANCELLED']) status: string;
  @Instant() at: string;
}

export class EnrolmentCompletedData {
  @Id() enrolmentId: string;
  @Id() classId: string;
  @Code() provinceCode: string;
  @Code() targetGroup: string;
  @Nullable() @Id() userId: string | null;
  @Nullable() @Id() producerId: string | null;
  /** Whether the person attended enough days to complete. */
  @OneOf(['COMPLETED', 'NOT_COMPLETED']) outcome: string;
  @Int(0, 366) daysAttended: number;
  @Instant() at: string;
}

export class ProducerInvitedData {
  @Id() invitationId: string;
  @Id() producerId: string;
  @Id() classId: string;
  @Code() provinceCode: string;
  @Code() reason: string;
  @Instant() at: string;
}

/** Training's event types and their payload classes (part of `EVENT_PAYLOADS`). */
export const TrainingEventPayloads = {
  [TrainingEvents.classScheduled]: ClassScheduledData,
  [TrainingEvents.classStatusChanged]: ClassStatusChangedData,
  [TrainingEvents.enrolmentCompleted]: EnrolmentCompletedData,
  [TrainingEvents.producerInvited]: ProducerInvitedData,
} as const satisfies Record<(typeof TrainingEvents)[keyof typeof TrainingEvents], new () => object>;
