import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Certificate } from '../certificates/certificate.entity';

/** One row per (certificate, milestone): the uniqueness that makes each notice happen once, whatever the sweeps. */
@Entity({ name: 'certificate_notice' })
export class CertificateNotice {
  @PrimaryColumn({ name: 'certificate_id', type: 'uuid' }) certificateId: string;
  @ManyToOne(() => Certificate, { nullable: false })
  @JoinColumn({ name: 'certificate_id', foreignKeyConstraintName: 'certificate_notice_certificate_id_fkey' })
  certificate?: Certificate;
  @PrimaryColumn({ name: 'milestone_days', type: 'int' }) milestoneDays: number;
  @Column({ name: 'recorded_at', type: 'timestamptz' }) recordedAt: Date;
  @Column('boolean') notified: boolean;
}
