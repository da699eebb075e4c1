import type { CreateCampaignCommand } from '@ocop/contracts';
import { Campaign } from './campaign.entity';

/** A PLANNED campaign from its command (planned by the office, by a recurrence, or opened by an agency's report). */
export function newCampaign(x: {
  id: string;
  c: CreateCampaignCommand;
  provinceCode: string;
  from: Date;
  to: Date;
  checklist: string[];
  recurrenceId: string | null;
  by: string;
  asOf: Date;
}): Campaign {
  return Object.assign(new Campaign(), {
    id: x.id,
    name: x.c.name,
    legalBasis: x.c.legalBasis,
    provinceCode: x.provinceCode,
    periodFrom: x.from,
    periodTo: x.to,
    scope: x.c.scope,
    rule: x.c.rule,
    checklist: x.checklist,
    team: x.c.team,
    origin: x.c.origin ?? 'PLANNED',
    originReference: x.c.originReference ?? null,
    status: 'PLANNED',
    selectedAt: null,
    createdBy: x.by,
    createdAt: x.asOf,
    recurrenceId: x.recurrenceId,
  });
}
