import { Injectable } from '@nestjs/common';
import { RegistrationEvents, type Actor } from '@ocop/contracts';
import { DossierAction, cycleYear, legalVersionAt } from '@ocop/domain';
import { DossierWorkflow } from './dossier.workflow';
import { DossiersRepository } from './dossiers.repository';
import { assertDossierComplete } from './dossier-intake.policy';
import type { Dossier } from './dossier.entity';

/** Submit, or resubmit after a return. The first submission files it: legal version and cycle year are stamped then. */
@Injectable()
export class SubmitDossierUseCase {
  constructor(
    private readonly workflow: DossierWorkflow,
    private readonly dossiers: DossiersRepository,
  ) {}

  execute(actor: Actor, dossierId: string, asOf: Date): Promise<Dossier> {
    return this.workflow.transition(actor, dossierId, {
      action: DossierAction.SUBMIT,
      event: RegistrationEvents.dossierSubmitted,
      apply: async (d, tx) => {
        await assertDossierComplete(this.dossiers, d, tx);
        const resubmission = d.filedAt !== null;
        if (!resubmission) {
          d.filedAt = asOf;
          d.legalVersion = legalVersionAt(asOf);
          d.cycleYear = cycleYear(asOf);
        }
        d.returnReasons = [];
        // Set at the first submission, kept at the next ones.
        return { resubmission, legalVersion: d.legalVersion!, filedAt: d.filedAt!.toISOString() };
      },
    });
  }
}
