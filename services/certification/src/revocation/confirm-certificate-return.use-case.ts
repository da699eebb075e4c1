import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, CertificationEvents as E, Role, type Actor } from '@ocop/contracts';
import { EventOutbox } from '@ocop/messaging';
import { writeAudit } from '@ocop/persistence';
import { isIssuingOfficer } from '../certificates/certificate-access.policy';
import { CertificatesRepository } from '../certificates/certificates.repository';
import { RevocationsRepository, type RevocationRow } from './revocations.repository';
import { followUpData } from './revocation-follow-up.mapper';
import { GetRevocationQuery } from './get-revocation.query';

/** The standing office (or the issuing authority) confirms the certificate came back and the mark is off the packaging. */
@Injectable()
export class ConfirmCertificateReturnUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly outbox: EventOutbox,
    private readonly certificates: CertificatesRepository,
    private readonly revocations: RevocationsRepository,
    private readonly getRevocation: GetRevocationQuery,
  ) {}

  async execute(actor: Actor, revocationId: string, asOf: Date): Promise<RevocationRow> {
    await this.ds.transaction(async (tx) => {
      const r = await this.revocations.lockForSystem(tx, revocationId);
      const c = await this.certificates.lockForSystem(tx, r.certificateId);
      const office = (actor.role === Role.PROVINCE_OFFICE && actor.scope.provinceCode === c.provinceCode) || isIssuingOfficer(actor, c);
      if (!office) throw AppError.forbidden('SCOPE_FORBIDDEN', `${actor.username} may not confirm returns in province ${c.provinceCode}`);
      if (r.status !== 'REVOKED' && r.status !== 'ESCALATED')
        throw AppError.conflict('REVOCATION_NOT_AWAITING_RETURN', `revocation ${r.id} is ${r.status}`);
      await this.revocations.markReturnConfirmed(tx, r.id, asOf, actor.username);
      await this.outbox.enqueueEvent(tx, E.revocationReturnConfirmed, c.id, followUpData(c, r, 'return-confirmed', asOf));
      await writeAudit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        action: 'revocation.confirm-return',
        entityType: 'revocation',
        entityId: r.id,
      });
    });
    return this.getRevocation.execute(actor, revocationId);
  }
}
