import { Injectable } from '@nestjs/common';
import type { Actor, CampaignView } from '@ocop/contracts';
import { provinceScopeOf } from '../province-scope.policy';
import { CampaignsRepository } from './campaigns.repository';
import { campaignNotFound } from './campaign-planning.policy';
import { campaignView } from './campaign.view';

/** One campaign of the reader's province (or any, for a national admin), with its task count. */
@Injectable()
export class GetCampaignQuery {
  constructor(private readonly campaigns: CampaignsRepository) {}

  async execute(actor: Actor, id: string): Promise<CampaignView> {
    const c = await this.campaigns.get(provinceScopeOf(actor), id);
    if (!c) throw campaignNotFound(id);
    return campaignView(c, c.taskCount);
  }
}
