import { Injectable } from '@nestjs/common';
import type { Actor, CampaignView } from '@ocop/contracts';
import { provinceScopeOf } from '../province-scope.policy';
import { CampaignsRepository } from './campaigns.repository';
import { campaignView } from './campaign.view';

/** The reader's province's campaigns (every province's for a national admin), newest period first. */
@Injectable()
export class ListCampaignsQuery {
  constructor(private readonly campaigns: CampaignsRepository) {}

  async execute(actor: Actor): Promise<CampaignView[]> {
    return (await this.campaigns.list(provinceScopeOf(actor))).map((c) => campaignView(c, c.taskCount));
  }
}
