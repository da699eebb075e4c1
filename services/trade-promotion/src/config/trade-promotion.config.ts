import { intSetting, loadServiceConfig, type ServiceConfig } from '@ocop/service-kit';

/** The trade-promotion service's whole configuration, read once at start (no process.env elsewhere). */
export interface TradePromotionConfig extends ServiceConfig {
  /**
   * Agencies whose officers organise the province's trade promotion besides the standing office (agency codes of
   * their accounts, TRADE_PROMOTION_AGENCIES, comma-separated; default `SCT`, Industry and Trade). The lead agency
   * differs by province: this is where a province says which.
   */
  organiserAgencies: string[];
  redisUrl: string;
  redisPrefix: string;
  /** This process declares the recurring jobs (exactly one process does; every one runs workers). */
  schedulerOwner: boolean;
  /** Months a supported sales point must keep operating, from the support (SALES_POINT_OBLIGATION_MONTHS, 24: 950/QĐ-BCT's two years). */
  obligationMonths: number;
  /** Days before the obligation's end at which the operator is reminded, once each (SALES_POINT_REMINDER_DAYS, `90,30`). */
  reminderDaysBefore: number[];
  /** Cron pattern of the daily reminder sweep (Vietnam time). */
  reminderCron: string;
  jobStalledIntervalMs?: number;
  jobLockDurationMs?: number;
}

const list = (v: string | undefined, fallback: string): string[] =>
  (v ?? fallback)
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);

export function loadTradePromotionConfig(env: NodeJS.ProcessEnv = process.env): TradePromotionConfig {
  const agencies = list(env.TRADE_PROMOTION_AGENCIES, 'SCT');
  const bad = agencies.find((a) => !/^[A-Z0-9_-]{2,20}$/.test(a));
  if (bad) throw new Error(`TRADE_PROMOTION_AGENCIES must be agency codes (A–Z, 0–9, 2–20 characters), not ${bad}`);
  const days = list(env.SALES_POINT_REMINDER_DAYS, '90,30').map(Number);
  if (!days.length || days.some((d) => !Number.isInteger(d) || d < 1 || d > 3650))
    throw new Error('SALES_POINT_REMINDER_DAYS must be whole numbers of days from 1 to 3650, comma-separated');
  return {
    ...loadServiceConfig(env, 3005),
    organiserAgencies: agencies,
    redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    redisPrefix: env.REDIS_PREFIX ?? 'ocop',
    schedulerOwner: (env.JOBS_SCHEDULER_OWNER ?? 'true') === 'true',
    obligationMonths: intSetting(env, 'SALES_POINT_OBLIGATION_MONTHS', 24, 1),
    reminderDaysBefore: [...new Set(days)].sort((a, b) => b - a),
    reminderCron: env.SALES_POINT_REMINDER_CRON ?? '0 2 * * *',
  };
}
