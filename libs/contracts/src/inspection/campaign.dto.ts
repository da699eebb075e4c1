import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { IsInstant, List, Nested, NestedList, QueryInt } from '../validation';
import { PageQuery } from '../query';

export const VIOLATION_STATUSES = ['CORRECTIVE_ACTION', 'CORRECTED', 'REVOCATION_REQUESTED'] as const;
export const FINDING_SEVERITIES = ['COMPLIANT', 'MINOR', 'MAJOR', 'CRITICAL'] as const;
export const TASK_STATUSES = ['OPEN', 'COMPLETED', 'CANCELLED'] as const;

export class CampaignScopeDto {
  @ApiPropertyOptional({ type: [String], example: ['FOOD', 'BEVERAGES'] })
  @IsOptional()
  @List(1, 6)
  @IsIn(['FOOD', 'BEVERAGES', 'HERBAL', 'HANDICRAFTS', 'ORNAMENTAL', 'TOURISM'], { each: true })
  productGroups?: string[];
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @List(1, 26)
  @Matches(/^\d{2}$/, { each: true, message: 'each product set code is two digits' })
  productSetCodes?: string[];
  @ApiPropertyOptional({ type: [String], description: 'Province or district codes' })
  @IsOptional()
  @List(1, 500)
  @Matches(/^\d{2,5}$/, { each: true, message: 'each unit code is 2-5 digits' })
  unitCodes?: string[];
  @ApiPropertyOptional({ type: [Number] }) @IsOptional() @List(1, 3) @IsIn([3, 4, 5], { each: true }) stars?: number[];
  @ApiPropertyOptional() @IsOptional() @IsInstant() issuedBefore?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(1100) expiringWithinDays?: number;
  @ApiPropertyOptional({
    type: [String],
    description: 'Only these certificates (an ad-hoc campaign after a complaint or an agency report)',
  })
  @IsOptional()
  @List(0, 1000)
  @IsUUID('all', { each: true })
  certificateIds?: string[];
}

const WEIGHT = (name: string) => [IsInt({ message: `${name} must be an integer from 0 to 1000` }), Min(0), Max(1000), IsOptional()];
const weight =
  (name: string): PropertyDecorator =>
  (t, k) =>
    WEIGHT(name).forEach((d) => d(t, k));

export class ProductGroupWeightsDto {
  @ApiPropertyOptional() @weight('FOOD') FOOD?: number;
  @ApiPropertyOptional() @weight('BEVERAGES') BEVERAGES?: number;
  @ApiPropertyOptional() @weight('HERBAL') HERBAL?: number;
  @ApiPropertyOptional() @weight('HANDICRAFTS') HANDICRAFTS?: number;
  @ApiPropertyOptional() @weight('ORNAMENTAL') ORNAMENTAL?: number;
  @ApiPropertyOptional() @weight('TOURISM') TOURISM?: number;
}

/** Overrides of the default risk weights (integer points). */
export class RiskWeightsDto {
  @ApiPropertyOptional({ type: ProductGroupWeightsDto })
  @IsOptional()
  @Nested(() => ProductGroupWeightsDto)
  productGroup?: ProductGroupWeightsDto;
  @ApiPropertyOptional() @weight('perYearUninspected') perYearUninspected?: number;
  @ApiPropertyOptional() @weight('perPriorViolation') perPriorViolation?: number;
  @ApiPropertyOptional() @weight('perComplaint') perComplaint?: number;
  @ApiPropertyOptional() @weight('nearingExpiry') nearingExpiry?: number;
}

