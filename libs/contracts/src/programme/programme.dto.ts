import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { IsCalendarDate, List, NestedList, QueryInt } from '../validation';
import { PageQuery } from '../query';

/**
 * The programme's plans and their targets (issue 17, first step): a plan of the province (its legal reference, its
 * period) holds targets of certified products by unit, star level and year, and its progress is counted live from the
 * certificates the programme hears of.
 */
export const PLAN_LEVELS = ['PROVINCE', 'DISTRICT'] as const;
/**
 * What a target counts, in its unit and year, as of the request: CERTIFIED_PRODUCTS certificates issued in the year (by
 * the plan's counting rule: "added products"); CERTIFIED_PRODUCTS_CUMULATIVE the same from baseFromYear through its year
 * ("150 by 2025"); CERTIFIED_PRODUCTS_TOTAL certificates valid at the year's end ("bring the
 * total to 200"); CRAFT_VILLAGE_SHARE the percent of the register's craft villages (traditional ones only, if said) with
 * a product holding a valid certificate; FORWARDED_TO_MINISTRY potential 5★ the province's council forwarded to the
 * central council (a province's target only); SALES_POINTS OCOP sales points opened; CLASSES_HELD training classes
 * completed; PEOPLE_TRAINED people who completed a class; GREEN_VALUE_CHAIN_SHARE the percent of OCOP producers (holding a
 * valid certificate) with a product made in a green value chain; RETAINED_SHARE the percent of the products certified in
 * the base years (baseFromYear–baseToYear: "keep >85 % of the 2018–2020 products") still holding a valid certificate.
 * MODERN_RETAIL_SHARE the percent of OCOP producers with a checked modern-retail channel (trade promotion's);
 * OFFICIALS_TRAINED_SHARE the percent of the unit's officials (its users) who completed a class in the year ("100 % of
 * officials", training's coverage). A minimum
 * is a value; a range is value to valueMax.
 */
export const TARGET_KINDS = [
  'CERTIFIED_PRODUCTS',
  'CERTIFIED_PRODUCTS_CUMULATIVE',
  'CERTIFIED_PRODUCTS_TOTAL',
  'CRAFT_VILLAGE_SHARE',
  'FORWARDED_TO_MINISTRY',
  'SALES_POINTS',
  'CLASSES_HELD',
  'PEOPLE_TRAINED',
  'GREEN_VALUE_CHAIN_SHARE',
  'RETAINED_SHARE',
  'MODERN_RETAIL_SHARE',
  'OFFICIALS_TRAINED_SHARE',
] as const;
/** Kinds counted from certificates (the only ones a star level applies to). */
export const CERTIFICATE_TARGET_KINDS: readonly string[] = [
  'CERTIFIED_PRODUCTS',
  'CERTIFIED_PRODUCTS_CUMULATIVE',
  'CERTIFIED_PRODUCTS_TOTAL',
];
/**
 * What a certified-products target counts: FIRST_CERTIFICATION only products certified for the first time (a
 * certificate that supersedes none); ALL also re-evaluations and upgrades (a new certificate of the same product).
 */
export const COUNTING_RULES = ['FIRST_CERTIFICATION', 'ALL'] as const;

export class CreatePlanCommand {
  @ApiProperty({ example: 'Kế hoạch thực hiện Chương trình OCOP tỉnh Thanh Hóa năm 2024' }) @IsString() @Length(5, 300) title: string;
  @ApiProperty({ example: '1366/KH-UBND ngày 28/4/2023', description: 'The plan’s legal reference' })
  @IsString()
  @Length(3, 200)
  reference: string;
  @ApiProperty({ enum: PLAN_LEVELS }) @IsIn(PLAN_LEVELS) level: (typeof PLAN_LEVELS)[number];
  @ApiProperty({ example: '38', description: 'The province (PROVINCE) or district (DISTRICT) code' })
  @Matches(/^\d{2,3}$/, { message: 'unitCode must be a province or district code' })
  unitCode: string;
  @ApiProperty({ example: 2024 }) @IsInt() @Min(2018) @Max(2100) fromYear: number;
  @ApiProperty({ example: 2024 }) @IsInt() @Min(2018) @Max(2100) toYear: number;
  @ApiProperty({ enum: COUNTING_RULES, description: 'What counts as an added product for its targets' })
  @IsIn(COUNTING_RULES)
  countingRule: (typeof COUNTING_RULES)[number];
}

export class PlanIdQuery {
  @ApiProperty() @IsUUID() planId: string;
}

export class ListPlansQuery extends PageQuery {
  @QueryInt(2018, 2100, { description: 'Only plans whose period includes this year' }) year?: number;
}

