import { Injectable } from '@nestjs/common';
import { RegistrationEvents, type Actor } from '@ocop/contracts';
import { DossierAction } from '@ocop/domain';
import { DossierWorkflow } from './dossier.workflow';
import { DossiersRepository } from './dossiers.repository';
import { assertDossierComplete } from './dossier-intake.policy';
import type { Dossier } from './dossier.entity';

/** The commune accepts a dossier after the format check: every required document is there. */
@Injectable()
export class AcceptDossierUseCase {
  constructor(
    private readonly workflow: DossierWorkflow,
    private readonly dossiers: DossiersRepository,
  ) {}

  execute(actor: Actor, dossierId: string): Promise<Dossier> {
    return this.workflow.transition(actor, dossierId, {
      action: DossierAction.ACCEPT,
      event: RegistrationEvents.dossierAccepted,
      apply: async (d, tx) => {
        await assertDossierComplete(this.dossiers, d, tx);
        return {};
      },
    });
  }
}
