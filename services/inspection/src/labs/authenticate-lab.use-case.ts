import { Injectable } from '@nestjs/common';
import { AppError, ErrorKind } from '@ocop/contracts';
import { LabsRepository } from './labs.repository';
import { LabCredentialSigner } from './lab-credential.signer';
import type { LabRow } from './lab.view';

/** The lab a credential belongs to, if it is genuine, not revoked, and used on that lab's own subject. */
@Injectable()
export class AuthenticateLabUseCase {
  constructor(
    private readonly labs: LabsRepository,
    private readonly signer: LabCredentialSigner,
  ) {}

  async execute(token: string | undefined, subjectLabCode: string): Promise<LabRow> {
    const refuse = (why: string): AppError => new AppError(ErrorKind.UNAUTHENTICATED, 'LAB_CREDENTIAL_INVALID', why);
    if (!token) throw refuse('a lab credential is required in the ocop-lab-credential header');
    let sub: string | undefined;
    let jti: string | undefined;
    try {
      ({ sub, jti } = await this.signer.verify(token));
    } catch {
      throw refuse('the lab credential is not genuine');
    }
    if (sub !== subjectLabCode)
      throw new AppError(
        ErrorKind.FORBIDDEN,
        'LAB_SUBJECT_FORBIDDEN',
        `lab ${sub} may only publish on its own subject, not ${subjectLabCode}'s`,
      );
    const lab = await this.labs.labOfActiveCredential(jti ?? null, sub);
    if (!lab) throw refuse('the lab credential is revoked or unknown');
    return lab;
  }
}
