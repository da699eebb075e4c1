import type { CampaignView } from '@ocop/contracts';
import type { Campaign } from './campaign.entity';

export function campaignView(c: Campaign, taskCount?: number): CampaignView {
  return {
    id: c.id,
    name: c.name,
    legalBasis: c.legalBasis,
    provinceCode: c.provinceCode,
    periodFrom: c.periodFrom.toISOString(),
    periodTo: c.periodTo.toISOString(),
    scope: c.scope,
    rule: c.rule,
    checklist: c.checklist,
    team: c.team,
    origin: c.origin,
    originReference: c.originReference,
    status: c.status,
    selectedAt: c.selectedAt?.toISOString() ?? null,
    taskCount,
  };
}
