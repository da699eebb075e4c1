import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { Application } from './application.entity';

/** A product an application brings, with the certificate that makes it OCOP (null for another category). */
@Entity({ name: 'application_product' })
@Check('application_product_category_check', `category IN ('OCOP','KEY_PRODUCT','TYPICAL_RURAL','SPECIALTY','CRAFT_VILLAGE','POTENTIAL')`)
@Check('application_product_status_check', `status IN ('ACTIVE','WITHDRAWN')`)
@Index('application_product_certificate_idx', ['certificateId'], { where: `status = 'ACTIVE'` })
export class ApplicationProduct {
  @ForeignKey(() => Application, { name: 'application_product_application_fk' })
  @PrimaryColumn({ name: 'application_id', type: 'uuid', primaryKeyConstraintName: 'application_product_pk' })
  applicationId: string;
  @PrimaryColumn({ name: 'product_id', type: 'uuid', primaryKeyConstraintName: 'application_product_pk' }) productId: string;
  @Column({ name: 'product_name', type: 'text' }) productName: string;
  @Column('text') category: string;
  @Column({ name: 'certificate_id', type: 'uuid', nullable: true }) certificateId: string | null;
  @Column({ name: 'certificate_code', type: 'text', nullable: true }) certificateCode: string | null;
  @Column({ type: 'int', nullable: true }) stars: number | null;
  @Column('text') status: string;
  @Column({ name: 'withdrawn_reason', type: 'text', nullable: true }) withdrawnReason: string | null;
  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true }) withdrawnAt: Date | null;
}
