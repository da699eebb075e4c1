import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { INSPECTION_JOB_NAMES } from './lab-testing.dto';
import { TaskView, ViolationView } from './campaign.dto';

export class SampleFollowUpReportView {
  @ApiProperty() reminders: number;
  @ApiProperty() escalations: number;
  @ApiProperty({ description: 'Stage timers Redis had lost, scheduled again' }) jobsRecreated: number;
}

export class ViolationFollowUpReportView {
  @ApiProperty() revocationRequests: number;
}

/** The report of an inspection job run now (POST /api/inspection/jobs/{name}/run). */
@ApiExtraModels(SampleFollowUpReportView, ViolationFollowUpReportView)
export class InspectionJobReportView {
  @ApiProperty({ enum: INSPECTION_JOB_NAMES }) name: string;
  @ApiProperty() asOf: string;
  @ApiProperty({
    description: 'sample-follow-ups or violation-follow-ups report',
    oneOf: [{ $ref: getSchemaPath(SampleFollowUpReportView) }, { $ref: getSchemaPath(ViolationFollowUpReportView) }],
  })
  result: SampleFollowUpReportView | ViolationFollowUpReportView;
}

/** A completed task and the violations its findings raised. */
export class TaskCompletionView {
  @ApiProperty({ type: TaskView }) task: TaskView;
  @ApiProperty({ type: [ViolationView] }) violations: ViolationView[];
}

export class CredentialRevocationView {
  @ApiProperty() credentialId: string;
  @ApiProperty() revokedAt: string;
}
