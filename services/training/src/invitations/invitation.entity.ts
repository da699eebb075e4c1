import { Column, Entity, ForeignKey, PrimaryColumn, Unique } from 'typeorm';
import { TrainingClass } from '../classes/training-class.entity';

/** A producer invited to a class by an event (a new 3★+ certificate): once per producer and cause. */
@Entity({ name: 'invitation' })
@Unique('invitation_cause_uq', ['producerId', 'causeKey'])
export class Invitation {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'producer_id', type: 'uuid' }) producerId: string;
  @ForeignKey(() => TrainingClass, { name: 'invitation_class_fk' })
  @Column({ name: 'class_id', type: 'uuid' })
  classId: string;
  @Column({ name: 'province_code', type: 'text' }) provinceCode: string;
  @Column('text') reason: string;
  @Column({ name: 'cause_key', type: 'text' }) causeKey: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
