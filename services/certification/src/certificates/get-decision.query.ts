import { Injectable } from '@nestjs/common';
import { AppError, type Actor } from '@ocop/contracts';
import { certificateReadScopeOf, isIssuingOfficer } from './certificate-access.policy';
import { CertificatesRepository } from './certificates.repository';
import { DecisionsRepository, type DecisionRow } from './decisions.repository';
import type { CertificateRow } from './certificate.mapper';

export type DecisionView = DecisionRow & {
  certificates: CertificateRow[];
  revocation: { reasonCode: string; returnDeadline: Date | null; originalReference: string | null; originalDate: Date | null } | null;
};

/** A decision with the certificates it issued or revoked; readable by officers of its authority and by whoever may read one of its certificates. */
@Injectable()
export class GetDecisionQuery {
  constructor(
    private readonly decisions: DecisionsRepository,
    private readonly certificates: CertificatesRepository,
  ) {}

  async execute(actor: Actor, id: string): Promise<DecisionView> {
    const d = await this.decisions.getForSystem(id);
    if (!d) throw AppError.notFound('DECISION_NOT_FOUND', `no decision ${id}`);
    const scope = certificateReadScopeOf(actor);
    const certificates =
      d.kind === 'ISSUE'
        ? await this.certificates.listIssuedByDecision(scope, id)
        : await this.certificates.listRevokedByDecision(scope, id);
    if (
      !certificates.length &&
      !isIssuingOfficer(actor, { authorityUnitCode: d.authorityUnitCode, provinceCode: d.provinceCode, tier: d.authorityTier })
    ) {
      throw AppError.notFound('DECISION_NOT_FOUND', `no decision ${id}`);
    }
    let revocation = null;
    if (d.kind === 'REVOKE') {
      const r = await this.decisions.revocationOf(id);
      const original = d.citesDecisionId ? await this.decisions.getForSystem(d.citesDecisionId) : null;
      if (d.citesDecisionId && !original) throw AppError.notFound('DECISION_NOT_FOUND', `no decision ${d.citesDecisionId}`);
      revocation = {
        reasonCode: r?.reasonCode ?? 'OTHER',
        returnDeadline: r?.returnDeadline ?? null,
        originalReference: original?.reference ?? null,
        originalDate: original?.decidedAt ?? null,
      };
    }
    return { ...d, certificates, revocation };
  }
}
