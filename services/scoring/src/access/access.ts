import { AppError, Role, type Actor } from '@ocop/contracts';

/** The administrative unit a council or an evaluation belongs to. */
export interface UnitRef {
  tier: string;
  unitCode: string;
  provinceCode: string;
}

const anyProvince = (a: Actor): boolean => a.scope.provinceCode === '*';

/** Who may set up councils and run their sessions' paperwork: the office of that unit (the ministry's council: a national admin). */
export function canManageUnit(actor: Actor, u: UnitRef): boolean {
  switch (actor.role) {
    case Role.ADMIN:
      return anyProvince(actor) || (u.tier !== 'CENTRAL' && actor.scope.provinceCode === u.provinceCode);
    case Role.PROVINCE_OFFICE:
      return u.tier !== 'CENTRAL' && actor.scope.provinceCode === u.provinceCode;
    case Role.DISTRICT_OFFICER:
      return u.tier === 'DISTRICT' && actor.scope.provinceCode === u.provinceCode && actor.scope.districtCode === u.unitCode;
    default:
      return false;
  }
}

export function assertManages(actor: Actor, u: UnitRef, what: string): void {
  if (!canManageUnit(actor, u)) throw AppError.forbidden('SCOPE_FORBIDDEN', `${actor.role} ${actor.username} may not manage ${what} of ${u.tier} ${u.unitCode}`);
}

/** Who may read a council, its sessions and the dossiers it evaluates (members are checked by membership on top). */
export function canReadUnit(actor: Actor, u: UnitRef): boolean {
  if (canManageUnit(actor, u)) return true;
  if (actor.role === Role.COUNCIL_MEMBER || actor.role === Role.AGENCY_OFFICER || actor.role === Role.PROVINCE_OFFICE) {
    return u.tier === 'CENTRAL' || anyProvince(actor) || actor.scope.provinceCode === u.provinceCode;
  }
  return false;
}

/** Evaluations are also readable by the producer they concern and by its commune. */
export function canReadEvaluation(actor: Actor, e: UnitRef & { producerId: string; communeCode: string; districtCode: string | null }): boolean {
  if (actor.role === Role.PRODUCER) return actor.scope.producerId === e.producerId;
  if (actor.role === Role.COMMUNE_OFFICER) return actor.scope.communeCode === e.communeCode;
  if (actor.role === Role.DISTRICT_OFFICER) return actor.scope.districtCode === e.districtCode;
  return canReadUnit(actor, e);
}
