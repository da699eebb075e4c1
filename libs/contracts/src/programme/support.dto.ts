import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { IsCalendarDate, NestedList, QueryInt } from '../validation';
import { PageQuery } from '../query';
import { COUNTING_RULES } from './programme.dto';

/**
 * Support and rewards (issue 17): the province's support policies as the operator enters them from their resolution,
 * and the rewards they pay for certified products — one per certificate and policy, paid once, stopped when the
 * certificate is revoked before payment. Amounts are whole đồng, as the resolution states them; none is built in.
 */
export const SUPPORT_POLICY_KINDS = ['REWARD', 'SUPPORT'] as const;
/** What a support policy pays for (Thanh Hóa, Ninh Bình, Đắk Lắk resolutions). */
export const SUPPORT_ITEMS = [
  'CONSULTING',
  'DOSSIER',
  'PACKAGING',
  'QUALITY_ANALYSIS',
  'BARCODE',
  'TRACEABILITY_STAMP',
  'TRADEMARK',
  'MACHINERY',
] as const;
/** Where the money comes from. */
export const FUNDING_SOURCES = ['PROVINCE_BUDGET', 'DISTRICT_BUDGET', 'NATIONAL_TARGET_PROGRAMME', 'OTHER_LAWFUL'] as const;
export const REWARD_STATUSES = ['ELIGIBLE', 'PAID', 'STOPPED'] as const;

const MAX_VND = 1_000_000_000_000;

export class RewardAmountInput {
  @ApiProperty({ example: 3 }) @IsInt() @Min(3) @Max(5) stars: number;
  @ApiProperty({ example: 10_000_000, description: 'Whole đồng per certificate of this star level' })
  @IsInt()
  @Min(1)
  @Max(MAX_VND)
  amountVnd: number;
}

export class SupportItemInput {
  @ApiProperty({ enum: SUPPORT_ITEMS }) @IsIn(SUPPORT_ITEMS) item: (typeof SUPPORT_ITEMS)[number];
  @ApiProperty({ example: 20_000_000, description: 'The most paid for this item per application, whole đồng' })
  @IsInt()
  @Min(1)
  @Max(MAX_VND)
  maxAmountVnd: number;
}

export class CreateSupportPolicyCommand {
  @ApiProperty({ example: 'Thưởng sản phẩm OCOP đạt từ 3 sao trở lên' }) @IsString() @Length(3, 300) title: string;
  @ApiProperty({ example: 'Nghị quyết số 12/2021/NQ-HĐND ngày 20/7/2021 của HĐND tỉnh', description: 'The resolution it cites' })
  @IsString()
  @Length(3, 300)
  resolution: string;
  @ApiProperty({ example: '38', description: 'The province or district whose products it supports' })
  @Matches(/^\d{2,3}$/, { message: 'unitCode must be a province or district code' })
  unitCode: string;
  @ApiProperty({ enum: ['PROVINCE', 'DISTRICT'] }) @IsIn(['PROVINCE', 'DISTRICT']) level: 'PROVINCE' | 'DISTRICT';
  @ApiProperty({ enum: SUPPORT_POLICY_KINDS, description: 'REWARD: per certificate by star level; SUPPORT: per item applied for' })
  @IsIn(SUPPORT_POLICY_KINDS)
  kind: (typeof SUPPORT_POLICY_KINDS)[number];
  @ApiProperty({ enum: FUNDING_SOURCES }) @IsIn(FUNDING_SOURCES) fundingSource: (typeof FUNDING_SOURCES)[number];
  @ApiProperty({ example: '2024-01-01', description: 'Certificates issued (applications made) from this day' })
  @IsCalendarDate()
  validFrom: string;
  @ApiPropertyOptional({ example: '2025-12-31', description: 'Up to this day (absent: until replaced)' })
  @IsOptional()
  @IsCalendarDate()
  validTo?: string;
  @ApiPropertyOptional({ example: 50, description: 'SUPPORT: the producer’s own share of a cost, in percent (absent: 0)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  counterpartPercent?: number;
  @ApiPropertyOptional({ type: [RewardAmountInput], description: 'REWARD (required): the amount per star level' })
  @IsOptional()
  @NestedList(() => RewardAmountInput, 1, 3)
  rewards?: RewardAmountInput[];
  @ApiPropertyOptional({
    enum: COUNTING_RULES,
    description: 'REWARD (required): FIRST_CERTIFICATION rewards a product’s first certificate only',
  })
  @IsOptional()
  @IsIn(COUNTING_RULES)
  countingRule?: (typeof COUNTING_RULES)[number];
  @ApiPropertyOptional({ type: [SupportItemInput], description: 'SUPPORT (required): what it pays for and the most per item' })
  @IsOptional()
  @NestedList(() => SupportItemInput, 1, SUPPORT_ITEMS.length)
  items?: SupportItemInput[];
}

export class SupportPolicyIdQuery {
  @ApiProperty() @IsUUID() policyId: string;
}

export class ListSupportPoliciesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: SUPPORT_POLICY_KINDS })
  @IsOptional()
  @IsIn(SUPPORT_POLICY_KINDS)
  kind?: (typeof SUPPORT_POLICY_KINDS)[number];
}

