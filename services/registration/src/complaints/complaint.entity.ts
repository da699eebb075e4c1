import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { Dossier } from '../dossiers/dossier.entity';

/**
 * A certificate as registration knows it from certification's `certificate-issued`: what a public complaint names by
 * its verification code. Kept whatever happens to the certificate later (a complaint about a revoked certificate
 * still on a package is the kind of thing the public should report).
 */
@Entity({ name: 'issued_certificate' })
export class IssuedCertificate {
  @PrimaryColumn('text') code: string;
  @Column({ name: 'certificate_id', type: 'uuid', unique: true }) certificateId: string;
  @Column('text') number: string;
  @Column({ name: 'dossier_id', type: 'uuid' })
  @ForeignKey(() => Dossier, { name: 'issued_certificate_dossier_id_fkey' })
  dossierId: string;
  @Column({ name: 'product_name', type: 'text' }) productName: string;
  @Column({ name: 'producer_name', type: 'text' }) producerName: string;
  @Column({ name: 'issued_at', type: 'timestamptz' }) issuedAt: Date;
}

export type ComplaintStatus = 'RECEIVED' | 'CONFIRMED' | 'DISMISSED' | 'DUPLICATE' | 'INSPECTING' | 'RESOLVED';

/** A public complaint about a certified product, from its receipt to the inspection's outcome. */
@Entity({ name: 'complaint' })
@Check('complaint_status_check', `status IN ('RECEIVED','CONFIRMED','DISMISSED','DUPLICATE','INSPECTING','RESOLVED')`)
@Index('complaint_province_idx', ['provinceCode', 'status', 'submittedAt'])
@Index('complaint_certificate_idx', ['certificateCode', 'submittedAt'])
@Index('complaint_fingerprint_idx', ['fingerprint', 'submittedAt'])
export class Complaint {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'receipt_code', type: 'text', unique: true }) receiptCode: string;
  @Column({ name: 'certificate_code', type: 'text' }) certificateCode: string;
  @Column({ name: 'certificate_id', type: 'uuid' }) certificateId: string;
  @Column({ name: 'certificate_number', type: 'text' }) certificateNumber: string;
  @Column({ name: 'dossier_id', type: 'uuid' })
  @ForeignKey(() => Dossier, { name: 'complaint_dossier_id_fkey' })
  dossierId: string;
  @Column({ name: 'product_name', type: 'text' }) productName: string;
  @Column({ name: 'producer_name', type: 'text' }) producerName: string;
  @Column({ name: 'province_code', type: 'text' }) provinceCode: string;
  @Column({ name: 'district_code', type: 'text', nullable: true }) districtCode: string | null;
  @Column({ name: 'commune_code', type: 'text' }) communeCode: string;
  @Column('text') description: string;
  @Column({ type: 'text', nullable: true }) place: string | null;
  @Column({ name: 'seen_on', type: 'date', nullable: true }) seenOn: string | null;
  @Column({ type: 'text', nullable: true }) contact: string | null;
  /** The certificate and the description, normalised and hashed: the same complaint sent again finds its receipt. */
  @Column('text') fingerprint: string;
  @Column({ type: 'jsonb', nullable: true })
  photo: { fileName: string; contentType: string; size: number; sha256: string; storageKey: string } | null;
  @Column('text') status: ComplaintStatus;
  @Column({ name: 'submitted_at', type: 'timestamptz' }) submittedAt: Date;
  @Column({ name: 'triaged_at', type: 'timestamptz', nullable: true }) triagedAt: Date | null;
  @Column({ name: 'triaged_by', type: 'text', nullable: true }) triagedBy: string | null;
  @Column({ name: 'note_vi', type: 'text', nullable: true }) noteVi: string | null;
  @Column({ name: 'duplicate_of', type: 'uuid', nullable: true })
  @ForeignKey(() => Complaint, { name: 'complaint_duplicate_of_fkey' })
  duplicateOf: string | null;
  @Column({ name: 'campaign_id', type: 'uuid', nullable: true }) campaignId: string | null;
  @Column({ type: 'int', nullable: true }) violations: number | null;
  @Column({ name: 'outcome_vi', type: 'text', nullable: true }) outcomeVi: string | null;
  /** Each status reached, with its instant. */
  @Column({ type: 'jsonb' }) history: { status: ComplaintStatus; at: string }[];
}
