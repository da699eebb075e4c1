import { AppError, type Actor } from '@ocop/contracts';
import { currentContext, now } from '@ocop/observability';
import { AuditRow } from './platform.entities';
import { schemaOf, type Tx } from './data-source.factory';

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

/** The audit record of a change an actor made, inside the change's transaction. */
export function writeActorAudit(
  tx: Tx,
  actor: Pick<Actor, 'id' | 'role'>,
  action: string,
  entityType: string,
  entityId: string,
  details: Record<string, unknown>,
): Promise<void> {
  return writeAudit(tx, { actorId: actor.id, actorRole: actor.role, action, entityType, entityId, details });
}

/** Many audit records in one insert (set-based work such as sweeps); each is stamped with the context's "now". */
export async function writeAuditMany(tx: Tx, entries: AuditEntry[]): Promise<void> {
  if (!entries.length) return;
  const at = now();
  await refuseBackdated(tx, entries, at);
  // Every record carries the correlation id of the request, event or job it came from, so an operator can follow
  // one action across services' audit logs, whether or not the use case passed it.
  const correlationId = currentContext()?.correlationId ?? null;
  // One statement whatever the count, its parameters one array per column (a sweep writes 2,000 records at once; a
  // VALUES list would be 16,000 parameters for TypeORM to build and PostgreSQL to parse).
  await tx.query(
    `INSERT INTO "${schemaOf(tx)}".audit_log (occurred_at, actor_id, actor_role, action, entity_type, entity_id, details, correlation_id)
     SELECT $1::timestamptz, a, r, act, et, ei, d, c
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[], $8::text[]) AS x(a, r, act, et, ei, d, c)`,
    [
      at,
      entries.map((e) => e.actorId),
      entries.map((e) => e.actorRole),
      entries.map((e) => e.action),
      entries.map((e) => e.entityType),
      entries.map((e) => e.entityId),
      entries.map((e) => (e.details === undefined || e.details === null ? null : JSON.stringify(e.details))),
      entries.map((e) => e.correlationId ?? correlationId),
    ],
  );
}
