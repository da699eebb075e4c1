import { AppError, Role, type Actor } from '@ocop/contracts';
import { spansAllProvinces } from '@ocop/auth';
import { provinceInScope, provinceScopeOf, type ProvinceScope } from '../province-scope.policy';
import type { SampleRow } from './sample.view';

/** Which samples a reader reaches: a province's (or all), a producer's, those sent to a lab, or none. */
export type SampleScope = ProvinceScope | { kind: 'producer'; producerId: string } | { kind: 'lab'; labCode: string } | { kind: 'none' };

const OFFICE_ROLES: readonly Role[] = [Role.PROVINCE_OFFICE, Role.ADMIN];
const PROVINCE_READERS: readonly Role[] = [Role.INSPECTOR, Role.AGENCY_OFFICER, Role.COUNCIL_MEMBER];

/**
 * Whom one sample is shown to: the standing office of its province, the lab it was sent to, its producer, and
 * the province's inspectors, agency officers and council members. Anyone else is told it does not exist.
 */
export function sampleReadScopeOf(actor: Actor): SampleScope {
  if (OFFICE_ROLES.includes(actor.role)) return provinceScopeOf(actor);
  if (actor.role === Role.LAB) return actor.scope.agencyCode ? { kind: 'lab', labCode: actor.scope.agencyCode } : { kind: 'none' };
  if (actor.role === Role.PRODUCER)
    return actor.scope.producerId ? { kind: 'producer', producerId: actor.scope.producerId } : { kind: 'none' };
  if (PROVINCE_READERS.includes(actor.role)) return { kind: 'province', provinceCode: actor.scope.provinceCode };
  return { kind: 'none' };
}

/** Which samples a list shows: a lab its own, a producer its own, everyone else their province's (a national admin all). */
export function sampleListScopeOf(actor: Actor): SampleScope {
  // A producer account not linked to a producer sees nothing (no producer has the nil id).
  if (actor.role === Role.LAB) return { kind: 'lab', labCode: actor.scope.agencyCode ?? '' };
  if (actor.role === Role.PRODUCER)
    return { kind: 'producer', producerId: actor.scope.producerId ?? '00000000-0000-0000-0000-000000000000' };
  return provinceScopeOf(actor);
}

export function sampleInScope(scope: SampleScope, s: Pick<SampleRow, 'provinceCode' | 'producerId' | 'labCode'>): boolean {
  switch (scope.kind) {
    case 'all':
    case 'province':
      return provinceInScope(scope, s.provinceCode);
    case 'producer':
      return s.producerId === scope.producerId;
    case 'lab':
      return s.labCode === scope.labCode;
    case 'none':
      return false;
  }
}

/** The standing office of the sample's province (or a national admin). */
export function isOfficeOf(actor: Actor, s: SampleRow): boolean {
  return OFFICE_ROLES.includes(actor.role) && (spansAllProvinces(actor) || actor.scope.provinceCode === s.provinceCode);
}

export function isLabOf(actor: Actor, s: SampleRow): boolean {
  return actor.role === Role.LAB && actor.scope.agencyCode === s.labCode;
}

export function sampleNotFound(id: string): AppError {
  return AppError.notFound('SAMPLE_NOT_FOUND', `no sample ${id}`);
}
