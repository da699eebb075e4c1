/** Injection tokens of the certification process. */
export const CERTIFICATION_CONFIG = Symbol('CERTIFICATION_CONFIG');
