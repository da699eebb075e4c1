import { Injectable } from '@nestjs/common';
import type { Actor, ListSessionsQuery as ListSessionsRequest, SessionView } from '@ocop/contracts';
import { SessionsRepository } from './sessions.repository';
import { SessionViewBuilder } from './session-view.builder';
import { readerScope } from '../access/scoring-scope.policy';

@Injectable()
export class ListSessionsQuery {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly views: SessionViewBuilder,
  ) {}

  async execute(actor: Actor, q: ListSessionsRequest): Promise<SessionView[]> {
    const out: SessionView[] = [];
    for (const state of await this.sessions.list(readerScope(actor), q)) out.push(await this.views.build(state));
    return out;
  }
}
