import { Injectable } from '@nestjs/common';
import { CertificationQueue } from '../jobs/certification.queue';

/** The steps that follow a revocation decision: a reminder before the return deadline, then the escalation. */
export type FollowUpStep = 'reminder' | 'deadline';

/** The business key of a revocation's follow-up job: scheduling the same step twice while it waits is a no-op. */
export const followUpJobId = (revocationId: string, step: FollowUpStep): string => `revocation-${revocationId}-${step}`;

/**
 * The delayed jobs of revocation follow-ups. Each acts as of its own due instant, so it does exactly its step
 * even when it runs late; PostgreSQL says what is still due, so a job recreated or run twice changes nothing more.
 */
@Injectable()
export class RevocationTimers {
  constructor(private readonly jobs: CertificationQueue) {}

  async schedule(revocationId: string, steps: { step: FollowUpStep; at: Date }[]): Promise<void> {
    for (const s of steps) await this.add(revocationId, s.step, s.at);
  }

  /** Adds the step's job unless one with its key is still waiting; returns whether it was added. */
  add(revocationId: string, step: FollowUpStep, at: Date): Promise<boolean> {
    return this.jobs.queue.add(
      'revocation-follow-up',
      { revocationId, at: at.toISOString() },
      { jobId: followUpJobId(revocationId, step), runAt: at },
    );
  }

  /** Job ids waiting, delayed or running (to find the ones Redis lost). */
  pendingIds(): Promise<string[]> {
    return this.jobs.queue.pendingIds();
  }
}
