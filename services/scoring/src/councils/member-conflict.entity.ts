import { Column, CreateDateColumn, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { CouncilMember } from './council-member.entity';

/** A member linked to a producer may not score its products. */
@Entity({ name: 'member_conflict' })
export class MemberConflict {
  @ForeignKey(() => CouncilMember, { name: 'member_conflict_member_id_fkey' })
  @PrimaryColumn({ name: 'member_id', type: 'uuid' })
  memberId: string;
  @PrimaryColumn({ name: 'producer_id', type: 'uuid' }) producerId: string;
  @Column('text') reason: string;
  @Column({ name: 'declared_by', type: 'text' }) declaredBy: string;
  @CreateDateColumn({ name: 'declared_at', type: 'timestamptz' }) declaredAt: Date;
}