export class TargetInput {
  @ApiProperty({ enum: TARGET_KINDS }) @IsIn(TARGET_KINDS) kind: (typeof TARGET_KINDS)[number];
  @ApiProperty({ example: '395', description: 'The unit the target is for: the plan’s own or one of its districts' })
  @Matches(/^\d{2,3}$/, { message: 'unitCode must be a province or district code' })
  unitCode: string;
  @ApiPropertyOptional({ example: 3, description: 'Only certificates of this star level (absent: 3★ and above)', nullable: true })
  @IsOptional()
  @IsInt()
  @Min(3)
  @Max(5)
  stars?: number | null;
  @ApiProperty({ example: 2024 }) @IsInt() @Min(2018) @Max(2100) year: number;
  @ApiProperty({ example: 5, description: 'The target, or the least of a range (CRAFT_VILLAGE_SHARE: a percent)' })
  @IsInt()
  @Min(0)
  @Max(100_000)
  value: number;
  @ApiPropertyOptional({ example: 50, description: 'A range’s most ("40–50")', nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  valueMax?: number | null;
  @ApiPropertyOptional({ description: 'CRAFT_VILLAGE_SHARE: only traditional craft villages (làng nghề truyền thống)' })
  @IsOptional()
  @IsBoolean()
  traditionalOnly?: boolean;
  @ApiPropertyOptional({
    example: 2018,
    description: 'RETAINED_SHARE: the first base year; CERTIFIED_PRODUCTS_CUMULATIVE: the first year counted',
  })
  @IsOptional()
  @IsInt()
  @Min(2018)
  @Max(2100)
  baseFromYear?: number;
  @ApiPropertyOptional({ example: 2020, description: 'RETAINED_SHARE: the last base year' })
  @IsOptional()
  @IsInt()
  @Min(2018)
  @Max(2100)
  baseToYear?: number;
}

export class AddTargetsBody {
  @ApiProperty({ type: [TargetInput] }) @NestedList(() => TargetInput, 1, 1000) targets: TargetInput[];
}
export class AddTargetsCommand extends AddTargetsBody {
  @ApiProperty() @IsUUID() planId: string;
}

export class ImportTargetsBody {
  @ApiProperty({
    description:
      'CSV with the header no,district,target_3_star,target_4_star,target_5_star,target_total (data/thanh-hoa-2024-district-targets.csv): a target per district and star level',
    example: 'no,district,target_3_star,target_4_star,target_5_star,target_total\n1,TP. Thanh Hóa,3,1,1,5\n',
  })
  @IsString()
  @Length(10, 200_000)
  csv: string;
  @ApiProperty({ example: 2024 }) @IsInt() @Min(2018) @Max(2100) year: number;
}
export class ImportTargetsCommand extends ImportTargetsBody {
  @ApiProperty() @IsUUID() planId: string;
}

export class TargetView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: TARGET_KINDS }) kind: string;
  @ApiProperty() unitCode: string;
  @ApiPropertyOptional({ type: Number, nullable: true }) stars: number | null;
  @ApiProperty() year: number;
  @ApiProperty() value: number;
  @ApiPropertyOptional({ type: Number, nullable: true }) valueMax: number | null;
  @ApiProperty() traditionalOnly: boolean;
  @ApiPropertyOptional({ type: Number, nullable: true }) baseFromYear: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) baseToYear: number | null;
}

export class PlanView {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty() reference: string;
  @ApiProperty({ enum: PLAN_LEVELS }) level: string;
  @ApiProperty() unitCode: string;
  @ApiProperty() provinceCode: string;
  @ApiProperty() fromYear: number;
  @ApiProperty() toYear: number;
  @ApiProperty({ enum: COUNTING_RULES }) countingRule: string;
  @ApiProperty({ type: [TargetView] }) targets: TargetView[];
  @ApiProperty() createdAt: string;
}

export class TargetProgressView extends TargetView {
  @ApiProperty({ description: 'Certificates counted for the target (issued in its year, in its unit, by the plan’s counting rule)' })
  achieved: number;
  @ApiProperty({ description: 'Of those, the ones still valid as of the request' }) active: number;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'achieved / value in percent (null for a target of 0); CRAFT_VILLAGE_SHARE: the share reached, achieved / denominator',
  })
  percent: number | null;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'A share: what it is a share of (craft villages, OCOP producers, base-year products)',
  })
  denominator: number | null;
  @ApiProperty({ description: 'Whether the target is reached (a range: within it)' }) met: boolean;
}

export class PlanProgressView {
  @ApiProperty() planId: string;
  @ApiProperty() asOf: string;
  @ApiProperty({ type: [TargetProgressView] }) targets: TargetProgressView[];
}

