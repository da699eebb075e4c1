export { JobQueue } from './job-queue';
export type { JobQueueOptions, JobContext, JobHandler, AddJobOptions, Recurrence } from './job-queue';
