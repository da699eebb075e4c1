import { Injectable } from '@nestjs/common';
import type { Actor } from '@ocop/contracts';
import { DossierKind } from '@ocop/domain';
import type { Tx } from '@ocop/persistence';
import { ReevaluationInvitationsRepository } from './reevaluation-invitations.repository';
import { auditInvitation } from './reevaluation-invitation.audit';
import { ProductsRepository } from '../products/products.repository';
import type { Dossier } from '../dossiers/dossier.entity';

/**
 * A RE_EVALUATION dossier was created for its product (in the creating transaction): the product's open
 * invitations are filed with it.
 */
@Injectable()
export class FileReevaluationInvitationsUseCase {
  constructor(
    private readonly invitations: ReevaluationInvitationsRepository,
    private readonly products: ProductsRepository,
  ) {}

  async execute(tx: Tx, actor: Actor, d: Dossier): Promise<void> {
    if (d.kind !== DossierKind.RE_EVALUATION) return;
    await this.products.lock(tx, d.productId); // against an invitation being opened for the product at the same time
    for (const inv of await this.invitations.ofProductForUpdate(tx, d.productId, 'OPEN')) {
      Object.assign(inv, { status: 'DOSSIER_FILED', reevaluationDossierId: d.id });
      await this.invitations.save(tx, inv);
      await auditInvitation(tx, actor, inv, 'file', { reevaluationDossierId: d.id, dossierCode: d.code });
    }
  }
}
