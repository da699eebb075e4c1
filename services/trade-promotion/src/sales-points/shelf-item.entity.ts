import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { ShownProductColumns } from '../products/shown-product.columns';
import { SalesPoint } from './sales-point.entity';

/** A product on a sales point's shelf, with the certificate that makes it OCOP (null for another category). */
@Entity({ name: 'shelf_item' })
@Check('shelf_item_category_check', `category IN ('OCOP','KEY_PRODUCT','TYPICAL_RURAL','SPECIALTY','CRAFT_VILLAGE','POTENTIAL')`)
@Check('shelf_item_status_check', `status IN ('ACTIVE','WITHDRAWN')`)
@Index('shelf_item_certificate_idx', ['certificateId'], { where: `status = 'ACTIVE'` })
export class ShelfItem extends ShownProductColumns {
  @ForeignKey(() => SalesPoint, { name: 'shelf_item_sales_point_fk' })
  @PrimaryColumn({ name: 'sales_point_id', type: 'uuid', primaryKeyConstraintName: 'shelf_item_pk' })
  salesPointId: string;
  @PrimaryColumn({ name: 'product_id', type: 'uuid', primaryKeyConstraintName: 'shelf_item_pk' }) productId: string;
  @Column({ name: 'producer_id', type: 'uuid' }) producerId: string;
  @Column({ name: 'producer_name', type: 'text' }) producerName: string;
  @Column({ name: 'shelved_by', type: 'text' }) shelvedBy: string;
  @Column({ name: 'shelved_at', type: 'timestamptz' }) shelvedAt: Date;
}
