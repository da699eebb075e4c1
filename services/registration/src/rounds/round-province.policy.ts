import { AppError, type Actor } from '@ocop/contracts';
import { spansAllProvinces } from '@ocop/auth';
import type { UnitsRepository } from '../units/units.repository';
import type { RoundScope } from './rounds.repository';

/**
 * The province a round request is about: a national admin names it (a province among the units); everyone else
 * works in their own province, and naming another one is refused.
 */
export async function roundProvince(actor: Actor, named: string | undefined, units: UnitsRepository): Promise<string> {
  if (!spansAllProvinces(actor)) {
    if (named && named !== actor.scope.provinceCode)
      throw AppError.forbidden('OUT_OF_SCOPE', `you work in province ${actor.scope.provinceCode}, not ${named}`);
    return actor.scope.provinceCode;
  }
  if (!named) throw AppError.rule('PROVINCE_REQUIRED', 'a round belongs to a province: name it (provinceCode)', 'provinceCode');
  const unit = await units.find(named);
  if (!unit || unit.level !== 'PROVINCE')
    throw AppError.rule('UNIT_UNKNOWN', `no province ${named} among the administrative units`, 'provinceCode');
  return named;
}

/** Whose rounds a list shows: every province's for a national admin who names none, else the one province `roundProvince` gives. */
export async function roundListScope(actor: Actor, named: string | undefined, units: UnitsRepository): Promise<RoundScope> {
  if (spansAllProvinces(actor) && !named) return { kind: 'all' };
  return { kind: 'province', provinceCode: await roundProvince(actor, named, units) };
}
