export { hashPassword, verifyPassword, DUMMY_PASSWORD_HASH_PROMISE } from './password';
export { TokenService } from './jwt';
export {
  coversUnit,
  coversProvince,
  spansAllProvinces,
  ownsProducer,
  readScopeOf,
  actsForProducer,
  inScope,
  ALL_PROVINCES,
  NATIONAL_SCOPE,
  NATIONAL_ROLES,
} from './scope';
export type { UnitPath, ReadScope } from './scope';
export { AuthGuard, Roles, RolesOf, Public, CurrentActor } from './guards';
