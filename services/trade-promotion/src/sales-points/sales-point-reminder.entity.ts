import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { SalesPoint } from './sales-point.entity';

/** A milestone of a point's obligation reached: reminded (`sent`), or passed over for a nearer one. Once each. */
@Entity({ name: 'sales_point_reminder' })
export class SalesPointReminder {
  @ForeignKey(() => SalesPoint, { name: 'sales_point_reminder_sales_point_fk' })
  @PrimaryColumn({ name: 'sales_point_id', type: 'uuid', primaryKeyConstraintName: 'sales_point_reminder_pk' })
  salesPointId: string;
  @PrimaryColumn({ name: 'days_before', type: 'int', primaryKeyConstraintName: 'sales_point_reminder_pk' }) daysBefore: number;
  @Column('boolean') sent: boolean;
  @Column({ type: 'timestamptz' }) at: Date;
}
