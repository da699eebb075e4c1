import { AppError, Role, type Actor } from '@ocop/contracts';
import { Tier, districtTierActs } from '@ocop/domain';
import type { SessionState } from './session-state.policy';
import { canManageUnit } from '../access/access.policy';

/** No district council meets on or after 01/07/2025 (the 2025 legal calendar): its dossiers are the province's. */
export function assertTierActs(tier: string, asOf: Date): void {
  if (tier === Tier.DISTRICT && !districtTierActs(asOf)) {
    throw AppError.rule(
      'DISTRICT_TIER_CEASED',
      "district councils and People's Committees ceased on 01/07/2025; dossiers waiting at a district are evaluated by the province",
    );
  }
}

/** The office of the council's unit, or the council's secretary. */
export function isOrganiser(actor: Actor, state: SessionState): boolean {
  if (canManageUnit(actor, state.council.council)) return true;
  return actor.role === Role.COUNCIL_MEMBER && state.secretary()?.userId === actor.id;
}

export function assertOrganiser(actor: Actor, state: SessionState): void {
  if (!isOrganiser(actor, state))
    throw AppError.forbidden('SESSION_ORGANISER_ONLY', "only the council's secretary or the office of its unit may do this");
}
