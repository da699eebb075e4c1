import { loadServiceConfig, type ServiceConfig } from '@ocop/service-kit';

/** The trade-promotion service's whole configuration, read once at start (no process.env elsewhere). */
export interface TradePromotionConfig extends ServiceConfig {
  /**
   * Agencies whose officers organise the province's trade promotion besides the standing office (agency codes of
   * their accounts, TRADE_PROMOTION_AGENCIES, comma-separated; default `SCT`, Industry and Trade). The lead agency
   * differs by province: this is where a province says which.
   */
  organiserAgencies: string[];
}

export function loadTradePromotionConfig(env: NodeJS.ProcessEnv = process.env): TradePromotionConfig {
  const agencies = (env.TRADE_PROMOTION_AGENCIES ?? 'SCT')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  const bad = agencies.find((a) => !/^[A-Z0-9_-]{2,20}$/.test(a));
  if (bad) throw new Error(`TRADE_PROMOTION_AGENCIES must be agency codes (A–Z, 0–9, 2–20 characters), not ${bad}`);
  return { ...loadServiceConfig(env, 3005), organiserAgencies: agencies };
}