export class SelectionRuleDto {
  @ApiProperty({ enum: ['ALL', 'RANDOM', 'RISK'] }) @IsIn(['ALL', 'RANDOM', 'RISK']) kind: 'ALL' | 'RANDOM' | 'RISK';
  @ApiPropertyOptional({ example: 0.25, description: 'Share of the scoped pool (RANDOM, RISK)' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0.01)
  @Max(1)
  share?: number;
  @ApiPropertyOptional({ example: 'Q3-2031', description: 'RANDOM: the same seed and pool select the same set' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  seed?: string;
  @ApiPropertyOptional({ type: RiskWeightsDto, description: 'RISK: overrides of the default weights' })
  @IsOptional()
  @Nested(() => RiskWeightsDto)
  weights?: RiskWeightsDto;
}

export class CampaignTeamDto {
  @ApiProperty({ type: [String], description: 'Inspector user ids; tasks are assigned round-robin' })
  @List(1, 100)
  @IsUUID('all', { each: true })
  inspectorUserIds: string[];
  @ApiPropertyOptional({ type: [String], example: ['Sở Công Thương', 'Sở Y tế'] })
  @IsOptional()
  @List(0, 50)
  @IsString({ each: true })
  @Length(2, 200, { each: true })
  agencyMembers?: string[];
}

export class CreateCampaignCommand {
  @ApiProperty({ example: 'Hậu kiểm sản phẩm OCOP quý III/2031' }) @IsString() @Length(3, 300) name: string;
  @ApiProperty({ example: 'Kế hoạch số 45/KH-UBND ngày 02/06/2031' }) @IsString() @Length(3, 500) legalBasis: string;
  @ApiProperty({ example: '2031-07-01T00:00:00+07:00' }) @IsInstant() periodFrom: string;
  @ApiProperty({ description: 'Tasks are due by the end of the period', example: '2031-09-30T23:59:59+07:00' })
  @IsInstant()
  periodTo: string;
  @ApiProperty({ type: CampaignScopeDto }) @Nested(() => CampaignScopeDto) scope: CampaignScopeDto;
  @ApiProperty({ type: SelectionRuleDto }) @Nested(() => SelectionRuleDto) rule: SelectionRuleDto;
  @ApiPropertyOptional({ type: [String], description: 'Checklist item codes (default: the whole template)' })
  @IsOptional()
  @List(1, 100)
  @Matches(/^[A-Z_]{2,40}$/, { each: true, message: 'each checklist item is an item code' })
  checklist?: string[];
  @ApiProperty({ type: CampaignTeamDto }) @Nested(() => CampaignTeamDto) team: CampaignTeamDto;
  @ApiPropertyOptional({ enum: ['PLANNED', 'COMPLAINT', 'AGENCY'] })
  @IsOptional()
  @IsIn(['PLANNED', 'COMPLAINT', 'AGENCY'])
  origin?: string;
  @ApiPropertyOptional({ description: "The complaint or the agency's market-surveillance reference" })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  originReference?: string;
}

export class CampaignIdQuery {
  @ApiProperty() @IsUUID() campaignId: string;
}

export class CampaignView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() legalBasis: string;
  @ApiProperty() provinceCode: string;
  @ApiProperty() periodFrom: string;
  @ApiProperty() periodTo: string;
  @ApiProperty({ type: CampaignScopeDto }) scope: CampaignScopeDto;
  @ApiProperty({ type: SelectionRuleDto }) rule: SelectionRuleDto;
  @ApiProperty({ type: [String] }) checklist: string[];
  @ApiProperty({ type: CampaignTeamDto }) team: CampaignTeamDto;
  @ApiProperty({ enum: ['PLANNED', 'COMPLAINT', 'AGENCY'] }) origin: string;
  @ApiPropertyOptional({ type: String, nullable: true }) originReference: string | null;
  @ApiProperty({ enum: ['PLANNED', 'OPEN', 'CLOSED'] }) status: string;
  @ApiPropertyOptional({ type: String, nullable: true }) selectedAt: string | null;
  @ApiPropertyOptional() taskCount?: number;
}

export class ListTasksQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() campaignId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() certificateId?: string;
  @ApiPropertyOptional({ enum: TASK_STATUSES }) @IsOptional() @IsIn(TASK_STATUSES) status?: string;
}

export class TaskIdQuery {
  @ApiProperty() @IsUUID() taskId: string;
}

export class FindingDto {
  @ApiProperty({ example: 'FOOD_SAFETY' })
  @Matches(/^[A-Z_]{2,40}$/, { message: 'itemCode must be a checklist item code' })
  itemCode: string;
  @ApiProperty({ enum: FINDING_SEVERITIES }) @IsIn(FINDING_SEVERITIES) severity: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 4000) note?: string;
  @ApiPropertyOptional({ type: [String], description: 'Storage keys of uploaded evidence' })
  @IsOptional()
  @List(0, 20)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  evidenceKeys?: string[];
}

export class CompleteTaskBody {
  @ApiProperty({ type: [FindingDto], description: 'One per checklist item' }) @NestedList(() => FindingDto, 1, 100) findings: FindingDto[];
}
export class CompleteTaskCommand extends CompleteTaskBody {
  @ApiProperty() @IsUUID() taskId: string;
}

export class AttachEvidenceCommand {
  @ApiProperty() @IsUUID() taskId: string;
  @ApiProperty() @IsString() @Length(1, 255) fileName: string;
  @ApiProperty() @IsIn(['application/pdf', 'image/png', 'image/jpeg']) contentType: string;
  @ApiProperty() @IsInt() @Min(1) @Max(1024 * 1024 * 1024) size: number;
  @ApiProperty() @Matches(/^[0-9a-f]{64}$/, { message: 'sha256 must be a hex digest' }) sha256: string;
  @ApiProperty()
  @Matches(/^inspection\/tasks\/[0-9a-f-]{36}\/[0-9a-f-]{36}$/, { message: 'storageKey must be a task evidence key' })
  storageKey: string;
}

export class EvidenceView {
  @ApiProperty({ description: "Cite it in a finding's evidenceKeys" }) storageKey: string;
  @ApiProperty() taskId: string;
  @ApiProperty() fileName: string;
  @ApiProperty() contentType: string;
  @ApiProperty() size: number;
  @ApiProperty() sha256: string;
  @ApiProperty() uploadedAt: string;
}

export class AssignTaskBody {
  @ApiProperty() @IsUUID() inspectorUserId: string;
}
export class AssignTaskCommand extends AssignTaskBody {
  @ApiProperty() @IsUUID() taskId: string;
}

