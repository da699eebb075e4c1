import { AppError, Role, type Actor } from '@ocop/contracts';

/** Where a record sits in the administrative tree. */
export interface UnitPath {
  provinceCode: string;
  districtCode?: string | null;
  communeCode?: string | null;
}

/**
 * Scope codes beyond a province. ADMIN's `*` is everything (every province and the ministry's tier). A national
 * user (the ministry's council members, central agency staff and labs) has provinceCode `VN`, the code the
 * ministry's tier already carries (CENTRAL councils, authority `VN`): they reach what belongs to the national
 * tier, never a province's records.
 */
export const ALL_PROVINCES = '*';
export const NATIONAL_SCOPE = 'VN';
/** Roles a national (`VN`) account may have. */
export const NATIONAL_ROLES: ReadonlySet<Role> = new Set([Role.COUNCIL_MEMBER, Role.AGENCY_OFFICER, Role.LAB]);

/** Whether the actor's scope is every province (a national admin): the one place that reads the wildcard. */
export function spansAllProvinces(actor: Actor): boolean {
  return actor.role === Role.ADMIN && actor.scope.provinceCode === ALL_PROVINCES;
}

/** Whether the actor's scope is this province or every province. */
export function coversProvince(actor: Actor, provinceCode: string): boolean {
  return spansAllProvinces(actor) || actor.scope.provinceCode === provinceCode;
}

/** Roles that see the whole province they belong to. */
const PROVINCE_WIDE = new Set<Role>([Role.PROVINCE_OFFICE, Role.ADMIN, Role.COUNCIL_MEMBER, Role.AGENCY_OFFICER, Role.INSPECTOR, Role.LAB]);

/**
 * Whether the actor's administrative scope covers a unit: commune officers their commune, district
 * officers their district, province-wide roles their province. Producers are scoped by producer id,
 * not by unit (see `ownsProducer`).
 */
export function coversUnit(actor: Actor, unit: UnitPath): boolean {
  const s = actor.scope;
  if (spansAllProvinces(actor)) return true;
  if (s.provinceCode !== unit.provinceCode) return false;
  switch (actor.role) {
    case Role.COMMUNE_OFFICER:
      return !!s.communeCode && s.communeCode === unit.communeCode;
    case Role.DISTRICT_OFFICER:
      return !!s.districtCode && s.districtCode === unit.districtCode;
    case Role.PRODUCER:
    case Role.CONSULTANT:
      return false;
    default:
      return PROVINCE_WIDE.has(actor.role);
  }
}

/**
 * The producer an actor acts for: a producer's own, or the one a consultant acts for in this request (the gateway
 * sets it only after checking the producer's grant). Null for everyone else.
 */
export function actsForProducer(actor: Actor): string | null {
  return actor.role === Role.PRODUCER || actor.role === Role.CONSULTANT ? (actor.scope.producerId ?? null) : null;
}

export function ownsProducer(actor: Actor, producerId: string): boolean {
  return actsForProducer(actor) === producerId;
}

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
      return spansAllProvinces(actor) ? { kind: 'all' } : { kind: 'province', provinceCode: s.provinceCode };
    case Role.PRODUCER:
      if (!s.producerId) throw AppError.forbidden('SCOPE_MISSING', 'this producer account is not linked to a producer');
      return { kind: 'producer', producerId: s.producerId };
    case Role.CONSULTANT:
      if (!s.producerId)
        throw AppError.forbidden(
          'SCOPE_MISSING',
          'name the producer you act for in the X-On-Behalf-Of header (a producer that granted you access)',
        );
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
