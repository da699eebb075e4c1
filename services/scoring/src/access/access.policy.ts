import { AppError, Role, type Actor } from '@ocop/contracts';
import { actsForProducer, coversProvince, spansAllProvinces } from '@ocop/auth';

/** The administrative unit a council or an evaluation belongs to. */
export interface UnitRef {
  tier: string;
  unitCode: string;
  provinceCode: string;
}

/** Who may set up councils and run their sessions' paperwork: the office of that unit (the ministry's council: a national admin). */
export function canManageUnit(actor: Actor, u: UnitRef): boolean {
  switch (actor.role) {
    case Role.ADMIN:
      return spansAllProvinces(actor) || (u.tier !== 'CENTRAL' && coversProvince(actor, u.provinceCode));
    case Role.PROVINCE_OFFICE:
      return u.tier !== 'CENTRAL' && actor.scope.provinceCode === u.provinceCode;
    case Role.DISTRICT_OFFICER:
      return u.tier === 'DISTRICT' && actor.scope.provinceCode === u.provinceCode && actor.scope.districtCode === u.unitCode;
    default:
      return false;
  }
}

export function assertManages(actor: Actor, u: UnitRef, what: string): void {
  if (!canManageUnit(actor, u))
    throw AppError.forbidden('SCOPE_FORBIDDEN', `${actor.role} ${actor.username} may not manage ${what} of ${u.tier} ${u.unitCode}`);
}

/**
 * Who may read a council, its sessions and the dossiers it evaluates by office: the unit's office, the
 * province's office and agency staff. A council member reads by membership only (the councils they sit on
 * and their sessions), checked by the callers on top of this.
 */
export function canReadUnit(actor: Actor, u: UnitRef): boolean {
  if (canManageUnit(actor, u)) return true;
  if (actor.role === Role.AGENCY_OFFICER || actor.role === Role.PROVINCE_OFFICE) {
    return u.tier === 'CENTRAL' || coversProvince(actor, u.provinceCode);
  }
  return false;
}

/**
 * Evaluations are also readable by the producer they concern, by its commune and district, and by the members
 * of the council whose session has it on the agenda (`memberSessionIds`: the sessions of the member's councils).
 */
export function canReadEvaluation(
  actor: Actor,
  e: UnitRef & { producerId: string; communeCode: string; districtCode: string | null; sessionId: string | null },
  memberSessionIds?: ReadonlySet<string>,
): boolean {
  if (actor.role === Role.PRODUCER || actor.role === Role.CONSULTANT) return actsForProducer(actor) === e.producerId;
  if (actor.role === Role.COMMUNE_OFFICER) return actor.scope.communeCode === e.communeCode;
  if (actor.role === Role.DISTRICT_OFFICER) return actor.scope.districtCode === e.districtCode;
  if (actor.role === Role.COUNCIL_MEMBER) return !!e.sessionId && !!memberSessionIds?.has(e.sessionId);
  return canReadUnit(actor, e);
}
