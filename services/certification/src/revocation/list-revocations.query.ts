import { Injectable } from '@nestjs/common';
import type { Actor } from '@ocop/contracts';
import { certificateReadScopeOf } from '../certificates/certificate-access.policy';
import { RevocationsRepository, type RevocationListFilter, type RevocationRow } from './revocations.repository';

/** A page of the revocations of the certificates the reader may read, newest request first. */
@Injectable()
export class ListRevocationsQuery {
  constructor(private readonly revocations: RevocationsRepository) {}

  execute(actor: Actor, q: RevocationListFilter): Promise<RevocationRow[]> {
    return this.revocations.list(certificateReadScopeOf(actor), q);
  }
}
