import { Role, type Actor } from '@ocop/contracts';

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

/** Roles that see the whole province they belong to. */
const PROVINCE_WIDE = new Set<Role>([Role.PROVINCE_OFFICE, Role.ADMIN, Role.COUNCIL_MEMBER, Role.AGENCY_OFFICER, Role.INSPECTOR, Role.LAB]);

/**
 * Whether the actor's administrative scope covers a unit: commune officers their commune, district
 * officers their district, province-wide roles their province. Producers are scoped by producer id,
 * not by unit (see `ownsProducer`).
 */
export function coversUnit(actor: Actor, unit: UnitPath): boolean {
  const s = actor.scope;
  if (actor.role === Role.ADMIN && s.provinceCode === ALL_PROVINCES) return true;
  if (s.provinceCode !== unit.provinceCode) return false;
  switch (actor.role) {
    case Role.COMMUNE_OFFICER:
      return !!s.communeCode && s.communeCode === unit.communeCode;
    case Role.DISTRICT_OFFICER:
      return !!s.districtCode && s.districtCode === unit.districtCode;
    case Role.PRODUCER:
      return false;
    default:
      return PROVINCE_WIDE.has(actor.role);
  }
}

export function ownsProducer(actor: Actor, producerId: string): boolean {
  return actor.role === Role.PRODUCER && actor.scope.producerId === producerId;
}
