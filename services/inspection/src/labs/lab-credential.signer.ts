import { Inject, Injectable } from '@nestjs/common';
import { SignJWT, jwtVerify } from 'jose';
import { INSPECTION_CONFIG } from '../inspection.tokens';
import type { InspectionConfig } from '../config/inspection.config';

/** Signs and verifies the credentials labs' own services use on NATS (HS256 with the configured secret). */
@Injectable()
export class LabCredentialSigner {
  private readonly key: Uint8Array;

  constructor(@Inject(INSPECTION_CONFIG) config: InspectionConfig) {
    this.key = new TextEncoder().encode(config.labCredentialSecret);
  }

  /** The token names the lab (subject) and the credential (jti). */
  sign(labCode: string, credentialId: string, issuedAt: Date): Promise<string> {
    return new SignJWT({ typ: 'lab' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(labCode)
      .setJti(credentialId)
      .setIssuedAt(Math.floor(issuedAt.getTime() / 1000))
      .sign(this.key);
  }

  /** The lab code and credential id of a genuine lab credential; throws otherwise. */
  async verify(token: string): Promise<{ sub: string | undefined; jti: string | undefined }> {
    const { payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'] });
    if (payload.typ !== 'lab') throw new Error('not a lab credential');
    return { sub: payload.sub, jti: payload.jti };
  }
}
