import { intSetting, loadServiceConfig, type ServiceConfig } from '@ocop/service-kit';
import type { DistrictTransition } from '@ocop/domain';

/** The scoring service's whole configuration, read once at start (no process.env elsewhere). */
export interface ScoringConfig extends ServiceConfig {
  /** Folder of criteria catalogue files (*.json) imported at start when their content is new; default data/criteria. */
  criteriaDir: string | null;
  /**
   * The 2025 calendar's transitional rule (inferred, DOMAIN.md): from 01/07/2025 the province certifies the 3★ a district
   * would have for a "148" dossier moved to it (DISTRICT_TRANSITION_PROVINCE_CERTIFIES, default true).
   */
  districtTransition: DistrictTransition;
  /**
   * Whether a council's "certify" outcome scored against a PROVISIONAL catalogue revision becomes a certificate
   * (ALLOW_PROVISIONAL_CERTIFICATION, default false). When not allowed the evaluation completes with outcome
   * NO_CERTIFICATE and withheldReason PROVISIONAL_CRITERIA (its stars are recorded as indicative).
   */
  allowProvisionalCertification: boolean;
  /** The BullMQ queue of scoring's jobs (REDIS_URL, REDIS_PREFIX). */
  redisUrl: string;
  redisPrefix: string;
  /** This process declares the recurring jobs (JOBS_SCHEDULER_OWNER, default true; every process runs the workers). */
  schedulerOwner: boolean;
  /**
   * Hours before a written consultation's deadline from which its members with sheets missing are reminded, once
   * (WRITTEN_CONSULTATION_REMINDER_HOURS, default 48).
   */
  writtenConsultationReminderHours: number;
  /** Cron pattern of the sweep of written consultations' reminders and escalations (Vietnam time; WRITTEN_CONSULTATION_CRON, hourly). */
  writtenConsultationCron: string;
  jobStalledIntervalMs?: number;
  jobLockDurationMs?: number;
}

function flag(value: string | undefined, name: string, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new Error(`${name} must be true or false, got "${value}"`);
}

export function loadScoringConfig(env: NodeJS.ProcessEnv = process.env): ScoringConfig {
  return {
    ...loadServiceConfig(env, 3002),
    criteriaDir: env.CRITERIA_DIR || null,
    districtTransition: {
      provinceCertifiesDistrictStars: flag(env.DISTRICT_TRANSITION_PROVINCE_CERTIFIES, 'DISTRICT_TRANSITION_PROVINCE_CERTIFIES', true),
    },
    allowProvisionalCertification: flag(env.ALLOW_PROVISIONAL_CERTIFICATION, 'ALLOW_PROVISIONAL_CERTIFICATION', false),
    redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    redisPrefix: env.REDIS_PREFIX ?? 'ocop',
    schedulerOwner: flag(env.JOBS_SCHEDULER_OWNER, 'JOBS_SCHEDULER_OWNER', true),
    writtenConsultationReminderHours: intSetting(env, 'WRITTEN_CONSULTATION_REMINDER_HOURS', 48, 0),
    writtenConsultationCron: env.WRITTEN_CONSULTATION_CRON ?? '20 * * * *',
  };
}
