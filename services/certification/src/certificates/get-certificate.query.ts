import { Injectable } from '@nestjs/common';
import { AppError, type Actor } from '@ocop/contracts';
import { certificateReadScopeOf } from './certificate-access.policy';
import { CertificatesRepository } from './certificates.repository';
import type { CertificateRow } from './certificate.mapper';

/** A certificate the reader may read (else 404: existence is not revealed). */
@Injectable()
export class GetCertificateQuery {
  constructor(private readonly certificates: CertificatesRepository) {}

  async execute(actor: Actor, id: string): Promise<CertificateRow> {
    const c = await this.certificates.get(certificateReadScopeOf(actor), id);
    if (!c) throw AppError.notFound('CERTIFICATE_NOT_FOUND', `no certificate ${id}`);
    return c;
  }
}
