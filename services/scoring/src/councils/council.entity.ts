import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Hội đồng đánh giá, phân hạng: the scoring body of one tier and administrative unit. */
@Entity({ name: 'council' })
export class Council {
  @PrimaryColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('text') tier: string;
  @Column({ name: 'unit_code', type: 'text' }) unitCode: string;
  @Column({ name: 'province_code', type: 'text' }) provinceCode: string;
  /** The authority the council advises, as printed on its minutes: "UBND tỉnh Thanh Hóa". */
  @Column({ name: 'authority_name', type: 'text' }) authorityName: string;
  /** Place name for the date line of its documents: "Thanh Hóa". */
  @Column({ name: 'place_name', type: 'text' }) placeName: string;
  @Column('int') quorum: number;
  @Column({ name: 'chair_required', type: 'boolean' }) chairRequired: boolean;
  /** Hundredths. */
  @Column({ name: 'spread_limit', type: 'int' }) spreadLimit: number;
  @Column({ name: 'created_by', type: 'text' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** Chair, vice-chairs and members score; the secretary and the advisory team do not. */
export const VOTING_ROLES = new Set(['CHAIR', 'VICE_CHAIR', 'MEMBER']);

@Entity({ name: 'council_member' })
export class CouncilMember {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'council_id', type: 'uuid' }) councilId: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ name: 'full_name', type: 'text' }) fullName: string;
  @Column('text') agency: string;
  @Column('text') role: string;
  @Column('int') position: number;
}

/** A member linked to a producer may not score its products. */
@Entity({ name: 'member_conflict' })
export class MemberConflict {
  @PrimaryColumn({ name: 'member_id', type: 'uuid' }) memberId: string;
  @PrimaryColumn({ name: 'producer_id', type: 'uuid' }) producerId: string;
  @Column('text') reason: string;
  @Column({ name: 'declared_by', type: 'text' }) declaredBy: string;
  @CreateDateColumn({ name: 'declared_at', type: 'timestamptz' }) declaredAt: Date;
}
