import { Injectable } from '@nestjs/common';
import { AppError, RegistrationEvents, type Actor, type ReturnDossierCommand } from '@ocop/contracts';
import { DOSSIER_DOCUMENT_TYPES, DossierAction, isDossierDocumentType } from '@ocop/domain';
import { DossierWorkflow } from './dossier.workflow';
import type { Dossier } from './dossier.entity';

/** The commune returns a dossier to the producer for completion, with its reasons (each may name a document type). */
@Injectable()
export class ReturnDossierUseCase {
  constructor(private readonly workflow: DossierWorkflow) {}

  execute(actor: Actor, cmd: ReturnDossierCommand): Promise<Dossier> {
    for (const [i, r] of cmd.reasons.entries()) {
      if (r.documentType && !isDossierDocumentType(r.documentType)) {
        throw AppError.validation(
          'DOCUMENT_TYPE_UNKNOWN',
          `unknown document type ${r.documentType}; one of ${DOSSIER_DOCUMENT_TYPES.map((t) => t.code).join(', ')}`,
          `reasons.${i}.documentType`,
        );
      }
    }
    return this.workflow.transition(actor, cmd.dossierId, {
      action: DossierAction.RETURN_FOR_COMPLETION,
      event: RegistrationEvents.dossierReturned,
      apply: async (d) => {
        d.returnReasons = cmd.reasons.map((r) => ({ ...(r.documentType ? { documentType: r.documentType } : {}), reason: r.reason }));
        return { reasons: d.returnReasons };
      },
    });
  }
}
