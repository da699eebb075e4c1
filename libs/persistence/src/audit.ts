import { AppError } from '@ocop/contracts';
import { currentContext, now } from '@ocop/observability';
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

/**
 * Refuses a change dated (by a request's as-of instant) before the last change recorded for the same record: a
 * revocation decided months before it was requested, a dossier submitted before it was created. Every change of
 * state writes its audit record through this file, so this one check covers every use case. Only a request's
 * as-of is checked (refused in production at the edge); an event's or a job's own time is not.
 */
async function refuseBackdated(tx: Tx, entries: AuditEntry[], at: Date): Promise<void> {
  if (currentContext()?.asOfSource !== 'request' || !entries.length) return;
  const later: { entity_type: string; entity_id: string; last: Date }[] = await tx
    .createQueryBuilder(AuditRow, 'a')
    .select('a.entity_type', 'entity_type')
    .addSelect('a.entity_id', 'entity_id')
    .addSelect('max(a.occurred_at)', 'last')
    .where('(a.entity_type, a.entity_id) IN (SELECT * FROM unnest(CAST(:types AS text[]), CAST(:ids AS text[])))', {
      types: entries.map((e) => e.entityType),
      ids: entries.map((e) => e.entityId),
    })
    .groupBy('a.entity_type')
    .addGroupBy('a.entity_id')
    .having('max(a.occurred_at) > :at', { at })
    .getRawMany();
  const first = later[0];
  if (first) {
    throw AppError.conflict(
      'AS_OF_BEFORE_LAST_CHANGE',
      `as of ${at.toISOString()} is before the last change of ${first.entity_type} ${first.entity_id} (${new Date(first.last).toISOString()})`,
      'asOf',
    );
  }
}

/** Writes an audit record inside the caller's transaction, so it exists exactly when the change does. */
export async function writeAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await writeAuditMany(tx, [entry]);
}

/** Many audit records in one insert (set-based work such as sweeps); each is stamped with the context's "now". */
export async function writeAuditMany(tx: Tx, entries: AuditEntry[]): Promise<void> {
  if (!entries.length) return;
  const at = now();
  await refuseBackdated(tx, entries, at);
  // Every record carries the correlation id of the request, event or job it came from, so an operator can follow
  // one action across services' audit logs, whether or not the use case passed it.
  const correlationId = currentContext()?.correlationId ?? null;
  await tx.insert(
    AuditRow,
    entries.map((e) => ({ ...e, occurredAt: at, details: (e.details ?? null) as never, correlationId: e.correlationId ?? correlationId })),
  ); // jsonb column
}