export class SupportPolicyView {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty() resolution: string;
  @ApiProperty() unitCode: string;
  @ApiProperty() provinceCode: string;
  @ApiProperty({ enum: SUPPORT_POLICY_KINDS }) kind: string;
  @ApiProperty({ enum: FUNDING_SOURCES }) fundingSource: string;
  @ApiProperty() validFrom: string;
  @ApiPropertyOptional({ type: String, nullable: true }) validTo: string | null;
  @ApiProperty() counterpartPercent: number;
  @ApiProperty({ type: [RewardAmountInput] }) rewards: RewardAmountInput[];
  @ApiPropertyOptional({ enum: COUNTING_RULES, nullable: true }) countingRule: string | null;
  @ApiProperty({ type: [SupportItemInput] }) items: SupportItemInput[];
  @ApiProperty() createdAt: string;
}

export class ListRewardsQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() policyId?: string;
  @ApiPropertyOptional({ enum: REWARD_STATUSES }) @IsOptional() @IsIn(REWARD_STATUSES) status?: (typeof REWARD_STATUSES)[number];
}

export class RewardIdQuery {
  @ApiProperty() @IsUUID() rewardId: string;
}

export class PayBody {
  @ApiProperty({ example: 'Quyết định số 456/QĐ-UBND ngày 15/12/2024; ủy nhiệm chi số 0123', description: 'The payment document' })
  @IsString()
  @Length(2, 300)
  reference: string;
}
export class PayRewardCommand extends PayBody {
  @ApiProperty() @IsUUID() rewardId: string;
}

export class RewardView {
  @ApiProperty() id: string;
  @ApiProperty() policyId: string;
  @ApiProperty() certificateId: string;
  @ApiProperty() certificateNumber: string;
  @ApiProperty() producerId: string;
  @ApiProperty() productName: string;
  @ApiPropertyOptional({ type: String, nullable: true }) districtCode: string | null;
  @ApiProperty() stars: number;
  @ApiProperty() amountVnd: number;
  @ApiProperty({ enum: FUNDING_SOURCES }) fundingSource: string;
  @ApiProperty({ enum: REWARD_STATUSES }) status: string;
  @ApiProperty({ description: 'When the certificate made it due' }) eligibleAt: string;
  @ApiPropertyOptional({ type: String, nullable: true }) paidAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) paymentReference: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'STOPPED: the certificate was revoked before payment' })
  stoppedAt: string | null;
}

export const SUPPORT_APPLICATION_STATUSES = ['SUBMITTED', 'APPROVED', 'REJECTED', 'PAID'] as const;

export class ApplySupportCommand {
  @ApiProperty() @IsUUID() policyId: string;
  @ApiProperty({ enum: SUPPORT_ITEMS }) @IsIn(SUPPORT_ITEMS) item: (typeof SUPPORT_ITEMS)[number];
  @ApiProperty({ example: 40_000_000, description: 'What the item costs the producer, whole đồng' })
  @IsInt()
  @Min(1)
  @Max(MAX_VND)
  costVnd: number;
  @ApiProperty({ example: 'Thiết kế và in bao bì cho sản phẩm nem chua' }) @IsString() @Length(3, 2000) description: string;
}

export class SupportApplicationIdQuery {
  @ApiProperty() @IsUUID() applicationId: string;
}

export class DecideSupportBody {
  @ApiProperty({ description: 'Approve (the support computed from the policy) or reject' }) @IsBoolean() approve: boolean;
  @ApiPropertyOptional({ example: 'Hạng mục đã được hỗ trợ năm 2023' }) @IsOptional() @IsString() @Length(3, 2000) reason?: string;
}
export class DecideSupportCommand extends DecideSupportBody {
  @ApiProperty() @IsUUID() applicationId: string;
}

export class PaySupportCommand extends PayBody {
  @ApiProperty() @IsUUID() applicationId: string;
}

