import type { ClassConstructor } from 'class-transformer';
import { IsOptional, IsUUID } from 'class-validator';
import { IsInstant } from './validation';

/**
 * A job that acts as of an instant when it names one (an admin's run, a test), else as of when it runs; also the data of
 * jobs that read everything they need from the database (a class with no validated property is refused by class-validator).
 */
export class AsOfJob {
  @IsOptional() @IsInstant() asOf?: string;
}

/** One revocation's follow-up step, due at `at` (it acts as of then, even when it runs late). */
export class RevocationFollowUpJob {
  @IsUUID() revocationId: string;
  @IsInstant() at: string;
}

/** One sample's follow-up step, due at `at`. */
export class SampleFollowUpJob {
  @IsUUID() sampleId: string;
  @IsInstant() at: string;
}

/** One run of a campaign recurrence (its scheduler fires it). */
export class CampaignRecurrenceJob {
  @IsUUID() recurrenceId: string;
}

/**
 * Every service queue's job names and the class each job's data is validated into: a handler for a name not listed
 * here, two handlers for one name, or a listed name without a handler stops the process at start-up, and a job
 * whose data its class refuses fails at once, without retries.
 */
export const JOB_REGISTRY = {
  certification: {
    'expiry-sweep': AsOfJob,
    'revocation-follow-ups': AsOfJob,
    'revocation-follow-up': RevocationFollowUpJob,
    'notifications-dispatch': AsOfJob,
  },
  inspection: {
    'sample-follow-ups': AsOfJob,
    'sample-follow-up': SampleFollowUpJob,
    'violation-follow-ups': AsOfJob,
    'campaign-recurrence': CampaignRecurrenceJob,
  },
  'trade-promotion': {
    'sales-point-reminders': AsOfJob,
  },
  registration: {
    'agency-follow-ups': AsOfJob,
  },
  programme: {
    'report-reminders': AsOfJob,
  },
  scoring: {
    'written-consultation-reminders': AsOfJob,
  },
} as const satisfies Record<string, Record<string, ClassConstructor<object>>>;

export type JobQueueName = keyof typeof JOB_REGISTRY;
/** The data of a job, by queue and name. */
export type JobData<Q extends JobQueueName, N extends keyof (typeof JOB_REGISTRY)[Q]> = InstanceType<
  (typeof JOB_REGISTRY)[Q][N] & ClassConstructor<object>
>;
