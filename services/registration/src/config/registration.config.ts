import { intSetting, loadServiceConfig, type ServiceConfig } from '@ocop/service-kit';

/** The registration service's whole configuration, read once at start (no process.env elsewhere). */
export interface RegistrationConfig extends ServiceConfig {
  /** Load the Thanh Hóa demo data into an empty database (never in production). */
  demoData: boolean;
  redisUrl: string;
  redisPrefix: string;
  /** This process declares the recurring jobs (exactly one process does; every one runs workers). */
  schedulerOwner: boolean;
  /** Days before a required opinion's or a guidance question's due time at which its agency is reminded, once (AGENCY_REMINDER_DAYS, 2). */
  agencyReminderDaysBefore: number;
  /** Days an agency has to answer a guidance question (GUIDANCE_ANSWER_DAYS, 7). */
  guidanceAnswerDays: number;
  /** Cron pattern of the sweep of agencies' reminders and escalations (Vietnam time; AGENCY_FOLLOW_UP_CRON, hourly). */
  agencyFollowUpCron: string;
  jobStalledIntervalMs?: number;
  jobLockDurationMs?: number;
}

export function loadRegistrationConfig(env: NodeJS.ProcessEnv = process.env): RegistrationConfig {
  const base = loadServiceConfig(env, 3001);
  return {
    ...base,
    demoData: base.mode !== 'production' && env.OCOP_DEMO_DATA === 'true',
    redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    redisPrefix: env.REDIS_PREFIX ?? 'ocop',
    schedulerOwner: (env.JOBS_SCHEDULER_OWNER ?? 'true') === 'true',
    agencyReminderDaysBefore: intSetting(env, 'AGENCY_REMINDER_DAYS', 2, 0),
    guidanceAnswerDays: intSetting(env, 'GUIDANCE_ANSWER_DAYS', 7, 1),
    agencyFollowUpCron: env.AGENCY_FOLLOW_UP_CRON ?? '15 * * * *',
  };
}
