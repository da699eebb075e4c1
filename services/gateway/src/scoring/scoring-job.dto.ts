import { ApiProperty } from '@nestjs/swagger';

/** What the sweep of written consultations did (`written-consultation-reminders`; the service's WrittenConsultationSweep). */
export class WrittenConsultationSweepView {
  @ApiProperty() asOf: string;
  @ApiProperty({ description: 'Scoring members reminded by this run of the sheets they have not sent (each once per session)' })
  reminders: number;
  @ApiProperty({
    description: 'Sessions whose deadline passed with sheets missing, escalated by this run to the chair and the organiser (each once)',
  })
  escalations: number;
}
