/** Injection tokens of the inspection process. */
export const INSPECTION_CONFIG = Symbol('INSPECTION_CONFIG');
export const RESULT_STORAGE = Symbol('RESULT_STORAGE');
