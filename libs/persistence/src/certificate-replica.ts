import { Column, PrimaryColumn, type EntityTarget } from 'typeorm';
import { CertificationEvents, type CertificateIssuedData, type EventEnvelope } from '@ocop/contracts';
import type { Tx } from './data-source.factory';

/**
 * A service's own copy of a certificate, as certification's events describe it (inspection's pool, trade promotion's
 * certificates): the columns every copy has. A service's entity extends it in its own schema, with what it adds.
 */
export abstract class CertificateReplica {
  @PrimaryColumn({ name: 'certificate_id', type: 'uuid' }) certificateId: string;
  @Column('text') number: string;
  @Column('text') code: string;
  @Column({ name: 'product_id', type: 'uuid' }) productId: string;
  @Column({ name: 'product_name', type: 'text' }) productName: string;
  @Column({ name: 'product_set_code', type: 'text' }) productSetCode: string;
  @Column({ name: 'producer_id', type: 'uuid' }) producerId: string;
  @Column({ name: 'province_code', type: 'text' }) provinceCode: string;
  @Column({ name: 'authority_unit_code', type: 'text' }) authorityUnitCode: string;
  @Column('int') stars: number;
  @Column({ name: 'valid_from', type: 'timestamptz' }) validFrom: Date;
  @Column({ name: 'valid_to', type: 'timestamptz' }) validTo: Date;
  /** ACTIVE, EXPIRING, or one of the final statuses. */
  @Column('text') status: string;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** Statuses after which a certificate never changes again (a late EXPIRING does not undo them). */
export const FINAL_CERTIFICATE_STATUSES = ['SUPERSEDED', 'EXPIRED', 'REVOKED'];

/** The common columns of a copy, from the certificate's `certificate-issued` event. */
export function replicaOf(d: CertificateIssuedData): Omit<CertificateReplica, 'status' | 'updatedAt'> {
  return {
    certificateId: d.certificateId,
    number: d.number,
    code: d.code,
    productId: d.productId,
    productName: d.productName,
    productSetCode: d.productSetCode,
    producerId: d.producerId,
    provinceCode: d.provinceCode,
    authorityUnitCode: d.authorityUnitCode,
    stars: d.stars,
    validFrom: new Date(d.validFrom),
    validTo: new Date(d.validTo),
  };
}

/** A certificate enters the copy ACTIVE, once (a redelivered event changes nothing). */
export async function addReplicaIfAbsent<T extends CertificateReplica>(
  tx: Tx,
  entity: EntityTarget<T>,
  row: Omit<T, 'status' | 'updatedAt'>,
  at: Date,
): Promise<void> {
  await tx
    .createQueryBuilder()
    .insert()
    .into(entity)
    .values({ ...row, status: 'ACTIVE', updatedAt: at } as never)
    .orIgnore()
    .execute();
}

/** A new status, unless the certificate already reached a final one; whether it changed. */
export async function setReplicaStatus(
  tx: Tx,
  entity: EntityTarget<CertificateReplica>,
  certificateId: string,
  status: string,
  at: Date,
): Promise<boolean> {
  const r = await tx
    .createQueryBuilder()
    .update(entity)
    .set({ status, updatedAt: at })
    .where('certificate_id = :certificateId AND status NOT IN (:...final)', { certificateId, final: FINAL_CERTIFICATE_STATUSES })
    .execute();
  return (r.affected ?? 0) > 0;
}

/** The status each later event of a certificate gives a copy, and the field of its data that says since when. */
const STATUS_OF_EVENT: Readonly<Record<string, { status: string; at: 'at' | 'revokedAt' }>> = {
  [CertificationEvents.certificateExpiring]: { status: 'EXPIRING', at: 'at' },
  [CertificationEvents.certificateSuperseded]: { status: 'SUPERSEDED', at: 'at' },
  [CertificationEvents.certificateExpired]: { status: 'EXPIRED', at: 'at' },
  [CertificationEvents.certificateRevoked]: { status: 'REVOKED', at: 'revokedAt' },
};

/**
 * A copy follows a later event of its certificate (expiring, superseded, expired, revoked): its status from the event,
 * as of the event's own instant, unless it already reached a final one; whether it changed.
 */
export function followReplica(tx: Tx, entity: EntityTarget<CertificateReplica>, event: EventEnvelope): Promise<boolean> {
  const change = STATUS_OF_EVENT[event.type];
  if (!change) throw new Error(`${event.type} does not change a certificate's status`);
  const d = event.data as { certificateId: string; at?: string; revokedAt?: string };
  return setReplicaStatus(tx, entity, d.certificateId, change.status, new Date(d[change.at]!));
}
