import { Injectable } from '@nestjs/common';
import { AppError, type Actor } from '@ocop/contracts';
import { certificateReadScopeOf } from '../certificates/certificate-access.policy';
import { RevocationsRepository, type RevocationRow } from './revocations.repository';

/** A revocation, for a reader who may read its certificate (else 404: existence is not revealed). */
@Injectable()
export class GetRevocationQuery {
  constructor(private readonly revocations: RevocationsRepository) {}

  async execute(actor: Actor, id: string): Promise<RevocationRow> {
    const row = await this.revocations.get(certificateReadScopeOf(actor), id);
    if (!row) throw AppError.notFound('REVOCATION_NOT_FOUND', `no revocation ${id}`);
    return row;
  }
}