export class ListSupportApplicationsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: SUPPORT_APPLICATION_STATUSES })
  @IsOptional()
  @IsIn(SUPPORT_APPLICATION_STATUSES)
  status?: (typeof SUPPORT_APPLICATION_STATUSES)[number];
}

export class SupportApplicationView {
  @ApiProperty() id: string;
  @ApiProperty() policyId: string;
  @ApiProperty() producerId: string;
  @ApiProperty({ enum: SUPPORT_ITEMS }) item: string;
  @ApiProperty() costVnd: number;
  @ApiProperty() description: string;
  @ApiProperty({ description: 'The support the policy gives: the cost less the producer’s share, at most the item’s most' })
  supportVnd: number;
  @ApiProperty({ enum: FUNDING_SOURCES }) fundingSource: string;
  @ApiProperty({ enum: SUPPORT_APPLICATION_STATUSES }) status: string;
  @ApiPropertyOptional({ type: String, nullable: true }) reason: string | null;
  @ApiProperty() submittedAt: string;
  @ApiPropertyOptional({ type: String, nullable: true }) decidedAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) paidAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) paymentReference: string | null;
}

export class RecordSettlementCommand {
  @ApiProperty({ enum: FUNDING_SOURCES }) @IsIn(FUNDING_SOURCES) fundingSource: (typeof FUNDING_SOURCES)[number];
  @ApiProperty({ example: 2024 }) @IsInt() @Min(2018) @Max(2100) year: number;
  @ApiProperty({ example: 30_000_000 }) @IsInt() @Min(1) @Max(MAX_VND) amountVnd: number;
  @ApiProperty({ example: 'Quyết định phê duyệt quyết toán số 99/QĐ-STC' }) @IsString() @Length(2, 300) reference: string;
}

export class FundingQuery {
  @QueryInt(2018, 2100, { description: 'The budget year' }) year?: number;
}

export class FundingSourceView {
  @ApiProperty({ enum: FUNDING_SOURCES }) fundingSource: string;
  @ApiProperty({ description: 'Rewards made due in the year and not stopped' }) rewardsDueVnd: number;
  @ApiProperty() rewardsPaidVnd: number;
  @ApiProperty({ description: 'Support approved in the year' }) supportApprovedVnd: number;
  @ApiProperty() supportPaidVnd: number;
  @ApiProperty({ description: 'Disbursed: rewards and support paid in the year' }) disbursedVnd: number;
  @ApiProperty({ description: 'Settled (quyết toán) for the year' }) settledVnd: number;
}

export class FundingView {
  @ApiProperty() provinceCode: string;
  @ApiProperty() year: number;
  @ApiProperty({ type: [FundingSourceView] }) sources: FundingSourceView[];
}

export class SetBudgetNormsBody {
  @ApiProperty({ enum: FUNDING_SOURCES }) @IsIn(FUNDING_SOURCES) fundingSource: (typeof FUNDING_SOURCES)[number];
  @ApiProperty({ example: 50_000_000, description: 'Cost of one training class, whole đồng (the province’s norm)' })
  @IsInt()
  @Min(0)
  @Max(MAX_VND)
  classVnd: number;
  @ApiProperty({ example: 200_000_000, description: 'Cost of one trade-promotion event' }) @IsInt() @Min(0) @Max(MAX_VND) eventVnd: number;
  @ApiProperty({ example: 'Quyết định số 12/QĐ-UBND về định mức chi' }) @IsString() @Length(2, 300) reference: string;
}
export class SetBudgetNormsCommand extends SetBudgetNormsBody {
  @ApiProperty({ example: 2024 }) @IsInt() @Min(2018) @Max(2100) year: number;
}

export class BudgetLineView {
  @ApiProperty({ enum: ['REWARDS', 'CLASSES', 'EVENTS', 'SUPPORT'] }) kind: string;
  @ApiProperty({ example: 'Thưởng sản phẩm đạt 3 sao: 103 × 10.000.000 đồng' }) description: string;
  @ApiProperty() quantity: number;
  @ApiProperty() unitVnd: number;
  @ApiProperty() amountVnd: number;
  @ApiPropertyOptional({ enum: FUNDING_SOURCES, nullable: true }) fundingSource: string | null;
}

export class BudgetEstimateView {
  @ApiProperty() provinceCode: string;
  @ApiProperty() year: number;
  @ApiProperty({ type: [BudgetLineView] }) lines: BudgetLineView[];
  @ApiProperty() totalVnd: number;
}
