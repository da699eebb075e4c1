import { Injectable } from '@nestjs/common';
import type { CertificateIssuedData, EventEnvelope } from '@ocop/contracts';
import { replicaOf, type Tx } from '@ocop/persistence';
import { ApplicationsRepository } from '../applications/applications.repository';
import { CertificatesRepository } from './certificates.repository';

/**
 * A new certificate arrives (once, whatever the redeliveries). When it replaces another (re-evaluation, upgrade), the
 * product's places at upcoming events carry the new certificate and its stars.
 */
@Injectable()
export class RecordCertificateUseCase {
  constructor(
    private readonly certificates: CertificatesRepository,
    private readonly applications: ApplicationsRepository,
  ) {}

  async execute(e: EventEnvelope, tx: Tx): Promise<void> {
    const d = e.data as CertificateIssuedData;
    await this.certificates.addIfAbsent(tx, { ...replicaOf(d), producerName: d.producerName }, new Date(d.issuedAt));
    if (d.supersedes)
      await this.applications.carryOverCertificate(tx, d.supersedes, { certificateId: d.certificateId, code: d.code, stars: d.stars });
  }
}
