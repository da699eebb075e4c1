import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Tx } from '@ocop/persistence';
import { ParticipationResult } from './participation-result.entity';

@Injectable()
export class ParticipationResultsRepository {
  constructor(private readonly ds: DataSource) {}

  lock(tx: Tx, applicationId: string): Promise<ParticipationResult | null> {
    return tx.findOne(ParticipationResult, { where: { applicationId }, lock: { mode: 'pessimistic_write' } });
  }

  async save(tx: Tx, r: ParticipationResult, isNew: boolean): Promise<void> {
    if (isNew) await tx.insert(ParticipationResult, r);
    else await tx.update(ParticipationResult, { applicationId: r.applicationId }, r);
  }

  ofEvent(eventId: string): Promise<ParticipationResult[]> {
    return this.ds.manager.find(ParticipationResult, { where: { eventId }, order: { reportedAt: 'ASC' } });
  }
}
