import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A producer as registration's event describes it: where it is (its products count there). */
@Entity({ name: 'producer_copy' })
export class ProducerCopy {
  @PrimaryColumn({ name: 'producer_id', type: 'uuid' }) producerId: string;
  @Column('text') name: string;
  @Column({ name: 'commune_code', type: 'text' }) communeCode: string;
  @Column({ name: 'province_code', type: 'text' }) provinceCode: string;
  @Column({ name: 'registered_at', type: 'timestamptz' }) registeredAt: Date;
}

/** A product as registration's event describes it. */
@Entity({ name: 'product_copy' })
@Index('product_copy_producer_idx', ['producerId'])
export class ProductCopy {
  @PrimaryColumn({ name: 'product_id', type: 'uuid' }) productId: string;
  @Column({ name: 'producer_id', type: 'uuid' }) producerId: string;
  @Column('text') name: string;
  @Column({ name: 'product_set_code', type: 'text' }) productSetCode: string;
  @Column({ name: 'registered_at', type: 'timestamptz' }) registeredAt: Date;
  /** Its priority categories, as last set (attributes_at: the instant they were). */
  @Column({ name: 'processing_level', type: 'text', nullable: true }) processingLevel: string | null;
  @Column({ type: 'boolean', default: false }) gift: boolean;
  @Column({ type: 'boolean', default: false }) export: boolean;
  @Column({ name: 'community_tourism', type: 'boolean', default: false }) communityTourism: boolean;
  @Column({ name: 'green_value_chain', type: 'boolean', default: false }) greenValueChain: boolean;
  @Column({ name: 'attributes_at', type: 'timestamptz', nullable: true }) attributesAt: Date | null;
}

/** A training class's unit, from its scheduling (its completion and its people count there). */
@Entity({ name: 'class_copy' })
export class ClassCopy {
  @PrimaryColumn({ name: 'class_id', type: 'uuid' }) classId: string;
  @Column({ name: 'province_code', type: 'text' }) provinceCode: string;
  @Column({ name: 'district_code', type: 'text', nullable: true }) districtCode: string | null;
}

/** A producer's sales channel as trade promotion last announced it (the modern-retail share counts checked ones). */
@Entity({ name: 'channel_copy' })
@Index('channel_copy_producer_idx', ['producerId'])
export class ChannelCopy {
  @PrimaryColumn({ name: 'channel_id', type: 'uuid' }) channelId: string;
  @Column({ name: 'producer_id', type: 'uuid' }) producerId: string;
  @Column({ name: 'province_code', type: 'text' }) provinceCode: string;
  @Column({ name: 'district_code', type: 'text', nullable: true }) districtCode: string | null;
  @Column('text') kind: string;
  @Column('text') status: string;
  @Column({ type: 'date' }) since: string;
  @Column({ name: 'ended_on', type: 'date', nullable: true }) endedOn: string | null;
  @Column({ name: 'changed_at', type: 'timestamptz' }) changedAt: Date;
}

/**
 * One counted thing a target of another kind than certificates counts, from the event that made it so: a dossier
 * forwarded to the central council, a sales point opened, a class completed, a person who completed a class; and the
 * classes and trade-promotion events planned (a budget estimate prices them), at their start. Keyed by
 * what it is, so a redelivered event counts once.
 */
@Entity({ name: 'fact' })
@Check(
  'fact_kind_check',
  `kind IN ('FORWARDED_TO_MINISTRY','SALES_POINTS','CLASSES_HELD','PEOPLE_TRAINED','CLASSES_PLANNED','EVENTS_PLANNED','EVALUATIONS_COMPLETED','EVALUATIONS_NOT_CERTIFIED')`,
)
@Index('fact_count_idx', ['provinceCode', 'kind', 'at'])
export class Fact {
  @PrimaryColumn('text') key: string;
  @Column('text') kind: string;
  @Column({ name: 'province_code', type: 'text' }) provinceCode: string;
  @Column({ name: 'district_code', type: 'text', nullable: true }) districtCode: string | null;
  @Column('timestamptz') at: Date;
}

/**
 * An inspection's fact, by the certificate it was about (its unit is the certificate's, read when counted, so the
 * order in which the certificates' and the facts' consumers replay does not matter): a task completed, a violation.
 */
@Entity({ name: 'inspection_fact' })
@Check('inspection_fact_kind_check', `kind IN ('INSPECTION_COMPLETED','VIOLATION_RECORDED')`)
@Index('inspection_fact_certificate_idx', ['certificateId'])
export class InspectionFact {
  @PrimaryColumn('text') key: string;
  @Column('text') kind: string;
  @Column({ name: 'certificate_id', type: 'uuid' }) certificateId: string;
  @Column({ type: 'text', nullable: true }) severity: string | null;
  @Column('timestamptz') at: Date;
}
