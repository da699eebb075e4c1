import { Code, Id, Instant, Int, Nullable, OneOf, Text } from '../event-fields';
import { ProgrammeEvents } from './programme.subjects';

export class ReportReminderData {
  @Id() reminderId: string;
  @Code() provinceCode: string;
  /** The district (a district's annual report) or the province (the province's). */
  @Code() unitCode: string;
  @Text(300) unitName: string;
  @OneOf(['DISTRICT_ANNUAL', 'PROVINCE_ANNUAL']) kind: string;
  @Int(2018, 2100) year: number;
  /** The report is due before this day, `YYYY-MM-DD`. */
  @Code() dueBefore: string;
  @Text(300) recipient: string;
  @Instant() at: string;
}

/** A submitted report's figures as frozen at submission (certificates of the period by star level). */
export class ReportSubmittedData {
  @Id() reportId: string;
  @Code() provinceCode: string;
  @Code() unitCode: string;
  @OneOf(['DISTRICT_ANNUAL', 'PROVINCE_ANNUAL', 'AD_HOC']) kind: string;
  @Nullable() @Int(2018, 2100) year: number | null;
  /** The period, days `YYYY-MM-DD`. */
  @Code() from: string;
  @Code() to: string;
  @Int(0, 1_000_000) issued3: number;
  @Int(0, 1_000_000) issued4: number;
  @Int(0, 1_000_000) issued5: number;
  @Int(0, 1_000_000) firstCertifications: number;
  @Int(0, 1_000_000) valid3: number;
  @Int(0, 1_000_000) valid4: number;
  @Int(0, 1_000_000) valid5: number;
  @Int(0, 1_000_000) revoked: number;
  @Instant() submittedAt: string;
}

/** The programme's event types and their payload classes (part of `EVENT_PAYLOADS`). */
export const ProgrammeEventPayloads = {
  [ProgrammeEvents.reportReminder]: ReportReminderData,
  [ProgrammeEvents.reportSubmitted]: ReportSubmittedData,
} as const satisfies Record<(typeof ProgrammeEvents)[keyof typeof ProgrammeEvents], new () => object>;
