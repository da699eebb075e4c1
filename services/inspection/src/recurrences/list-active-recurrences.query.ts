import { Injectable } from '@nestjs/common';
import { RecurrencesRepository } from './recurrences.repository';

/** Every active recurrence (PostgreSQL is the truth), for the owner's job schedulers. */
@Injectable()
export class ListActiveRecurrencesQuery {
  constructor(private readonly recurrences: RecurrencesRepository) {}

  execute(): Promise<{ id: string; cron: string }[]> {
    return this.recurrences.activeForSystem();
  }
}
