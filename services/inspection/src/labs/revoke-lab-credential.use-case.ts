import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, type Actor } from '@ocop/contracts';
import { writeAudit } from '@ocop/persistence';
import { LabsRepository } from './labs.repository';

/** Cuts a lab's service off: its credential is refused from now on (issue a new one to reconnect). */
@Injectable()
export class RevokeLabCredentialUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly labs: LabsRepository,
  ) {}

  async execute(actor: Actor, labId: string, credentialId: string, now: Date): Promise<{ credentialId: string; revokedAt: string }> {
    await this.ds.transaction(async (tx) => {
      if (!(await this.labs.revokeCredential(tx, labId, credentialId, now)))
        throw AppError.notFound('CREDENTIAL_NOT_FOUND', `no active credential ${credentialId} of lab ${labId}`);
      await writeAudit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        action: 'lab.revoke-credential',
        entityType: 'lab',
        entityId: labId,
        details: { credentialId },
      });
    });
    return { credentialId, revokedAt: now.toISOString() };
  }
}
