/** Injection tokens of the programme process. */
export const PROGRAMME_CONFIG = Symbol('PROGRAMME_CONFIG');
