import { AppError, Role, type Actor } from '@ocop/contracts';
import { spansAllProvinces } from '@ocop/auth';

/** Whose rewards and support applications a list shows: a province's, a district's, a producer's. */
export type SupportScope = { provinceCode?: string; districtCode?: string; producerId?: string };

/** A producer its own, a district officer its district's, the office and an admin their province's, a national admin all. */
export function supportScope(actor: Actor): SupportScope {
  if (actor.role === Role.PRODUCER) {
    if (!actor.scope.producerId) throw AppError.forbidden('SCOPE_MISSING', 'this producer account is not linked to a producer');
    return { producerId: actor.scope.producerId };
  }
  if (actor.role === Role.DISTRICT_OFFICER)
    return { provinceCode: actor.scope.provinceCode, districtCode: actor.scope.districtCode ?? '-' };
  return spansAllProvinces(actor) ? {} : { provinceCode: actor.scope.provinceCode };
}
