import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn, Unique } from 'typeorm';
import type { CommuneAssessmentEntry } from '@ocop/domain';

export interface StoredResult {
  sessionId: string;
  sheetCount: number;
  sumHundredths: number;
  mean: string;
  band: number;
  cap: number;
  rank: number;
  capReasons: { stars: number; criterionCode: string; labelVi: string; required: string; mean: string }[];
  outcome: 'CERTIFY' | 'FORWARD' | 'NO_CERTIFICATE';
  stars: number;
  certifyingTier: string | null;
  authorityUnitCode: string | null;
  nextTier: string | null;
  catalogueCode: string;
  catalogueRevision: number;
  completedAt: string;
  /** Scored against a PROVISIONAL catalogue revision; withheldReason PROVISIONAL_CRITERIA when that kept it from a certificate. */
  provisionalCriteria?: boolean;
  withheldReason?: 'PROVISIONAL_CRITERIA' | null;
}

/** One dossier's evaluation at one tier: waits for a session, is scheduled on one, and is completed there (or deferred back). */
@Entity({ name: 'evaluation' })
@Unique('evaluation_dossier_tier_uq', ['dossierId', 'tier'])
@Index('evaluation_queue_idx', ['tier', 'unitCode', 'status'])
@Check('evaluation_lab_state_check', `lab_state IN ('NOT_REQUIRED','PENDING','PASSED','FAILED')`)
@Check('evaluation_status_check', `status IN ('AWAITING_SESSION','SCHEDULED','COMPLETED')`)
export class Evaluation {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'dossier_id', type: 'uuid' }) dossierId: string;
  @Column({ name: 'dossier_code', type: 'text' }) dossierCode: string;
  @Column({ name: 'dossier_kind', type: 'text' }) dossierKind: string;
  @Column({ name: 'product_id', type: 'uuid' }) productId: string;
  @Column({ name: 'product_name', type: 'text' }) productName: string;
  @Column({ name: 'product_set_code', type: 'text' }) productSetCode: string;
  @Column({ name: 'producer_id', type: 'uuid' }) producerId: string;
  @Column({ name: 'producer_name', type: 'text' }) producerName: string;
  @Column('text') tier: string;
  @Column({ name: 'unit_code', type: 'text' }) unitCode: string;
  @Column({ name: 'province_code', type: 'text' }) provinceCode: string;
  @Column({ name: 'district_code', type: 'text', nullable: true }) districtCode: string | null;
  @Column({ name: 'commune_code', type: 'text' }) communeCode: string;
  @Column({ name: 'legal_version', type: 'text' }) legalVersion: string;
  @Column({ name: 'filed_at', type: 'timestamptz' }) filedAt: Date;
  @Column({ name: 'commune_assessment', type: 'jsonb', nullable: true }) communeAssessment: CommuneAssessmentEntry[] | null;
  @Column({ name: 'lab_state', type: 'text' }) labState: string;
  @Column({ name: 'lab_reference', type: 'text', nullable: true }) labReference: string | null;
  @Column('text') status: string;
  @Column({ name: 'session_id', type: 'uuid', nullable: true }) sessionId: string | null;
  @ForeignKey(() => Evaluation, { name: 'evaluation_forwarded_from_fkey' })
  @Column({ name: 'forwarded_from', type: 'uuid', nullable: true })
  forwardedFrom: string | null;
  @Column({ name: 'last_deferral', type: 'jsonb', nullable: true }) lastDeferral: {
    sessionId: string;
    reasons: string[];
    at: string;
  } | null;
  @Column({ type: 'jsonb', nullable: true }) result: StoredResult | null;
  /** The agencies whose written opinion the province's rule requires before the dossier is scored (registration's proposal). */
  @Column({ name: 'required_opinions', type: 'text', array: true, default: () => "'{}'" }) requiredOpinions: string[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
