import { Injectable } from '@nestjs/common';
import type { EvaluationCompletedData, EventEnvelope } from '@ocop/contracts';
import { UnrecoverableEventError } from '@ocop/messaging';
import { Authorities, type AuthorityNames } from '../authorities/authorities.client';

/**
 * Before the inbox transaction of a council's outcome: the issuing authority's names on the decision's date,
 * which come from registration's units over NATS (cached), so no lock is held while they are asked for.
 */
@Injectable()
export class NameIssuingAuthorityUseCase {
  constructor(private readonly authorities: Authorities) {}

  /** Null: the outcome certifies nothing. */
  async execute(e: EventEnvelope): Promise<AuthorityNames | null> {
    const d = e.data as EvaluationCompletedData;
    if (d.outcome !== 'CERTIFY') return null;
    if (!d.authorityUnitCode || !d.certifyingTier || ![3, 4, 5].includes(d.stars)) {
      throw new UnrecoverableEventError(`${e.type} ${e.id}: CERTIFY without an authority, a tier or 3-5 stars`);
    }
    return this.authorities.describe(d.authorityUnitCode, d.provinceCode, new Date(d.completedAt));
  }
}
