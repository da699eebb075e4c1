import { intSetting, loadServiceConfig, type ServiceConfig } from '@ocop/service-kit';

/** The inspection service's whole configuration, read once at start (no process.env elsewhere). */
export interface InspectionConfig extends ServiceConfig {
  redisUrl: string;
  redisPrefix: string;
  /** Where result sheets are stored (the same store as the gateway's uploads). */
  storageDir: string;
  /** Signs lab credentials (HS256, ≥ 32 bytes); required in production. */
  labCredentialSecret: string;
  /** Hours the office has to collect a requested sample, to dispatch a collected one, and the courier to deliver it. */
  collectHours: number;
  dispatchHours: number;
  receiveHours: number;
  /** Hours before a stage's due time at which the one responsible is reminded. */
  reminderHoursBefore: number;
  /** Days a producer has to correct a major / minor finding before the follow-up. */
  correctiveDaysMajor: number;
  correctiveDaysMinor: number;
  schedulerOwner: boolean;
  /** Register the demo lab LAB01 (the demo `lab` user's) in an empty lab register (never in production). */
  demoData: boolean;
  /** Cron pattern of the follow-up sweep (Vietnam time). */
  followUpCron: string;
  jobStalledIntervalMs?: number;
  jobLockDurationMs?: number;
}

const int = intSetting;

export function loadInspectionConfig(env: NodeJS.ProcessEnv = process.env): InspectionConfig {
  const base = loadServiceConfig(env, 3004);
  const secret = env.LAB_CREDENTIAL_SECRET ?? (base.mode === 'production' ? '' : 'development-only-lab-credential-secret-0123456789');
  if (Buffer.byteLength(secret) < 32) throw new Error('LAB_CREDENTIAL_SECRET must be at least 32 bytes (required in production)');
  return {
    ...base,
    redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    redisPrefix: env.REDIS_PREFIX ?? 'ocop',
    storageDir: env.STORAGE_DIR ?? 'var/storage',
    labCredentialSecret: secret,
    collectHours: int(env, 'SAMPLE_COLLECT_HOURS', 72, 1),
    dispatchHours: int(env, 'SAMPLE_DISPATCH_HOURS', 48, 1),
    receiveHours: int(env, 'SAMPLE_RECEIVE_HOURS', 48, 1),
    reminderHoursBefore: int(env, 'SAMPLE_REMINDER_HOURS_BEFORE', 24, 0),
    correctiveDaysMajor: int(env, 'CORRECTIVE_DAYS_MAJOR', 30, 1),
    correctiveDaysMinor: int(env, 'CORRECTIVE_DAYS_MINOR', 60, 1),
    schedulerOwner: (env.JOBS_SCHEDULER_OWNER ?? 'true') === 'true',
    demoData: base.mode !== 'production' && env.OCOP_DEMO_DATA === 'true',
    followUpCron: env.SAMPLE_FOLLOW_UP_CRON ?? '0 * * * *',
  };
}
