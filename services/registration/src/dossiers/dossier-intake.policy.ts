import { AppError } from '@ocop/contracts';
import { missingRequiredDocuments, type DossierKind } from '@ocop/domain';
import type { Tx } from '@ocop/persistence';
import type { Dossier } from './dossier.entity';
import type { DossiersRepository } from './dossiers.repository';

/**
 * Filing and commune intake (148/QĐ-TTg Phụ lục II as amended by 1489/QĐ-TTg): the producer submits;
 * the commune checks the form, returns it for completion with reasons, or accepts it and proposes it
 * to the next tier. `INTAKE_ROLES` (the RPC registry's) take the commune's steps.
 */
export { INTAKE_ROLES } from '@ocop/contracts';

/** The format check: every document the dossier's kind requires is there. */
export async function assertDossierComplete(dossiers: DossiersRepository, d: Dossier, tx: Tx): Promise<void> {
  const present = (await dossiers.documents(d.id, tx)).map((doc) => doc.type);
  const missing = missingRequiredDocuments(d.kind as DossierKind, present);
  if (missing.length) throw AppError.rule('DOSSIER_INCOMPLETE', `required documents are missing: ${missing.join(', ')}`, 'documents');
}
