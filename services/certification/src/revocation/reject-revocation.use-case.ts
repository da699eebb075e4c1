import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, CertificationEvents as E, type Actor, type RevocationRejectedData } from '@ocop/contracts';
import { EventOutbox } from '@ocop/messaging';
import { writeAudit } from '@ocop/persistence';
import { certificateEventData } from '../certificates/certificate.mapper';
import { assertIssuingOfficer } from '../certificates/certificate-access.policy';
import { CertificatesRepository } from '../certificates/certificates.repository';
import { RevocationsRepository, type RevocationRow } from './revocations.repository';
import { actingAuthority } from './acting-authority.policy';
import { GetRevocationQuery } from './get-revocation.query';

/** The deciding authority rejects an open request, with a note. */
@Injectable()
export class RejectRevocationUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly outbox: EventOutbox,
    private readonly certificates: CertificatesRepository,
    private readonly revocations: RevocationsRepository,
    private readonly getRevocation: GetRevocationQuery,
  ) {}

  async execute(actor: Actor, revocationId: string, note: string, asOf: Date): Promise<RevocationRow> {
    await this.ds.transaction(async (tx) => {
      const r = await this.revocations.lockForSystem(tx, revocationId);
      const c = await this.certificates.lockForSystem(tx, r.certificateId);
      // From 01/07/2025 a district's certificates are the province's to decide on (the district committee is gone).
      const acting = actingAuthority(c, asOf);
      assertIssuingOfficer(actor, { ...c, ...acting }, `decides on certificate ${c.number}`);
      if (r.status !== 'REQUESTED') throw AppError.conflict('REVOCATION_NOT_OPEN', `revocation ${r.id} is ${r.status}`);
      await this.revocations.markRejected(tx, r.id, { rejectionNote: note, decidedBy: actor.username, decidedAt: asOf });
      const data: RevocationRejectedData = {
        ...certificateEventData(c),
        revocationId: r.id,
        source: r.source,
        reasonCode: r.reasonCode,
        note,
        at: asOf.toISOString(),
      };
      await this.outbox.enqueueEvent(tx, E.revocationRejected, c.id, data);
      await writeAudit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        action: 'revocation.reject',
        entityType: 'revocation',
        entityId: r.id,
        details: { note },
      });
    });
    return this.getRevocation.execute(actor, revocationId);
  }
}
