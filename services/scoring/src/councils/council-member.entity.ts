import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, Unique } from 'typeorm';
import { Council } from './council.entity';

/** Chair, vice-chairs and members score; the secretary and the advisory team do not. */
export const VOTING_ROLES = new Set(['CHAIR', 'VICE_CHAIR', 'MEMBER']);

@Entity({ name: 'council_member' })
@Unique('council_member_uq', ['councilId', 'userId'])
@Index('council_member_user_idx', ['userId'])
@Check('council_member_role_check', `role IN ('CHAIR','VICE_CHAIR','MEMBER','SECRETARY','ADVISOR')`)
export class CouncilMember {
  @PrimaryColumn('uuid') id: string;
  @ForeignKey(() => Council, { name: 'council_member_council_id_fkey' })
  @Column({ name: 'council_id', type: 'uuid' })
  councilId: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ name: 'full_name', type: 'text' }) fullName: string;
  @Column('text') agency: string;
  @Column('text') role: string;
  @Column('int') position: number;
}
