import type { SupportItemInput } from '@ocop/contracts';
import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/** bigint amounts: pg returns them as text; they fit in 2^53 (at most 10^12 đồng). */
const vnd = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/** A support policy as its resolution states it: a reward per certificate by star level, or support per item applied for. */
@Entity({ name: 'support_policy' })
@Check('support_policy_kind_check', `kind IN ('REWARD','SUPPORT')`)
@Check('support_policy_level_check', `level IN ('PROVINCE','DISTRICT')`)
@Check(
  'support_policy_funding_source_check',
  `funding_source IN ('PROVINCE_BUDGET','DISTRICT_BUDGET','NATIONAL_TARGET_PROGRAMME','OTHER_LAWFUL')`,
)
@Index('support_policy_province_idx', ['provinceCode', 'kind'])
export class SupportPolicy {
  @PrimaryColumn('uuid') id: string;
  @Column('text') title: string;
  @Column('text') resolution: string;
  @Column('text') level: string;
  @Column({ name: 'unit_code', type: 'text' }) unitCode: string;
  @Column({ name: 'province_code', type: 'text' }) provinceCode: string;
  @Column('text') kind: string;
  @Column({ name: 'funding_source', type: 'text' }) fundingSource: string;
  @Column({ name: 'valid_from', type: 'date' }) validFrom: string;
  @Column({ name: 'valid_to', type: 'date', nullable: true }) validTo: string | null;
  @Column({ name: 'counterpart_percent', type: 'int' }) counterpartPercent: number;
  /** REWARD: [{ stars, amountVnd }]. */
  @Column('jsonb') rewards: { stars: number; amountVnd: number }[];
  @Column({ name: 'counting_rule', type: 'text', nullable: true }) countingRule: string | null;
  /** SUPPORT: [{ item, maxAmountVnd }]. */
  @Column('jsonb') items: Pick<SupportItemInput, 'item' | 'maxAmountVnd'>[];
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** A certificate's reward under a policy: due once, paid once, stopped if the certificate is revoked first. */
@Entity({ name: 'reward' })
@Check('reward_status_check', `status IN ('ELIGIBLE','PAID','STOPPED')`)
@Index('reward_policy_certificate_uq', ['policyId', 'certificateId'], { unique: true })
@Index('reward_certificate_idx', ['certificateId'])
@Index('reward_province_idx', ['provinceCode', 'status'])
export class Reward {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'policy_id', type: 'uuid' })
  @ForeignKey(() => SupportPolicy, { name: 'reward_policy_id_fkey' })
  policyId: string;
  @Column({ name: 'certificate_id', type: 'uuid' }) certificateId: string;
  @Column({ name: 'certificate_number', type: 'text' }) certificateNumber: string;
  @Column({ name: 'producer_id', type: 'uuid' }) producerId: string;
  @Column({ name: 'product_name', type: 'text' }) productName: string;
  @Column({ name: 'province_code', type: 'text' }) provinceCode: string;
  @Column({ name: 'district_code', type: 'text', nullable: true }) districtCode: string | null;
  @Column('int') stars: number;
  @Column({ name: 'amount_vnd', type: 'bigint', transformer: vnd }) amountVnd: number;
  @Column({ name: 'funding_source', type: 'text' }) fundingSource: string;
  @Column('text') status: string;
  @Column({ name: 'eligible_at', type: 'timestamptz' }) eligibleAt: Date;
  @Column({ name: 'paid_at', type: 'timestamptz', nullable: true }) paidAt: Date | null;
  @Column({ name: 'payment_reference', type: 'text', nullable: true }) paymentReference: string | null;
  @Column({ name: 'paid_by', type: 'uuid', nullable: true }) paidBy: string | null;
  @Column({ name: 'stopped_at', type: 'timestamptz', nullable: true }) stoppedAt: Date | null;
}

/** A producer's application for support under a SUPPORT policy: one item, its cost, the support computed from the policy. */
@Entity({ name: 'support_application' })
@Check('support_application_status_check', `status IN ('SUBMITTED','APPROVED','REJECTED','PAID')`)
@Index('support_application_province_idx', ['provinceCode', 'status'])
@Index('support_application_producer_idx', ['producerId'])
export class SupportApplication {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'policy_id', type: 'uuid' })
  @ForeignKey(() => SupportPolicy, { name: 'support_application_policy_id_fkey' })
  policyId: string;
  @Column({ name: 'producer_id', type: 'uuid' }) producerId: string;
  @Column({ name: 'province_code', type: 'text' }) provinceCode: string;
  @Column({ name: 'commune_code', type: 'text' }) communeCode: string;
  @Column({ name: 'district_code', type: 'text', nullable: true }) districtCode: string | null;
  @Column('text') item: string;
  @Column({ name: 'cost_vnd', type: 'bigint', transformer: vnd }) costVnd: number;
  @Column('text') description: string;
  @Column({ name: 'support_vnd', type: 'bigint', transformer: vnd }) supportVnd: number;
  @Column({ name: 'funding_source', type: 'text' }) fundingSource: string;
  @Column('text') status: string;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ name: 'submitted_at', type: 'timestamptz' }) submittedAt: Date;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @Column({ name: 'decided_by', type: 'uuid', nullable: true }) decidedBy: string | null;
  @Column({ name: 'paid_at', type: 'timestamptz', nullable: true }) paidAt: Date | null;
  @Column({ name: 'payment_reference', type: 'text', nullable: true }) paymentReference: string | null;
}

/** A settlement (quyết toán) of a funding source's spending in a year. */
@Entity({ name: 'settlement' })
@Index('settlement_province_idx', ['provinceCode', 'year'])
export class Settlement {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'province_code', type: 'text' }) provinceCode: string;
  @Column({ name: 'funding_source', type: 'text' }) fundingSource: string;
  @Column('int') year: number;
  @Column({ name: 'amount_vnd', type: 'bigint', transformer: vnd }) amountVnd: number;
  @Column('text') reference: string;
  @Column({ name: 'recorded_at', type: 'timestamptz' }) recordedAt: Date;
  @Column({ name: 'recorded_by', type: 'uuid' }) recordedBy: string;
}

/** The province's cost norms (định mức) of a year that a budget estimate prices planned classes and events with. */
@Entity({ name: 'budget_norm' })
export class BudgetNorm {
  @PrimaryColumn({ name: 'province_code', type: 'text' }) provinceCode: string;
  @PrimaryColumn('int') year: number;
  @Column({ name: 'funding_source', type: 'text' }) fundingSource: string;
  @Column({ name: 'class_vnd', type: 'bigint', transformer: vnd }) classVnd: number;
  @Column({ name: 'event_vnd', type: 'bigint', transformer: vnd }) eventVnd: number;
  @Column('text') reference: string;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
