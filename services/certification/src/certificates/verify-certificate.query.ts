import { Injectable } from '@nestjs/common';
import type { PublicCertificateRecord } from '@ocop/contracts';
import { REVOCATION_REASONS, type RevocationReasonCode } from '@ocop/domain';
import { CertificatesRepository } from './certificates.repository';

/** The public record behind a verification code, or null (unknown code): anyone may verify a certificate. */
@Injectable()
export class VerifyCertificateQuery {
  constructor(private readonly certificates: CertificatesRepository) {}

  async execute(code: string): Promise<PublicCertificateRecord | null> {
    const r = await this.certificates.findPublicRecord(code);
    if (!r) return null;
    return {
      ...r,
      revocationReasonVi: r.revocationReasonCode ? (REVOCATION_REASONS[r.revocationReasonCode as RevocationReasonCode] ?? null) : null,
    };
  }
}