export class TaskView {
  @ApiProperty() id: string;
  @ApiProperty() campaignId: string;
  @ApiProperty() certificateId: string;
  @ApiProperty() certificateNumber: string;
  @ApiProperty() productName: string;
  @ApiProperty() rank: number;
  @ApiPropertyOptional({ type: Number, nullable: true }) riskScore: number | null;
  @ApiProperty({ type: [String] }) riskReasons: string[];
  @ApiPropertyOptional({ type: String, nullable: true }) assigneeUserId: string | null;
  @ApiProperty() dueAt: string;
  @ApiProperty({ enum: TASK_STATUSES }) status: string;
  @ApiPropertyOptional({ type: String, nullable: true }) completedAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) cancelledReason: string | null;
}

export class ViolationIdQuery {
  @ApiProperty() @IsUUID() violationId: string;
}

export class ViolationView {
  @ApiProperty() id: string;
  @ApiProperty() taskId: string;
  @ApiProperty() certificateId: string;
  @ApiProperty({ enum: ['MINOR', 'MAJOR', 'CRITICAL', 'LAB_FAIL'] }) severity: string;
  @ApiProperty() reasonCode: string;
  @ApiProperty() details: string;
  @ApiPropertyOptional({ type: String, nullable: true }) correctiveDeadline: string | null;
  @ApiProperty({ enum: VIOLATION_STATUSES }) status: string;
  @ApiPropertyOptional({ type: String, nullable: true }) revocationRequestedAt: string | null;
}

export class ListViolationsQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() certificateId?: string;
  @ApiPropertyOptional({ enum: VIOLATION_STATUSES }) @IsOptional() @IsIn(VIOLATION_STATUSES) status?: string;
  @ApiPropertyOptional({ description: 'Only violations whose corrective deadline is before this instant', example: '2026-12-31T17:00:00Z' })
  @IsOptional()
  @IsInstant()
  deadlineBefore?: string;
}

export class CoverageQuery {
  @QueryInt(1, 36, { description: 'Count only inspections within this many months before now (default: any time during validity)' })
  withinMonths?: number;
}

export class CoverageGapView {
  @ApiProperty() certificateId: string;
  @ApiProperty() number: string;
  @ApiProperty() productName: string;
  @ApiProperty() validFrom: string;
  @ApiProperty() validTo: string;
}

export class CoverageView {
  @ApiProperty() asOf: string;
  @ApiProperty({ description: "Active certificates in the caller's province" }) active: number;
  @ApiProperty({ description: 'Of those, inspected at least once during their validity' }) inspected: number;
  @ApiProperty({ type: [CoverageGapView] }) gaps: CoverageGapView[];
}

export class CampaignTemplateDto {
  @ApiProperty() @IsString() @Length(3, 300) name: string;
  @ApiProperty() @IsString() @Length(3, 500) legalBasis: string;
  @ApiProperty({ type: CampaignScopeDto }) @Nested(() => CampaignScopeDto) scope: CampaignScopeDto;
  @ApiProperty({
    type: SelectionRuleDto,
    description: "A RANDOM rule's seed is the recurrence and the period: the same period always selects the same set",
  })
  @Nested(() => SelectionRuleDto)
  rule: SelectionRuleDto;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @List(1, 100)
  @Matches(/^[A-Z_]{2,40}$/, { each: true, message: 'each checklist item is an item code' })
  checklist?: string[];
  @ApiProperty({ type: CampaignTeamDto }) @Nested(() => CampaignTeamDto) team: CampaignTeamDto;
}

export class CreateRecurrenceCommand {
  @ApiProperty({ example: 'Hậu kiểm hằng quý' }) @IsString() @Length(3, 300) name: string;
  @ApiProperty({ example: '0 2 1 7,10 *', description: 'Cron pattern in Vietnam time (here: 1 July and 1 October, Q3–Q4)' })
  @Matches(/^(\S+\s+){4}\S+$/, { message: 'cron must be a 5-field cron pattern' })
  cron: string;
  @ApiProperty({ example: 90, description: 'Each campaign runs this many days from its start' })
  @IsInt()
  @Min(1)
  @Max(366)
  periodDays: number;
  @ApiProperty({ type: CampaignTemplateDto }) @Nested(() => CampaignTemplateDto) template: CampaignTemplateDto;
}

export class RecurrenceIdQuery {
  @ApiProperty() @IsUUID() recurrenceId: string;
}

export class RunRecurrenceBody {
  @ApiPropertyOptional({ description: 'The period starts at this instant (refused in production mode)' })
  @IsOptional()
  @IsInstant()
  asOf?: string;
}
export class RunRecurrenceCommand extends RunRecurrenceBody {
  @ApiProperty() @IsUUID() recurrenceId: string;
}

export class RecurrenceView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() provinceCode: string;
  @ApiProperty() cron: string;
  @ApiProperty() periodDays: number;
  @ApiProperty({ type: CampaignTemplateDto }) template: CampaignTemplateDto;
  @ApiProperty() active: boolean;
  @ApiPropertyOptional({ description: 'Next run from the BullMQ job scheduler (ms since epoch)', type: Number, nullable: true })
  nextRunAt?: number | null;
}
