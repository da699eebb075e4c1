import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { IsCalendarDate, NestedList } from '../validation';
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
