/** Injection tokens of the trade-promotion process. */
export const TRADE_PROMOTION_CONFIG = Symbol('TRADE_PROMOTION_CONFIG');
