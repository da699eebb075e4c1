import type { Actor } from '@ocop/contracts';
import { spansAllProvinces, type ReadScope } from '@ocop/auth';

/**
 * What inspection's records are read by: their province. Campaigns, tasks, violations, recurrences and the pool
 * belong to one province; a national admin reads every province's. A subset of `ReadScope` (libs/auth), whose
 * district, commune and producer kinds do not apply to inspection staff.
 */
export type ProvinceScope = Extract<ReadScope, { kind: 'all' } | { kind: 'province' }>;

/** The actor's province, or every province for a national admin. */
export function provinceScopeOf(actor: Actor): ProvinceScope {
  return spansAllProvinces(actor) ? { kind: 'all' } : { kind: 'province', provinceCode: actor.scope.provinceCode };
}

/** Reads the system does for itself (consumers, jobs, the follow-ups of a change already authorised). */
export const SYSTEM_SCOPE: ProvinceScope = { kind: 'all' };

export function provinceInScope(scope: ProvinceScope, provinceCode: string): boolean {
  return scope.kind === 'all' || scope.provinceCode === provinceCode;
}
