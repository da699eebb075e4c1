import { AppError, Role, type Actor } from '@ocop/contracts';
import { coversProvince, readScopeOf, spansAllProvinces, type ReadScope } from '@ocop/auth';
import type { TradePromotionConfig } from '../config/trade-promotion.config';

/**
 * Who organises: the standing office (or an admin) of a province, and officers of the agencies the province's
 * configuration names (TRADE_PROMOTION_AGENCIES). Roles are checked at the edge; this checks the agency and the
 * province. A national admin must act through a province's account: an event belongs to one province.
 */
export function organiserProvince(actor: Actor, config: Pick<TradePromotionConfig, 'organiserAgencies'>): string {
  if (actor.role === Role.AGENCY_OFFICER && !config.organiserAgencies.includes(actor.scope.agencyCode ?? ''))
    throw AppError.forbidden(
      'NOT_AN_ORGANISER',
      `agency ${actor.scope.agencyCode ?? '(none)'} does not organise trade promotion in this province (organisers: the standing office, ${config.organiserAgencies.join(', ')})`,
    );
  if (spansAllProvinces(actor))
    throw AppError.validation('PROVINCE_REQUIRED', 'an event belongs to one province: use a province account', 'provinceCode');
  return actor.scope.provinceCode;
}

/** Whether the actor organises (the office, an admin, or an officer of an agency the province names). */
export const isOrganiser = (actor: Actor, config: Pick<TradePromotionConfig, 'organiserAgencies'>): boolean =>
  isOrganiserRole(actor) && (actor.role !== Role.AGENCY_OFFICER || config.organiserAgencies.includes(actor.scope.agencyCode ?? ''));

/** Whether the actor reads the whole province's applications (an organiser), rather than its own producer's or units'. */
export const isOrganiserRole = (actor: Actor): boolean =>
  actor.role === Role.PROVINCE_OFFICE || actor.role === Role.ADMIN || actor.role === Role.AGENCY_OFFICER;

/** The events a reader sees: its province's (a national admin: every province's). */
export const eventReadable = (actor: Actor, e: { provinceCode: string }): boolean => coversProvince(actor, e.provinceCode);

/**
 * Whose applications a reader sees: an organiser its province's (its agency checked), a district or commune officer its
 * unit's producers', a producer its own (libs/auth's ReadScope).
 */
export function applicationReadScope(actor: Actor, config: Pick<TradePromotionConfig, 'organiserAgencies'>): ReadScope {
  return isOrganiserRole(actor) ? { kind: 'province', provinceCode: organiserProvince(actor, config) } : readScopeOf(actor);
}
