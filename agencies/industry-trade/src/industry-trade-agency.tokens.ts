/** The token of the service's IndustryTradeAgencyConfig. */
export const INDUSTRY_TRADE_AGENCY_CONFIG = Symbol('INDUSTRY_TRADE_AGENCY_CONFIG');
