import { Injectable } from '@nestjs/common';
import type { CertificateIssuedData, EventEnvelope } from '@ocop/contracts';
import { findProductSet } from '@ocop/domain';
import { UnrecoverableEventError } from '@ocop/messaging';
import { replicaOf, type Tx } from '@ocop/persistence';
import { CertificatePoolRepository } from './certificate-pool.repository';

/** A new certificate enters the pool (once, whatever the redeliveries), with its product group. */
@Injectable()
export class AddToPoolUseCase {
  constructor(private readonly pool: CertificatePoolRepository) {}

  async execute(e: EventEnvelope, tx: Tx): Promise<void> {
    const d = e.data as CertificateIssuedData;
    const group = findProductSet(d.productSetCode)?.group;
    if (!group) throw new UnrecoverableEventError(`${e.type} ${e.id}: unknown product set ${d.productSetCode}`);
    await this.pool.addIfAbsent(tx, { ...replicaOf(d), productGroup: group, issuedAt: new Date(d.issuedAt) });
  }
}
