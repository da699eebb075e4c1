import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Actor, type CampaignView } from '@ocop/contracts';
import { provinceScopeOf } from '../province-scope.policy';
import { CampaignsRepository } from './campaigns.repository';
import { CampaignSelectionWorkflow } from './campaign-selection.workflow';
import { campaignNotFound } from './campaign-planning.policy';
import { campaignView } from './campaign.view';

/** The standing office runs a planned campaign's selection: its tasks are created and it opens. */
@Injectable()
export class SelectCampaignUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly campaigns: CampaignsRepository,
    private readonly selection: CampaignSelectionWorkflow,
  ) {}

  async execute(actor: Actor, campaignId: string, asOf: Date): Promise<CampaignView> {
    await this.ds.transaction((tx) => this.selection.select(tx, actor, campaignId, asOf));
    const c = await this.campaigns.get(provinceScopeOf(actor), campaignId);
    if (!c) throw campaignNotFound(campaignId);
    return campaignView(c, c.taskCount);
  }
}
