/** Injection tokens of the registration process. */
export const REGISTRATION_CONFIG = Symbol('REGISTRATION_CONFIG');
