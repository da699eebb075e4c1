import { Injectable } from '@nestjs/common';
import { DEFAULT_PAGE, type Actor, type CouncilView, type ListCouncilsQuery as ListCouncilsRequest } from '@ocop/contracts';
import { CouncilsRepository } from './councils.repository';
import { councilView } from './council.view';
import { POLICY_CHECKED, readerScope } from '../access/scoring-scope.policy';

/** The councils the actor may read, newest first: filtered by scope, then paged, so a page never comes out short. */
@Injectable()
export class ListCouncilsQuery {
  constructor(private readonly councils: CouncilsRepository) {}

  async execute(actor: Actor, q: ListCouncilsRequest): Promise<CouncilView[]> {
    const offset = q.offset ?? DEFAULT_PAGE.offset;
    const page = (await this.councils.list(readerScope(actor), q)).slice(offset, offset + (q.limit ?? DEFAULT_PAGE.limit));
    // Each council of the page was read in the actor's scope just above.
    return Promise.all(page.map(async (c) => councilView((await this.councils.get(POLICY_CHECKED, c.id))!)));
  }
}
