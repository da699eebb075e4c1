import type { Actor } from '@ocop/contracts';
import { writeAudit, type Tx } from '@ocop/persistence';
import { currentContext } from '@ocop/observability';

/** The audit record of a session's change, in the change's transaction. */
export const auditSessionChange = (
  tx: Tx,
  actor: Actor,
  action: string,
  entityType: string,
  entityId: string,
  details: Record<string, unknown>,
) =>
  writeAudit(tx, {
    actorId: actor.id,
    actorRole: actor.role,
    action,
    entityType,
    entityId,
    details,
    correlationId: currentContext()?.correlationId,
  });
