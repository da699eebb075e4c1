import { Injectable } from '@nestjs/common';
import { AppError, Role, type Actor, type ViolationView } from '@ocop/contracts';
import { provinceScopeOf } from '../province-scope.policy';
import { isOffice } from '../campaigns/campaign-planning.policy';
import { ViolationsRepository, type ViolationListFilter } from './violations.repository';

/** Violations of the reader's province's certificates, for inspection staff. */
@Injectable()
export class ListViolationsQuery {
  constructor(private readonly violations: ViolationsRepository) {}

  async execute(actor: Actor, q: ViolationListFilter = {}): Promise<ViolationView[]> {
    if (!isOffice(actor) && actor.role !== Role.INSPECTOR && actor.role !== Role.AGENCY_OFFICER)
      throw AppError.forbidden('ROLE_FORBIDDEN', 'violations are for inspection staff');
    return this.violations.list(provinceScopeOf(actor), q);
  }
}
