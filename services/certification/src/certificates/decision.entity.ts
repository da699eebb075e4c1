import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';

/** An authority's decision: issuing the certificates of a council session, or revoking one (citing the original). */
@Entity({ name: 'decision' })
@Check('decision_kind_check', `kind IN ('ISSUE','REVOKE')`)
@Unique('decision_number_uq', ['authorityUnitCode', 'year', 'seq'])
@Index('decision_session_uq', ['sessionId', 'authorityUnitCode'], { unique: true, where: `kind = 'ISSUE'` })
export class Decision {
  @PrimaryColumn('uuid') id: string;
  @Column('text') kind: 'ISSUE' | 'REVOKE';
  @Column({ name: 'authority_unit_code', type: 'text' }) authorityUnitCode: string;
  @Column({ name: 'authority_tier', type: 'text' }) authorityTier: string;
  @Column({ name: 'province_code', type: 'text' }) provinceCode: string;
  @Column('int') year: number;
  @Column('int') seq: number;
  @Column('text') reference: string;
  @Column({ name: 'session_id', type: 'uuid', nullable: true }) sessionId: string | null;
  @Column({ name: 'cites_decision_id', type: 'uuid', nullable: true }) citesDecisionId: string | null;
  @ManyToOne(() => Decision, { nullable: true })
  @JoinColumn({ name: 'cites_decision_id', foreignKeyConstraintName: 'decision_cites_decision_id_fkey' })
  citesDecision?: Decision | null;
  @Column({ name: 'authority_vi', type: 'text' }) authorityVi: string;
  @Column({ name: 'issuer_vi', type: 'text' }) issuerVi: string;
  @Column({ name: 'place_vi', type: 'text' }) placeVi: string;
  @Column({ name: 'decided_at', type: 'timestamptz' }) decidedAt: Date;
  @Column({ name: 'decided_by', type: 'text' }) decidedBy: string;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
}
