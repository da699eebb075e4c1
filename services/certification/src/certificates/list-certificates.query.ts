import { Injectable } from '@nestjs/common';
import type { Actor, ListCertificatesQuery as ListCertificatesRequest } from '@ocop/contracts';
import { certificateReadScopeOf } from './certificate-access.policy';
import { CertificatesRepository } from './certificates.repository';
import type { CertificateRow } from './certificate.mapper';

/** A page of the certificates the reader may read, newest issue first. */
@Injectable()
export class ListCertificatesQuery {
  constructor(private readonly certificates: CertificatesRepository) {}

  execute(actor: Actor, q: ListCertificatesRequest): Promise<CertificateRow[]> {
    return this.certificates.list(certificateReadScopeOf(actor), q);
  }
}
