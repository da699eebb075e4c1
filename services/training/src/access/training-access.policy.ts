import { AppError, Role, type Actor } from '@ocop/contracts';
import { coversProvince, spansAllProvinces } from '@ocop/auth';

/** The classes an organiser manages: its province's (the standing office), or its district's (a district office). */
export interface OrganiserScope {
  provinceCode: string;
  districtCode: string | null;
}

export function organiserScope(actor: Actor): OrganiserScope {
  if (spansAllProvinces(actor))
    throw AppError.validation('PROVINCE_REQUIRED', 'a class belongs to one province: use a province account', 'provinceCode');
  if (actor.role === Role.DISTRICT_OFFICER) {
    if (!actor.scope.districtCode) throw AppError.forbidden('SCOPE_MISSING', 'this district officer has no district');
    return { provinceCode: actor.scope.provinceCode, districtCode: actor.scope.districtCode };
  }
  return { provinceCode: actor.scope.provinceCode, districtCode: null };
}

/** Whether an organiser manages a class: the province's office every class of its province, a district office its district's. */
export function manages(actor: Actor, c: { provinceCode: string; districtCode: string | null }): boolean {
  if (actor.role !== Role.PROVINCE_OFFICE && actor.role !== Role.ADMIN && actor.role !== Role.DISTRICT_OFFICER) return false;
  if (!coversProvince(actor, c.provinceCode)) return false;
  return actor.role !== Role.DISTRICT_OFFICER || (actor.scope.districtCode ?? null) === c.districtCode;
}

/** Classes are read by everyone of their province. */
export const classReadable = (actor: Actor, c: { provinceCode: string }): boolean => coversProvince(actor, c.provinceCode);

/** Offices that enrol the officials of their unit and persons they name (consultants, department officials). */
export const isOffice = (actor: Actor): boolean =>
  [Role.COMMUNE_OFFICER, Role.DISTRICT_OFFICER, Role.PROVINCE_OFFICE, Role.ADMIN].includes(actor.role);
