export { JobQueue, serviceJobQueue } from './job-queue';
export type {
  JobQueueOptions,
  JobContext,
  JobHandler,
  AddJobOptions,
  Recurrence,
  SchedulerSpec,
  SchedulerSource,
  ServiceJobsConfig,
} from './job-queue';
