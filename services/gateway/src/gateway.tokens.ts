export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
export const OBJECT_STORAGE = Symbol('OBJECT_STORAGE');
export const LOGGER = Symbol('LOGGER');
export const VERIFICATION_CACHE = Symbol('VERIFICATION_CACHE');
