import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { Producer } from '../producers/producer.entity';

/** A consulting firm or an individual consultant the standing office registered (đội ngũ tư vấn). */
@Entity({ name: 'consultant' })
@Check('consultant_kind_check', `kind IN ('FIRM','INDIVIDUAL')`)
@Index('consultant_province_idx', ['provinceCode', 'name'])
export class Consultant {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'province_code', type: 'text' }) provinceCode: string;
  @Column('text') kind: 'FIRM' | 'INDIVIDUAL';
  @Column('text') name: string;
  @Column({ name: 'registration_number', type: 'text', nullable: true }) registrationNumber: string | null;
  @Column('text') phone: string;
  @Column({ type: 'text', array: true }) services: string[];
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'created_by', type: 'text' }) createdBy: string;
}

/** A producer's grant of access to its dossiers to a consultant, until revoked; at most one in force per pair. */
@Entity({ name: 'consultant_grant' })
@Index('consultant_grant_active_uq', ['consultantId', 'producerId'], { unique: true, where: 'revoked_at IS NULL' })
@Index('consultant_grant_producer_idx', ['producerId', 'grantedAt'])
export class ConsultantGrant {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'consultant_id', type: 'uuid' })
  @ForeignKey(() => Consultant, { name: 'consultant_grant_consultant_id_fkey' })
  consultantId: string;
  @Column({ name: 'producer_id', type: 'uuid' })
  @ForeignKey(() => Producer, { name: 'consultant_grant_producer_id_fkey' })
  producerId: string;
  @Column({ name: 'granted_at', type: 'timestamptz' }) grantedAt: Date;
  @Column({ name: 'granted_by', type: 'text' }) grantedBy: string;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt: Date | null;
  @Column({ name: 'revoked_by', type: 'text', nullable: true }) revokedBy: string | null;
}
