import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A council member seated without having completed a council training class. */
@Entity({ name: 'council_warning' })
export class CouncilWarning {
  @PrimaryColumn({ name: 'council_id', type: 'uuid', primaryKeyConstraintName: 'council_warning_pk' }) councilId: string;
  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'council_warning_pk' }) userId: string;
  @Column({ name: 'province_code', type: 'text' }) provinceCode: string;
  @Column({ name: 'council_name', type: 'text' }) councilName: string;
  @Column({ name: 'full_name', type: 'text' }) fullName: string;
  @Column('text') role: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
