import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, labResultsSubject, type Actor, type LabCredentialView } from '@ocop/contracts';
import { writeAudit } from '@ocop/persistence';
import { INSPECTION_CONFIG } from '../inspection.tokens';
import type { InspectionConfig } from '../config/inspection.config';
import { LabsRepository, WHOLE_REGISTER } from './labs.repository';
import { LabCredentialSigner } from './lab-credential.signer';

/** A credential for the lab's own service (an admin hands it over once); the token names the lab and the credential. */
@Injectable()
export class IssueLabCredentialUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly labs: LabsRepository,
    private readonly signer: LabCredentialSigner,
    @Inject(INSPECTION_CONFIG) private readonly config: InspectionConfig,
  ) {}

  async execute(actor: Actor, labId: string, now: Date): Promise<LabCredentialView> {
    const lab = await this.labs.get(WHOLE_REGISTER, labId);
    if (!lab) throw AppError.notFound('LAB_NOT_FOUND', `no lab ${labId}`);
    const id = randomUUID();
    await this.ds.transaction(async (tx) => {
      await this.labs.insertCredential(tx, { id, labId: lab.id, issuedBy: actor.username, issuedAt: now });
      await writeAudit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        action: 'lab.issue-credential',
        entityType: 'lab',
        entityId: lab.id,
        details: { credentialId: id },
      });
    });
    const token = await this.signer.sign(lab.code, id, now);
    return { credentialId: id, labCode: lab.code, token, subject: labResultsSubject(this.config.prefix, lab.code) };
  }
}