/** A plan's task: what is to be done, by whom (lead and coordinating units), by when (a date or a quarter), how it stands. */
export const PLAN_TASK_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const;

export class CreatePlanTaskBody {
  @ApiProperty({ example: 'Tổ chức tập huấn cho chủ thể OCOP về xây dựng hồ sơ sản phẩm' }) @IsString() @Length(3, 1000) title: string;
  @ApiProperty({ example: 'Sở Nông nghiệp và Môi trường', description: 'The unit that leads the task' })
  @IsString()
  @Length(2, 300)
  leadUnit: string;
  @ApiPropertyOptional({ type: [String], example: ['Sở Công Thương', 'UBND các huyện, thị xã, thành phố'] })
  @IsOptional()
  @List(0, 20)
  @IsString({ each: true })
  @Length(2, 300, { each: true })
  coordinatingUnits?: string[];
  @ApiPropertyOptional({ example: '2024-06-30', description: 'The deadline as a day (or give deadlineQuarter)' })
  @IsOptional()
  @IsCalendarDate()
  deadlineDate?: string;
  @ApiPropertyOptional({ example: '2024-Q3', description: 'The deadline as a quarter (or give deadlineDate)' })
  @IsOptional()
  @Matches(/^20\d{2}-Q[1-4]$/, { message: 'deadlineQuarter must be a quarter such as 2024-Q3' })
  deadlineQuarter?: string;
}
export class CreatePlanTaskCommand extends CreatePlanTaskBody {
  @ApiProperty() @IsUUID() planId: string;
}

export class PlanTaskIdQuery {
  @ApiProperty() @IsUUID() taskId: string;
}

export class UpdatePlanTaskBody {
  @ApiProperty({ enum: PLAN_TASK_STATUSES }) @IsIn(PLAN_TASK_STATUSES) status: (typeof PLAN_TASK_STATUSES)[number];
  @ApiPropertyOptional({ example: 'Đã tổ chức 02 lớp tại Thọ Xuân và Ngọc Lặc' }) @IsOptional() @IsString() @Length(2, 2000) note?: string;
}
export class UpdatePlanTaskCommand extends UpdatePlanTaskBody {
  @ApiProperty() @IsUUID() taskId: string;
}

export class PlanTaskEvidenceBody {
  @ApiProperty({ example: 'Báo cáo kết quả tập huấn số 45/BC-SNNMT' }) @IsString() @Length(2, 2000) text: string;
  @ApiPropertyOptional({ example: '45/BC-SNNMT', description: 'The document that proves it' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  reference?: string;
}
export class PlanTaskEvidenceCommand extends PlanTaskEvidenceBody {
  @ApiProperty() @IsUUID() taskId: string;
}

export class PlanTaskEvidenceView {
  @ApiProperty() text: string;
  @ApiPropertyOptional({ type: String, nullable: true }) reference: string | null;
  @ApiProperty() at: string;
  @ApiProperty() by: string;
}

export class PlanTaskView {
  @ApiProperty() id: string;
  @ApiProperty() planId: string;
  @ApiProperty() title: string;
  @ApiProperty() leadUnit: string;
  @ApiProperty({ type: [String] }) coordinatingUnits: string[];
  @ApiPropertyOptional({ type: String, nullable: true }) deadlineDate: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) deadlineQuarter: string | null;
  @ApiProperty({ description: 'The last day of the deadline (the quarter’s last day for a quarter)' }) dueOn: string;
  @ApiProperty({ enum: PLAN_TASK_STATUSES }) status: string;
  @ApiPropertyOptional({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ description: 'Not done or cancelled, and its deadline passed as of the request' }) overdue: boolean;
  @ApiProperty({ type: [PlanTaskEvidenceView] }) evidence: PlanTaskEvidenceView[];
}

/** A provincial plan's target for a district beside what the district's own plans set, and what was achieved. */
export class RollupRowView {
  @ApiProperty() unitCode: string;
  @ApiProperty({ enum: TARGET_KINDS }) kind: string;
  @ApiPropertyOptional({ type: Number, nullable: true }) stars: number | null;
  @ApiProperty() year: number;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'The provincial plan’s target for the district' })
  provinceValue: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'The sum of the district’s own plans’ targets' })
  districtValue: number | null;
  @ApiProperty({ type: [String], description: 'The district plans it comes from' }) districtPlanIds: string[];
  @ApiProperty({ description: 'Counted by the provincial plan’s rule, as of the request' }) achieved: number;
  @ApiProperty({ description: 'Whether the district plans set less than the province asks of the district' }) short: boolean;
}

export class PlanRollupView {
  @ApiProperty() planId: string;
  @ApiProperty() asOf: string;
  @ApiProperty({ type: [RollupRowView] }) rows: RollupRowView[];
}
