import { Injectable } from '@nestjs/common';
import type { Actor, CoverageView } from '@ocop/contracts';
import { CertificatePoolRepository } from '../certificate-pool/certificate-pool.repository';
import { provinceScopeOf } from '../province-scope.policy';

/**
 * How much of the reader's province's active certificates inspection has reached: each certificate active at `asOf`
 * counts as inspected when a task completed it since its validity began, or within `withinMonths` before `asOf`.
 */
@Injectable()
export class ReportCoverageQuery {
  constructor(private readonly pool: CertificatePoolRepository) {}

  async execute(actor: Actor, asOf: Date, withinMonths?: number): Promise<CoverageView> {
    const rows = await this.pool.coverage(provinceScopeOf(actor), asOf, withinMonths ?? null);
    return {
      asOf: asOf.toISOString(),
      active: rows.length,
      inspected: rows.filter((r) => r.inspected).length,
      gaps: rows
        .filter((r) => !r.inspected)
        .map((r) => ({
          certificateId: r.certificateId,
          number: r.number,
          productName: r.productName,
          validFrom: r.validFrom.toISOString(),
          validTo: r.validTo.toISOString(),
        })),
    };
  }
}
