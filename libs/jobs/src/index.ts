export { JobQueue } from './job-queue';
export type { JobQueueOptions, JobContext, JobHandler, AddJobOptions, Recurrence, SchedulerSpec, SchedulerSource } from './job-queue';
