import { Injectable } from '@nestjs/common';
import type { Actor, ViolationView } from '@ocop/contracts';
import { provinceScopeOf } from '../province-scope.policy';
import { ViolationsRepository, type ViolationListFilter } from './violations.repository';

/** Violations of the reader's province's certificates, for inspection staff. */
@Injectable()
export class ListViolationsQuery {
  constructor(private readonly violations: ViolationsRepository) {}

  async execute(actor: Actor, q: ViolationListFilter = {}): Promise<ViolationView[]> {
    return this.violations.list(provinceScopeOf(actor), q);
  }
}
