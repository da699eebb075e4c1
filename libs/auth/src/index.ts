export { hashPassword, verifyPassword, DUMMY_PASSWORD_HASH_PROMISE } from './password';
export { TokenService } from './jwt';
export { coversUnit, ownsProducer, ALL_PROVINCES, NATIONAL_SCOPE, NATIONAL_ROLES } from './scope';
export type { UnitPath } from './scope';
export { AuthGuard, Roles, Public, CurrentActor } from './guards';
