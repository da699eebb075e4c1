import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { NestedList, QueryInt } from '../validation';

/**
 * A district's evaluation plan for the year (issue 18; Thanh Hóa): the sessions its council plans, month by month, the
 * dossiers it expects and the experts it needs from each department, so the departments assign staff to the district
 * councils and the province sees every plan and the staffing gaps.
 */
export class ExpertsNeededInput {
  @ApiProperty({ example: 'SCT', description: 'The department (an agency code: SCT, SKHCN, SYT, …)' })
  @Matches(/^[A-Z0-9][A-Z0-9_-]{1,19}$/, { message: 'agencyCode must be an agency code' })
  agencyCode: string;
  @ApiProperty({ example: 1 }) @IsInt() @Min(1) @Max(20) experts: number;
}

export class PlannedSessionInput {
  @ApiProperty({ example: 6, description: 'The month of the session (1–12)' }) @IsInt() @Min(1) @Max(12) month: number;
  @ApiProperty({ example: 8 }) @IsInt() @Min(0) @Max(1000) expectedDossiers: number;
  @ApiProperty({ type: [ExpertsNeededInput] }) @NestedList(() => ExpertsNeededInput, 0, 20) experts: ExpertsNeededInput[];
}

export class SetEvaluationPlanBody {
  @ApiProperty({ type: [PlannedSessionInput] }) @NestedList(() => PlannedSessionInput, 1, 24) sessions: PlannedSessionInput[];
}
export class SetEvaluationPlanCommand extends SetEvaluationPlanBody {
  @ApiProperty({ example: 2024 }) @IsInt() @Min(2018) @Max(2100) year: number;
}

export class ListEvaluationPlansQuery {
  @QueryInt(2018, 2100, { description: 'The year' }) year?: number;
}

export class AssignExpertBody {
  @ApiProperty({ example: 6 }) @IsInt() @Min(1) @Max(12) month: number;
  @ApiProperty({ example: 'Lê Văn Hùng' }) @IsString() @Length(2, 200) fullName: string;
  @ApiPropertyOptional({ description: 'The expert’s platform account, if any' }) @IsOptional() @IsUUID() userId?: string;
}
export class AssignExpertCommand extends AssignExpertBody {
  @ApiProperty() @IsUUID() planId: string;
}

export class ExpertGapView {
  @ApiProperty() month: number;
  @ApiProperty() agencyCode: string;
  @ApiProperty() needed: number;
  @ApiProperty({ type: [String] }) assigned: string[];
  @ApiProperty({ description: 'needed − assigned, at least 0' }) missing: number;
}

export class EvaluationPlanView {
  @ApiProperty() id: string;
  @ApiProperty() provinceCode: string;
  @ApiProperty() districtCode: string;
  @ApiProperty() year: number;
  @ApiProperty({ type: [PlannedSessionInput] }) sessions: PlannedSessionInput[];
  @ApiProperty({ description: 'Dossiers expected over the year' }) expectedDossiers: number;
  @ApiProperty({ type: [ExpertGapView] }) staffing: ExpertGapView[];
  @ApiProperty({ description: 'Experts still missing over the year' }) missingExperts: number;
  @ApiProperty() updatedAt: string;
}
