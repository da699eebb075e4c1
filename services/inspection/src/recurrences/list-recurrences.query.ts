import { Injectable } from '@nestjs/common';
import type { Actor, RecurrenceView } from '@ocop/contracts';
import { provinceScopeOf } from '../province-scope.policy';
import { RecurrencesRepository } from './recurrences.repository';
import { recurrenceView } from './recurrence.view';

/** The province's campaign recurrences (every province's for a national admin), oldest first. */
@Injectable()
export class ListRecurrencesQuery {
  constructor(private readonly recurrences: RecurrencesRepository) {}

  async execute(actor: Actor): Promise<RecurrenceView[]> {
    return (await this.recurrences.list(provinceScopeOf(actor))).map(recurrenceView);
  }
}
