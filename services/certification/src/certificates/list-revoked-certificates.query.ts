import { Injectable } from '@nestjs/common';
import { CertificatesRepository } from './certificates.repository';

/** Revoked certificates for verifiers' status lists (public), since an instant or ever. */
@Injectable()
export class ListRevokedCertificatesQuery {
  constructor(private readonly certificates: CertificatesRepository) {}

  execute(since: Date | null): Promise<{ n: string; c: string; at: string; r: string }[]> {
    return this.certificates.listRevokedSince(since);
  }
}
