import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, SYSTEM_ACTOR, type CampaignView, type CreateCampaignCommand } from '@ocop/contracts';
import { vietnamDay, vietnamDayStart } from '@ocop/domain';
import { writeAudit } from '@ocop/persistence';
import { ITEM_CODES, campaignNotFound } from '../campaigns/campaign-planning.policy';
import { CampaignsRepository } from '../campaigns/campaigns.repository';
import { CampaignSelectionWorkflow } from '../campaigns/campaign-selection.workflow';
import { campaignView } from '../campaigns/campaign.view';
import { newCampaign } from '../campaigns/campaign.factory';
import { SYSTEM_SCOPE } from '../province-scope.policy';
import { RecurrencesRepository } from './recurrences.repository';

const DAY_MS = 86_400_000;

/**
 * The recurrence's campaign for the period starting on `asOf`'s Vietnam calendar day: created and selected
 * once (unique per recurrence and period start), so a job retried or run twice the same day changes nothing.
 * A RANDOM rule is seeded with the recurrence and the day.
 */
@Injectable()
export class RunRecurrenceUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly recurrences: RecurrencesRepository,
    private readonly campaigns: CampaignsRepository,
    private readonly selection: CampaignSelectionWorkflow,
  ) {}

  async execute(recurrenceId: string, asOf: Date): Promise<CampaignView> {
    const r = await this.recurrences.getForSystem(recurrenceId);
    if (!r) throw AppError.notFound('RECURRENCE_NOT_FOUND', `no recurrence ${recurrenceId}`);
    const day = vietnamDay(asOf);
    const from = vietnamDayStart(day);
    const to = new Date(from.getTime() + r.periodDays * DAY_MS);
    const rule = r.template.rule.kind === 'RANDOM' ? { ...r.template.rule, seed: `${r.id}:${day}` } : r.template.rule;
    const c = {
      ...r.template,
      name: `${r.template.name} (${day})`,
      rule,
      periodFrom: from.toISOString(),
      periodTo: to.toISOString(),
    } as CreateCampaignCommand;
    const id = randomUUID();
    const created = await this.ds.transaction(async (tx) => {
      const inserted = await this.campaigns.insertIfNew(
        tx,
        newCampaign({
          id,
          c,
          provinceCode: r.provinceCode,
          from,
          to,
          checklist: c.checklist ?? ITEM_CODES,
          recurrenceId: r.id,
          by: 'system',
          asOf,
        }),
      );
      if (inserted)
        await writeAudit(tx, {
          actorId: SYSTEM_ACTOR.id,
          actorRole: SYSTEM_ACTOR.role,
          action: 'campaign.create',
          entityType: 'campaign',
          entityId: id,
          details: { recurrenceId: r.id, day },
        });
      return inserted;
    });
    const campaignId = created ? id : await this.campaigns.idOfRecurrencePeriod(r.id, from);
    const current = campaignId ? await this.campaigns.get(SYSTEM_SCOPE, campaignId) : null;
    if (!current) throw campaignNotFound(campaignId ?? id);
    if (current.status !== 'PLANNED') return campaignView(current, current.taskCount);
    await this.ds.transaction((tx) => this.selection.select(tx, SYSTEM_ACTOR, current.id, asOf));
    const selected = await this.campaigns.get(SYSTEM_SCOPE, current.id);
    return campaignView(selected!, selected!.taskCount);
  }
}
