import { Injectable } from '@nestjs/common';
import { AppError, type Actor, type SessionView } from '@ocop/contracts';
import { SessionsRepository } from './sessions.repository';
import { SessionViewBuilder } from './session-view.builder';
import { readerScope } from '../access/scoring-scope.policy';

@Injectable()
export class GetSessionQuery {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly views: SessionViewBuilder,
  ) {}

  async execute(actor: Actor, id: string): Promise<SessionView> {
    const state = await this.sessions.getState(readerScope(actor), id);
    if (!state) throw AppError.notFound('SESSION_NOT_FOUND', 'no such session');
    return this.views.build(state);
  }
}
