import { loadServiceConfig, type ServiceConfig } from '@ocop/service-kit';

/** The programme service's whole configuration, read once at start (no process.env elsewhere). */
export interface ProgrammeConfig extends ServiceConfig {
  redisUrl: string;
  redisPrefix: string;
  /** This process declares the recurring jobs (exactly one process does, or every one upserts the same; all run workers). */
  schedulerOwner: boolean;
  /** Cron pattern of the daily sweep of reports' reminders (Vietnam time; REPORT_REMINDER_CRON). */
  reportReminderCron: string;
  jobStalledIntervalMs?: number;
  jobLockDurationMs?: number;
}

export function loadProgrammeConfig(env: NodeJS.ProcessEnv = process.env): ProgrammeConfig {
  return {
    ...loadServiceConfig(env, 3007),
    redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    redisPrefix: env.REDIS_PREFIX ?? 'ocop',
    schedulerOwner: (env.JOBS_SCHEDULER_OWNER ?? 'true') === 'true',
    reportReminderCron: env.REPORT_REMINDER_CRON ?? '0 1 * * *',
  };
}
