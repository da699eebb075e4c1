import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A person who logs in: a role and an administrative scope. */
@Entity({ name: 'app_user' })
export class User {
  @PrimaryColumn('uuid') id: string;
  @Column({ type: 'text', unique: true }) username: string;
  @Column({ name: 'password_hash', type: 'text' }) passwordHash: string;
  @Column({ name: 'full_name', type: 'text' }) fullName: string;
  @Column('text') role: string;
  @Column({ name: 'province_code', type: 'text' }) provinceCode: string;
  @Column({ name: 'district_code', type: 'text', nullable: true }) districtCode: string | null;
  @Column({ name: 'commune_code', type: 'text', nullable: true }) communeCode: string | null;
  @Column({ name: 'agency_code', type: 'text', nullable: true }) agencyCode: string | null;
  @Column({ name: 'producer_id', type: 'uuid', nullable: true }) producerId: string | null;
  @Column({ name: 'consultant_id', type: 'uuid', nullable: true }) consultantId: string | null;
  @Column('boolean', { default: true }) active: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
