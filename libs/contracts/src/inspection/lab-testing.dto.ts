import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { IsInstant, List, Nested, NestedList } from '../validation';
import { PageQuery } from '../query';

const CODE = /^[A-Z0-9][A-Z0-9_-]{1,39}$/;
export const SAMPLE_STATUS_LIST = [
  'REQUESTED',
  'COLLECTED',
  'DISPATCHED',
  'RECEIVED_BY_LAB',
  'RESULT_RECORDED',
  'CANCELLED',
  'OVERDUE',
] as const;
export const INSPECTION_JOB_NAMES = ['sample-follow-ups', 'violation-follow-ups'] as const;

export class RegisterLabCommand {
  @ApiProperty({ example: 'LAB01', description: "Upper-case code; also the lab's NATS subject segment" })
  @Matches(CODE, { message: 'code must be 2-40 of A-Z, 0-9, _ or -' })
  code: string;
  @ApiProperty({ example: 'Trung tâm Kiểm nghiệm Thanh Hóa' }) @IsString() @Length(3, 200) name: string;
  @ApiProperty({ type: [String], example: ['E_COLI', 'LEAD'], description: 'Indicators the lab is accredited for' })
  @List(1, 200)
  @Matches(CODE, { each: true, message: 'each indicator must be an indicator code' })
  indicators: string[];
  @ApiProperty({ example: 7, description: 'Days from receipt to result' }) @IsInt() @Min(1) @Max(90) turnaroundDays: number;
  @ApiProperty() @IsString() @Length(2, 200) contactName: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() contactEmail?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^\+?[0-9 .-]{8,20}$/, { message: 'contactPhone must be a phone number' })
  contactPhone?: string;
}

export class LabView {
  @ApiProperty() id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() provinceCode: string;
  @ApiProperty({ type: [String] }) indicators: string[];
  @ApiProperty() turnaroundDays: number;
  @ApiProperty() contactName: string;
  @ApiPropertyOptional({ type: String, nullable: true }) contactEmail: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) contactPhone: string | null;
}

export class LabIdQuery {
  @ApiProperty() @IsUUID() labId: string;
}

export class LabCredentialQuery {
  @ApiProperty() @IsUUID() labId: string;
  @ApiProperty() @IsUUID() credentialId: string;
}

export class LabCredentialView {
  @ApiProperty() credentialId: string;
  @ApiProperty() labCode: string;
  @ApiProperty({ description: "Shown once: the lab's service sends it in the ocop-lab-credential header of its NATS messages" })
  token: string;
  @ApiProperty() subject: string;
}

export class RequestSampleCommand {
  @ApiPropertyOptional({ description: 'The province-tier evaluation the sample serves (or taskId)' })
  @IsOptional()
  @IsUUID()
  evaluationId?: string;
  @ApiPropertyOptional({ description: 'The inspection task the sample serves (or evaluationId)' }) @IsOptional() @IsUUID() taskId?: string;
  @ApiProperty() @IsUUID() labId: string;
  @ApiPropertyOptional({ type: [String], description: 'Defaults by product set' })
  @IsOptional()
  @List(1, 100)
  @Matches(CODE, { each: true, message: 'each indicator must be an indicator code' })
  indicators?: string[];
}

export class ListSamplesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: SAMPLE_STATUS_LIST }) @IsOptional() @IsIn(SAMPLE_STATUS_LIST) status?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() dossierId?: string;
}

export class SampleIdQuery {
  @ApiProperty() @IsUUID() sampleId: string;
}

export class CollectSampleBody {
  @ApiProperty({ description: 'Who took the sample' }) @IsString() @Length(2, 200) collectedBy: string;
  @ApiPropertyOptional({ description: 'When (default: now)' }) @IsOptional() @IsInstant() collectedAt?: string;
}
export class CollectSampleCommand extends CollectSampleBody {
  @ApiProperty() @IsUUID() sampleId: string;
}

export class CancelSampleBody {
  @ApiProperty() @IsString() @Length(3, 2000) reason: string;
}
export class CancelSampleCommand extends CancelSampleBody {
  @ApiProperty() @IsUUID() sampleId: string;
}

export class IndicatorResultDto {
  @ApiProperty({ example: 'LEAD' }) @Matches(CODE, { message: 'code must be an indicator code' }) code: string;
  @ApiProperty({ example: '0.05' }) @IsString() @Length(1, 50) value: string;
  @ApiProperty({ example: 'mg/kg' }) @IsString() @Length(1, 30) unit: string;
  @ApiProperty({ example: '≤ 0.1' }) @IsString() @Length(1, 50) limit: string;
  @ApiProperty({ enum: ['PASS', 'FAIL'] }) @IsIn(['PASS', 'FAIL']) verdict: 'PASS' | 'FAIL';
}

export class ResultSheetDto {
  @ApiProperty({ example: 'PKQ-2030-0153.pdf' })
  @Matches(/^[\w.() -]{1,120}\.pdf$/i, { message: 'fileName must be a PDF file name' })
  fileName: string;
  @ApiProperty({ description: 'The signed result sheet (phiếu kết quả kiểm nghiệm), PDF, base64, at most 700 KB' })
  @IsString()
  @Length(8, 960_000)
  contentBase64: string;
}

export class RecordResultBody {
  @ApiProperty({ example: 'PKQ-2030-0153', description: 'Number of the result sheet' }) @IsString() @Length(1, 100) reference: string;
  @ApiProperty({ type: [IndicatorResultDto] }) @NestedList(() => IndicatorResultDto, 1, 200) indicators: IndicatorResultDto[];
  @ApiPropertyOptional({ type: ResultSheetDto }) @IsOptional() @Nested(() => ResultSheetDto) resultSheet?: ResultSheetDto;
}
export class RecordResultCommand extends RecordResultBody {
  @ApiProperty() @IsUUID() sampleId: string;
}

export class RunInspectionJobBody {
  @ApiPropertyOptional({ description: 'Run as of this instant (refused in production mode)' }) @IsOptional() @IsInstant() asOf?: string;
}
export class RunInspectionJobCommand extends RunInspectionJobBody {
  @ApiProperty({ enum: INSPECTION_JOB_NAMES }) @IsIn(INSPECTION_JOB_NAMES) name: string;
}

export class SampleView {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'MAU-38-2030-0001' }) code: string;
  @ApiProperty({ enum: SAMPLE_STATUS_LIST }) status: string;
  @ApiProperty({ description: 'The stage (OVERDUE samples keep the stage that stalled)' }) stage: string;
  @ApiPropertyOptional({ type: String, nullable: true }) dossierId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) evaluationId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) inspectionTaskId: string | null;
  @ApiProperty() productId: string;
  @ApiProperty() productName: string;
  @ApiProperty() productSetCode: string;
  @ApiProperty() producerId: string;
  @ApiProperty() provinceCode: string;
  @ApiProperty() labId: string;
  @ApiProperty() labCode: string;
  @ApiProperty({ type: [String] }) indicators: string[];
  @ApiProperty() requestedAt: string;
  @ApiPropertyOptional({ type: String, nullable: true }) dueAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) collectedBy: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) collectedAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) dispatchedAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) receivedAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, enum: ['PASS', 'FAIL'] }) overall: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) resultReference: string | null;
  @ApiPropertyOptional({ type: [IndicatorResultDto], nullable: true }) indicatorResults: IndicatorResultDto[] | null;
  @ApiPropertyOptional({ type: String, nullable: true }) resultSheetKey: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, enum: ['API', 'NATS'] }) recordedVia: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) resultRecordedAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) cancelledReason: string | null;
}
