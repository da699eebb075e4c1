export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
export const OBJECT_STORAGE = Symbol('OBJECT_STORAGE');
export const VERIFICATION_CACHE = Symbol('VERIFICATION_CACHE');
export const SHOWCASE_CACHE = Symbol('SHOWCASE_CACHE');
