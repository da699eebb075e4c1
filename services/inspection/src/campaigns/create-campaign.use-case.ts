import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, type Actor, type CampaignView, type CreateCampaignCommand } from '@ocop/contracts';
import { UserDirectory } from '@ocop/messaging';
import { writeAudit } from '@ocop/persistence';
import { provinceScopeOf } from '../province-scope.policy';
import { CampaignsRepository } from './campaigns.repository';
import { campaignNotFound, checkTemplate, planningProvince, requireInspectors } from './campaign-planning.policy';
import { newCampaign } from './campaign.factory';
import { campaignView } from './campaign.view';

/**
 * The standing office plans an inspection campaign (hậu kiểm) of its province: period, scope, selection rule,
 * checklist and the team's inspectors.
 */
@Injectable()
export class CreateCampaignUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly campaigns: CampaignsRepository,
    private readonly users: UserDirectory,
  ) {}

  async execute(actor: Actor, c: CreateCampaignCommand, asOf: Date): Promise<CampaignView> {
    const provinceCode = planningProvince(actor);
    const from = new Date(c.periodFrom);
    const to = new Date(c.periodTo);
    if (to.getTime() <= from.getTime()) throw AppError.validation('PERIOD_INVALID', 'periodTo must be after periodFrom', 'periodTo');
    const checklist = checkTemplate(c, true);
    await requireInspectors(this.users, actor, c.team.inspectorUserIds, provinceCode, 'team.inspectorUserIds');
    const id = randomUUID();
    await this.ds.transaction(async (tx) => {
      await this.campaigns.insertIfNew(
        tx,
        newCampaign({ id, c, provinceCode, from, to, checklist, recurrenceId: null, by: actor.username, asOf }),
      );
      await writeAudit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        action: 'campaign.create',
        entityType: 'campaign',
        entityId: id,
        details: { name: c.name, rule: c.rule.kind },
      });
    });
    const created = await this.campaigns.get(provinceScopeOf(actor), id);
    if (!created) throw campaignNotFound(id);
    return campaignView(created, created.taskCount);
  }
}
