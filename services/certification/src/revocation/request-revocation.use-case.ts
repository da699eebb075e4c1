import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor, RevocationSource } from '@ocop/contracts';
import { RevocationRequestWorkflow, type RequestRevocation } from './revocation-request.workflow';
import { RevocationsRepository, type RevocationRow } from './revocations.repository';

/** An office, an inspector or an admin asks for a certificate's revocation. */
@Injectable()
export class RequestRevocationUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly workflow: RevocationRequestWorkflow,
    private readonly revocations: RevocationsRepository,
  ) {}

  async execute(actor: Actor, source: RevocationSource, r: RequestRevocation, asOf: Date): Promise<RevocationRow> {
    const id = await this.ds.transaction((tx) => this.workflow.open(tx, actor, source, r, asOf));
    // The requester gets the request back (also the one it repeated under the same source reference).
    return this.revocations.getForSystem(id);
  }
}
