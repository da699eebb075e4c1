import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/** A plan of the programme: a province's or a district's, with its legal reference, its period and its counting rule. */
@Entity({ name: 'plan' })
@Check('plan_level_check', `level IN ('PROVINCE','DISTRICT')`)
@Check('plan_counting_rule_check', `counting_rule IN ('FIRST_CERTIFICATION','ALL')`)
@Index('plan_province_idx', ['provinceCode', 'fromYear'])
export class Plan {
  @PrimaryColumn('uuid') id: string;
  @Column('text') title: string;
  @Column('text') reference: string;
  @Column('text') level: string;
  @Column({ name: 'unit_code', type: 'text' }) unitCode: string;
  @Column({ name: 'province_code', type: 'text' }) provinceCode: string;
  @Column({ name: 'from_year', type: 'int' }) fromYear: number;
  @Column({ name: 'to_year', type: 'int' }) toYear: number;
  @Column({ name: 'counting_rule', type: 'text' }) countingRule: string;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** One target of a plan: so much of a kind (TARGET_KINDS) in a unit, of a star level (certificates), in a year. */
@Entity({ name: 'plan_target' })
@Check(
  'plan_target_kind_check',
  `kind IN ('CERTIFIED_PRODUCTS','CERTIFIED_PRODUCTS_CUMULATIVE','CERTIFIED_PRODUCTS_TOTAL','CRAFT_VILLAGE_SHARE','FORWARDED_TO_MINISTRY','SALES_POINTS','CLASSES_HELD','PEOPLE_TRAINED','GREEN_VALUE_CHAIN_SHARE','RETAINED_SHARE','MODERN_RETAIL_SHARE','OFFICIALS_TRAINED_SHARE')`,
)
@Index('plan_target_uq', ['planId', 'kind', 'unitCode', 'year', 'stars'], { unique: true, where: 'stars IS NOT NULL' })
@Index('plan_target_any_stars_uq', ['planId', 'kind', 'unitCode', 'year'], { unique: true, where: 'stars IS NULL' })
export class PlanTarget {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'plan_id', type: 'uuid' })
  @ForeignKey(() => Plan, { name: 'plan_target_plan_id_fkey' })
  planId: string;
  @Column('text') kind: string;
  @Column({ name: 'unit_code', type: 'text' }) unitCode: string;
  @Column({ type: 'int', nullable: true }) stars: number | null;
  @Column('int') year: number;
  @Column('int') value: number;
  /** A range's most ("40–50"); null for a minimum. */
  @Column({ name: 'value_max', type: 'int', nullable: true }) valueMax: number | null;
  /** CRAFT_VILLAGE_SHARE: only traditional craft villages. */
  @Column({ name: 'traditional_only', type: 'boolean', default: false }) traditionalOnly: boolean;
  /** RETAINED_SHARE: the base years whose products are to keep a valid certificate. */
  @Column({ name: 'base_from_year', type: 'int', nullable: true }) baseFromYear: number | null;
  @Column({ name: 'base_to_year', type: 'int', nullable: true }) baseToYear: number | null;
}
