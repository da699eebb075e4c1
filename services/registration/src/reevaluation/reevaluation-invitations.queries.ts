import { Injectable } from '@nestjs/common';
import type { Actor, ListReevaluationInvitationsQuery, ReevaluationInvitationView } from '@ocop/contracts';
import { readScopeOf } from '@ocop/auth';
import { ReevaluationInvitationsRepository } from './reevaluation-invitations.repository';
import type { ReevaluationInvitation } from './reevaluation-invitation.entity';

const view = (i: ReevaluationInvitation): ReevaluationInvitationView => ({
  id: i.id,
  certificateId: i.certificateId,
  certificateNumber: i.certificateNumber,
  certificateCode: i.certificateCode,
  productId: i.productId,
  productName: i.productName,
  producerId: i.producerId,
  dossierId: i.dossierId,
  provinceCode: i.provinceCode,
  districtCode: i.districtCode,
  communeCode: i.communeCode,
  validTo: i.validTo.toISOString(),
  openedAt: i.openedAt.toISOString(),
  lastNoticeDays: i.lastNoticeDays,
  status: i.status,
  reevaluationDossierId: i.reevaluationDossierId,
  closedReason: i.closedReason,
  closedAt: i.closedAt?.toISOString() ?? null,
});

/** Read side of re-evaluation invitations, through the caller's scope. */
@Injectable()
export class ReevaluationInvitationQueries {
  constructor(private readonly invitations: ReevaluationInvitationsRepository) {}

  async list(actor: Actor, q: ListReevaluationInvitationsQuery): Promise<ReevaluationInvitationView[]> {
    return (await this.invitations.list(readScopeOf(actor), q)).map(view);
  }
}
