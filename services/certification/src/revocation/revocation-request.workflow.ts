import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppError, CertificationEvents as E, type Actor, type RevocationRequestedData, type RevocationSource } from '@ocop/contracts';
import { isRevocable, type RevocationReasonCode } from '@ocop/domain';
import { EventOutbox } from '@ocop/messaging';
import { writeAudit, type Tx } from '@ocop/persistence';
import { certificateEventData } from '../certificates/certificate.mapper';
import { mayRequestRevocation } from '../certificates/certificate-access.policy';
import { CertificatesRepository } from '../certificates/certificates.repository';
import { RevocationsRepository } from './revocations.repository';

export interface RequestRevocation {
  certificateId: string;
  reasonCode: RevocationReasonCode;
  details: string;
  sourceReference?: string | null;
}

/**
 * Opening a revocation request, shared by the office's request and inspection's event: a request repeated under
 * its source's reference gives the same request; otherwise the requester must be allowed, the certificate
 * revocable and without an open request.
 */
@Injectable()
export class RevocationRequestWorkflow {
  constructor(
    private readonly certificates: CertificatesRepository,
    private readonly revocations: RevocationsRepository,
    private readonly outbox: EventOutbox,
  ) {}

  /** In the caller's transaction; returns the request's id. */
  async open(tx: Tx, actor: Actor, source: RevocationSource, r: RequestRevocation, asOf: Date): Promise<string> {
    if (r.sourceReference) {
      const same = await this.revocations.findBySourceReference(tx, source, r.sourceReference);
      if (same) {
        if (same.certificateId !== r.certificateId || same.reasonCode !== r.reasonCode) {
          throw AppError.conflict(
            'REVOCATION_REFERENCE_CONFLICT',
            `${source} reference ${r.sourceReference} already requested a different revocation`,
            'sourceReference',
          );
        }
        return same.id;
      }
    }
    const c = await this.certificates.lockForSystem(tx, r.certificateId);
    if (!mayRequestRevocation(actor, c)) {
      throw AppError.forbidden(
        'SCOPE_FORBIDDEN',
        `${actor.username} may not request revocation of certificate ${c.number} (authority ${c.authorityUnitCode}, province ${c.provinceCode})`,
      );
    }
    if (!isRevocable(c.status))
      throw AppError.conflict('CERTIFICATE_NOT_REVOCABLE', `certificate ${c.number} is ${c.status}`, 'certificateId');
    const open = await this.revocations.findOpenOf(tx, c.id);
    if (open)
      throw AppError.conflict(
        'REVOCATION_ALREADY_REQUESTED',
        `certificate ${c.number} already has an open revocation request ${open.id}`,
        'certificateId',
      );
    const rid = randomUUID();
    await this.revocations.insertRequest(tx, {
      id: rid,
      certificateId: c.id,
      source,
      sourceReference: r.sourceReference ?? null,
      reasonCode: r.reasonCode,
      details: r.details,
      requestedBy: actor.username,
      requestedAt: asOf,
    });
    const data: RevocationRequestedData = {
      ...certificateEventData(c),
      revocationId: rid,
      source,
      reasonCode: r.reasonCode,
      sourceReference: r.sourceReference ?? null,
      details: r.details,
      requestedAt: asOf.toISOString(),
    };
    await this.outbox.enqueueEvent(tx, E.revocationRequested, c.id, data);
    await writeAudit(tx, {
      actorId: actor.id,
      actorRole: actor.role,
      action: 'revocation.request',
      entityType: 'revocation',
      entityId: rid,
      details: { certificateId: c.id, source, reasonCode: r.reasonCode },
    });
    return rid;
  }
}
