import { Column, type EntityTarget } from 'typeorm';
import type { Tx } from '@ocop/persistence';

/**
 * How a product is shown, on an application to an event or on a shelf: its name, its category, the certificate that
 * makes it OCOP (null for another category), and whether it is still shown. Each entity extends it with its own keys.
 */
export abstract class ShownProductColumns {
  @Column({ name: 'product_name', type: 'text' }) productName: string;
  @Column('text') category: string;
  @Column({ name: 'certificate_id', type: 'uuid', nullable: true }) certificateId: string | null;
  @Column({ name: 'certificate_code', type: 'text', nullable: true }) certificateCode: string | null;
  @Column({ type: 'int', nullable: true }) stars: number | null;
  @Column('text') status: string;
  @Column({ name: 'withdrawn_reason', type: 'text', nullable: true }) withdrawnReason: string | null;
  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true }) withdrawnAt: Date | null;
}

/** A re-evaluated or upgraded product: where it is still shown, it carries the new certificate and its stars. */
export async function carryOverCertificate(
  tx: Tx,
  entity: EntityTarget<ShownProductColumns>,
  oldCertificateId: string,
  next: { certificateId: string; code: string; stars: number },
): Promise<void> {
  await tx.update(
    entity,
    { certificateId: oldCertificateId, status: 'ACTIVE' },
    { certificateId: next.certificateId, certificateCode: next.code, stars: next.stars },
  );
}
