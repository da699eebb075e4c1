import { now } from '@ocop/observability';
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
  await writeAuditMany(tx, [entry]);
}

/** Many audit records in one insert (set-based work such as sweeps); each is stamped with the context's "now". */
export async function writeAuditMany(tx: Tx, entries: AuditEntry[]): Promise<void> {
  if (!entries.length) return;
  const at = now();
  await tx.insert(AuditRow, entries.map((e) => ({ ...e, occurredAt: at, details: (e.details ?? null) as never, correlationId: e.correlationId ?? null }))); // jsonb column
}
