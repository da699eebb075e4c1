import { AuditRow } from './platform.entities';
import type { Tx } from './data-source.factory';

export interface AuditEntry {
  actorId: string;
  actorRole: string;
  action: string;
  entityType: string;
  entityId: string;
  details?: Record<string, unknown>;
  correlationId?: string;
}

/** Writes an audit record inside the caller's transaction, so it exists exactly when the change does. */
export async function writeAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.insert(AuditRow, { ...entry, details: (entry.details ?? null) as never, correlationId: entry.correlationId ?? null }); // jsonb column
}
