import { AppError, Role, type Actor } from '@ocop/contracts';

/**
 * What an actor may read. Repositories that list or read take one as a required argument, so an
 * unscoped query does not compile.
 */
export type ReadScope =
  | { kind: 'all' }
  | { kind: 'province'; provinceCode: string }
  | { kind: 'district'; provinceCode: string; districtCode: string }
  | { kind: 'commune'; provinceCode: string; communeCode: string }
  | { kind: 'producer'; producerId: string };

export function readScopeOf(actor: Actor): ReadScope {
  const s = actor.scope;
  switch (actor.role) {
    case Role.ADMIN:
      return s.provinceCode === '*' ? { kind: 'all' } : { kind: 'province', provinceCode: s.provinceCode };
    case Role.PRODUCER:
      if (!s.producerId) throw AppError.forbidden('SCOPE_MISSING', 'this producer account is not linked to a producer');
      return { kind: 'producer', producerId: s.producerId };
    case Role.COMMUNE_OFFICER:
      if (!s.communeCode) throw AppError.forbidden('SCOPE_MISSING', 'this commune officer has no commune');
      return { kind: 'commune', provinceCode: s.provinceCode, communeCode: s.communeCode };
    case Role.DISTRICT_OFFICER:
      if (!s.districtCode) throw AppError.forbidden('SCOPE_MISSING', 'this district officer has no district');
      return { kind: 'district', provinceCode: s.provinceCode, districtCode: s.districtCode };
    default:
      return { kind: 'province', provinceCode: s.provinceCode };
  }
}

/** Whether a record at this place (and of this producer) is inside the scope. */
export function inScope(
  scope: ReadScope,
  r: { provinceCode: string; districtCode?: string | null; communeCode: string; producerId?: string; proposedToUnitCode?: string | null },
): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'province':
      return r.provinceCode === scope.provinceCode;
    case 'district':
      return r.districtCode === scope.districtCode || r.proposedToUnitCode === scope.districtCode;
    case 'commune':
      return r.communeCode === scope.communeCode;
    case 'producer':
      return r.producerId === scope.producerId;
  }
}
