import { Injectable } from '@nestjs/common';
import { AppError, RegistrationEvents, type Actor, type WithdrawDossierCommand } from '@ocop/contracts';
import { DossierAction } from '@ocop/domain';
import { DossierWorkflow } from './dossier.workflow';
import type { Dossier } from './dossier.entity';

/**
 * The producer (its own dossier) or the commune withdraws a dossier that is not yet proposed to a tier
 * (the state machine says from which statuses), giving a reason, kept in the audit record and on the timeline.
 */
@Injectable()
export class WithdrawDossierUseCase {
  constructor(private readonly workflow: DossierWorkflow) {}

  execute(actor: Actor, cmd: WithdrawDossierCommand): Promise<Dossier> {
    const reason = cmd.reason.trim();
    if (reason.length < 3) throw AppError.validation('WITHDRAW_REASON_REQUIRED', 'a withdrawal needs a reason', 'reason');
    return this.workflow.transition(actor, cmd.dossierId, {
      action: DossierAction.WITHDRAW,
      event: RegistrationEvents.dossierWithdrawn,
      apply: async () => ({ reason }),
    });
  }
}
