import type { NationalProvince } from '@ocop/messaging';
import { intSetting, loadServiceConfig, type ServiceConfig } from '@ocop/service-kit';

/** The programme service's whole configuration, read once at start (no process.env elsewhere). */
export interface ProgrammeConfig extends ServiceConfig {
  redisUrl: string;
  redisPrefix: string;
  /** This process declares the recurring jobs (exactly one process does, or every one upserts the same; all run workers). */
  schedulerOwner: boolean;
  /** Cron pattern of the daily sweep of reports' reminders (Vietnam time; REPORT_REMINDER_CRON). */
  reportReminderCron: string;
  /**
   * national-hub mode: the provinces whose forwarded dossiers and annual figures this platform (the ministry's hub)
   * receives over NATS leaf nodes (NATIONAL_HUB_PROVINCES, `domain[:stream[:prefix]]` comma-separated, e.g.
   * `province38:OCOP_EVENTS:ocop`; deploy/nats/national-hub.md). Empty: a province's platform.
   */
  nationalHubProvinces: NationalProvince[];
  /** The hub's national stream (NATIONAL_STREAM, default NATIONAL). */
  nationalStream: string;
  /** How often the hub reads what arrived (NATIONAL_HUB_POLL_MS, 2000). */
  nationalHubPollMs: number;
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
    nationalHubProvinces: (env.NATIONAL_HUB_PROVINCES ?? '')
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean)
      .map((x) => {
        const [domain, stream, prefix] = x.split(':');
        if (!/^[A-Za-z0-9][A-Za-z0-9-]{0,31}$/.test(domain ?? ''))
          throw new Error(`NATIONAL_HUB_PROVINCES: ${x} must be domain[:stream[:prefix]], the domain letters, digits and -`);
        return { domain: domain!, ...(stream ? { stream } : {}), ...(prefix ? { prefix } : {}) };
      }),
    nationalStream: env.NATIONAL_STREAM ?? 'NATIONAL',
    nationalHubPollMs: intSetting(env, 'NATIONAL_HUB_POLL_MS', 2000, 100),
  };
}
