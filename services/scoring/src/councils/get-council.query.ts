import { Injectable } from '@nestjs/common';
import { AppError, type Actor, type CouncilView } from '@ocop/contracts';
import { CouncilsRepository } from './councils.repository';
import { councilView } from './council.view';
import { readerScope } from '../access/scoring-scope.policy';

@Injectable()
export class GetCouncilQuery {
  constructor(private readonly councils: CouncilsRepository) {}

  async execute(actor: Actor, id: string): Promise<CouncilView> {
    const loaded = await this.councils.get(readerScope(actor), id);
    if (!loaded) throw AppError.notFound('COUNCIL_NOT_FOUND', 'no such council');
    return councilView(loaded);
  }
}
