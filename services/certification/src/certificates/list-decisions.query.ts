import { Injectable } from '@nestjs/common';
import type { Actor } from '@ocop/contracts';
import { certificateReadScopeOf } from './certificate-access.policy';
import { DecisionsRepository, type DecisionRow } from './decisions.repository';

/** A page of the decisions naming a certificate the reader may read, newest first. */
@Injectable()
export class ListDecisionsQuery {
  constructor(private readonly decisions: DecisionsRepository) {}

  execute(actor: Actor, q: { kind?: string; limit?: number; offset?: number }): Promise<DecisionRow[]> {
    return this.decisions.list(certificateReadScopeOf(actor), q);
  }
}
