import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Lab } from './lab.entity';

/** A lab's service authenticates its NATS messages with a credential; revoking one cuts it off. */
@Entity({ name: 'lab_credential' })
export class LabCredential {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'lab_id', type: 'uuid' }) labId: string;
  @ManyToOne(() => Lab, { nullable: false })
  @JoinColumn({ name: 'lab_id', foreignKeyConstraintName: 'lab_credential_lab_id_fkey' })
  lab?: Lab;
  @Column({ name: 'issued_by', type: 'text' }) issuedBy: string;
  @Column({ name: 'issued_at', type: 'timestamptz' }) issuedAt: Date;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt: Date | null;
}
