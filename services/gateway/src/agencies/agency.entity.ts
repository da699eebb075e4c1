import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/** An outside agency whose own service plugs into the bus, and the public events it may hear. */
@Entity({ name: 'agency' })
export class Agency {
  @PrimaryColumn('text') code: string;
  @Column('text') name: string;
  @Column({ name: 'event_types', type: 'text', array: true }) eventTypes: string[];
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** A NATS credential issued to an agency's service (its JWT's user key; the seed is shown once and never stored). */
@Entity({ name: 'agency_credential' })
@Index('agency_credential_agency', ['agencyCode', 'issuedAt'])
export class AgencyCredential {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'agency_code', type: 'text' }) agencyCode: string;
  @ManyToOne(() => Agency, { nullable: false })
  @JoinColumn({ name: 'agency_code', foreignKeyConstraintName: 'agency_credential_agency_code_fkey' })
  agency?: Agency;
  @Column({ name: 'user_key', type: 'text', unique: true }) userKey: string;
  /** The grants written into the JWT when it was issued (a later change of the agency's grants needs a new credential). */
  @Column({ name: 'event_types', type: 'text', array: true }) eventTypes: string[];
  @Column({ name: 'issued_at', type: 'timestamptz' }) issuedAt: Date;
  @Column({ name: 'issued_by', type: 'uuid' }) issuedBy: string;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt: Date | null;
  @Column({ name: 'revoked_by', type: 'uuid', nullable: true }) revokedBy: string | null;
  /** The wall-clock second written into the account JWT's revocation list (the broker compares it with the JWT's issue time). */
  @Column({ name: 'revoked_epoch', type: 'bigint', nullable: true }) revokedEpoch: string | null;
}
