import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An agency's nominee for a seat on a unit's council: PENDING until the unit's office accepts or rejects it, SEATED when
 * the office sets up a council of that unit with the nominee. One live nomination (pending or accepted) per unit and user.
 */
@Entity({ name: 'council_nomination' })
@Check('council_nomination_status_check', `status IN ('PENDING','ACCEPTED','REJECTED','SEATED')`)
@Check('council_nomination_role_check', `role IN ('VICE_CHAIR','MEMBER','ADVISOR')`)
@Index('council_nomination_live_uq', ['tier', 'unitCode', 'userId'], { unique: true, where: `status IN ('PENDING','ACCEPTED')` })
@Index('council_nomination_unit_idx', ['tier', 'unitCode', 'status'])
@Index('council_nomination_agency_idx', ['agencyCode', 'nominatedAt'])
export class CouncilNomination {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'agency_code', type: 'text' }) agencyCode: string;
  @Column('text') tier: string;
  @Column({ name: 'unit_code', type: 'text' }) unitCode: string;
  @Column({ name: 'province_code', type: 'text' }) provinceCode: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ name: 'full_name', type: 'text' }) fullName: string;
  @Column('text') agency: string;
  @Column('text') role: string;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column('text') status: 'PENDING' | 'ACCEPTED' | 'REJECTED' | 'SEATED';
  @Column({ name: 'nominated_by', type: 'uuid' }) nominatedBy: string;
  @Column({ name: 'nominated_at', type: 'timestamptz' }) nominatedAt: Date;
  @Column({ name: 'decided_by', type: 'uuid', nullable: true }) decidedBy: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ name: 'council_id', type: 'uuid', nullable: true }) councilId: string | null;
}
