import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';

/** A unit's plan for a target group and year (province or district). */
@Entity({ name: 'training_plan' })
@Unique('training_plan_unit_year_group_uq', ['unitCode', 'year', 'targetGroup'])
export class TrainingPlan {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'province_code', type: 'text' }) provinceCode: string;
  /** The province's code, or one of its districts'. */
  @Column({ name: 'unit_code', type: 'text' }) unitCode: string;
  @Column('int') year: number;
  @Column({ name: 'target_group', type: 'text' }) targetGroup: string;
  @Column({ name: 'classes_planned', type: 'int' }) classesPlanned: number;
  @Column({ name: 'places_planned', type: 'int', nullable: true }) placesPlanned: number | null;
  @Column({ name: 'coverage_target_percent', type: 'int', nullable: true }) coverageTargetPercent: number | null;
  @Column({ type: 'text', nullable: true }) reference: string | null;
  @Column({ name: 'created_by', type: 'text' }) createdBy: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
