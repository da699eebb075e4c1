import type { Actor } from '@ocop/contracts';
import { writeAudit, type Tx } from '@ocop/persistence';
import { currentContext } from '@ocop/observability';
import type { ReevaluationInvitation } from './reevaluation-invitation.entity';

/** The audit record of a change of an invitation (`reevaluation_invitation.<action>`), in the change's transaction. */
export function auditInvitation(
  tx: Tx,
  actor: Actor,
  inv: ReevaluationInvitation,
  action: string,
  details: Record<string, unknown>,
): Promise<void> {
  return writeAudit(tx, {
    actorId: actor.id,
    actorRole: actor.role,
    action: `reevaluation_invitation.${action}`,
    entityType: 'reevaluation_invitation',
    entityId: inv.id,
    details: { certificateId: inv.certificateId, status: inv.status, ...details },
    correlationId: currentContext()?.correlationId,
  });
}
