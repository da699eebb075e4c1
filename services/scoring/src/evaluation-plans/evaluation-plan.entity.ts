import { Column, Entity, ForeignKey, Index, PrimaryColumn, Unique } from 'typeorm';

/** A district's evaluation plan for a year: its council's sessions month by month, the dossiers and experts each needs. */
@Entity({ name: 'district_evaluation_plan' })
@Unique('district_evaluation_plan_uq', ['districtCode', 'year'])
@Index('district_evaluation_plan_province_idx', ['provinceCode', 'year'])
export class DistrictEvaluationPlan {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'province_code', type: 'text' }) provinceCode: string;
  @Column({ name: 'district_code', type: 'text' }) districtCode: string;
  @Column('int') year: number;
  @Column('jsonb') sessions: { month: number; expectedDossiers: number; experts: { agencyCode: string; experts: number }[] }[];
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ name: 'updated_by', type: 'uuid' }) updatedBy: string;
}

/** An expert a department assigns to a district's planned session. */
@Entity({ name: 'expert_assignment' })
@Unique('expert_assignment_uq', ['planId', 'month', 'agencyCode', 'fullName'])
export class ExpertAssignment {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'plan_id', type: 'uuid' })
  @ForeignKey(() => DistrictEvaluationPlan, { name: 'expert_assignment_plan_id_fkey' })
  planId: string;
  @Column('int') month: number;
  @Column({ name: 'agency_code', type: 'text' }) agencyCode: string;
  @Column({ name: 'full_name', type: 'text' }) fullName: string;
  @Column({ name: 'user_id', type: 'uuid', nullable: true }) userId: string | null;
  @Column({ name: 'assigned_at', type: 'timestamptz' }) assignedAt: Date;
  @Column({ name: 'assigned_by', type: 'uuid' }) assignedBy: string;
}
