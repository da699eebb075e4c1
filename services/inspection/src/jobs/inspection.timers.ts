import { Injectable } from '@nestjs/common';
import type { SchedulerSpec } from '@ocop/jobs';
import type { StageTimers } from '../samples/sample.view';
import { InspectionQueue } from './inspection.queue';

/** A campaign recurrence as a BullMQ job scheduler (Vietnam time). */
export const recurrenceScheduler = (r: { id: string; cron: string }): SchedulerSpec<{ recurrenceId: string }> => ({
  id: `campaign-recurrence-${r.id}`,
  recurrence: { pattern: r.cron, tz: 'Asia/Ho_Chi_Minh' },
  name: 'campaign-recurrence',
  data: { recurrenceId: r.id },
});

/** The business key of a sample stage's reminder or escalation job. */
export const stageTimerJobId = (t: StageTimers, kind: string): string => `sample-${t.sampleId}-${t.stage}-${kind}`;

/**
 * The timers inspection's use cases set: per sample stage a reminder and an escalation job, each acting as of
 * its own due instant, and a campaign recurrence's scheduler. PostgreSQL stays the truth: a timer run twice, or
 * recreated after Redis lost it, changes nothing more.
 */
@Injectable()
export class InspectionTimers {
  constructor(private readonly jobs: InspectionQueue) {}

  async scheduleStage(t: StageTimers): Promise<void> {
    await this.addStage(t, 'reminder', t.reminderAt);
    await this.addStage(t, 'escalation', t.escalationAt);
  }

  /** Adds the stage's job unless one with its key is still waiting; returns whether it was added. */
  addStage(t: StageTimers, kind: 'reminder' | 'escalation', at: Date): Promise<boolean> {
    return this.jobs.queue.add(
      'sample-follow-up',
      { sampleId: t.sampleId, at: at.toISOString() },
      { jobId: stageTimerJobId(t, kind), runAt: at },
    );
  }

  /** Creates or updates a recurrence's job scheduler (an invalid cron pattern is refused here). */
  async upsertRecurrence(r: { id: string; cron: string }): Promise<void> {
    const s = recurrenceScheduler(r);
    await this.jobs.queue.upsertScheduler(s.id, s.recurrence, s.name, s.data);
  }

  pendingIds(): Promise<string[]> {
    return this.jobs.queue.pendingIds();
  }
}
