import { Injectable } from '@nestjs/common';
import type { FollowUpStep } from './revocation.timers';
import { RevocationsRepository } from './revocations.repository';

/** Revocations still waiting for a follow-up step, for the sweep that recreates missing jobs (a system read). */
@Injectable()
export class ListPendingFollowUpsQuery {
  constructor(private readonly revocations: RevocationsRepository) {}

  async execute(): Promise<{ id: string; steps: { step: FollowUpStep; at: Date }[] }[]> {
    const rows = await this.revocations.listAwaitingReturnForSystem();
    return rows.map((r) => ({
      id: r.id,
      steps: [
        ...(r.reminderSentAt ? [] : [{ step: 'reminder' as const, at: r.reminderDueAt as Date }]),
        { step: 'deadline' as const, at: r.returnDeadline as Date },
      ],
    }));
  }
}
