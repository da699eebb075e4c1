import { Check, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { ShownProductColumns } from '../products/shown-product.columns';
import { Application } from './application.entity';

/** A product an application brings, with the certificate that makes it OCOP (null for another category). */
@Entity({ name: 'application_product' })
@Check('application_product_category_check', `category IN ('OCOP','KEY_PRODUCT','TYPICAL_RURAL','SPECIALTY','CRAFT_VILLAGE','POTENTIAL')`)
@Check('application_product_status_check', `status IN ('ACTIVE','WITHDRAWN')`)
@Index('application_product_certificate_idx', ['certificateId'], { where: `status = 'ACTIVE'` })
export class ApplicationProduct extends ShownProductColumns {
  @ForeignKey(() => Application, { name: 'application_product_application_fk' })
  @PrimaryColumn({ name: 'application_id', type: 'uuid', primaryKeyConstraintName: 'application_product_pk' })
  applicationId: string;
  @PrimaryColumn({ name: 'product_id', type: 'uuid', primaryKeyConstraintName: 'application_product_pk' }) productId: string;
}
