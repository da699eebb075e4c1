import { Injectable } from '@nestjs/common';
import { AppError, InspectionEvents as E, type Actor } from '@ocop/contracts';
import { inScope, selectCertificates, type CampaignScope, type RiskWeights, type SelectionRule } from '@ocop/domain';
import { EventOutbox } from '@ocop/messaging';
import { writeAudit, type Tx } from '@ocop/persistence';
import { provinceScopeOf } from '../province-scope.policy';
import { CertificatePoolRepository } from '../certificate-pool/certificate-pool.repository';
import { TasksRepository } from '../tasks/tasks.repository';
import { CampaignsRepository } from './campaigns.repository';
import { campaignNotFound } from './campaign-planning.policy';

/**
 * Selects a planned campaign's certificates (active, in scope, in its province) by its rule as of the period's
 * start and creates one task each, assigned round-robin to the team's inspectors and due at the period's end.
 * Run by the office, by a recurrence's job and for an agency's report, in the caller's transaction.
 */
@Injectable()
export class CampaignSelectionWorkflow {
  constructor(
    private readonly campaigns: CampaignsRepository,
    private readonly pool: CertificatePoolRepository,
    private readonly tasks: TasksRepository,
    private readonly outbox: EventOutbox,
  ) {}

  async select(tx: Tx, actor: Actor, campaignId: string, asOf: Date): Promise<void> {
    const c = await this.campaigns.getForUpdate(tx, provinceScopeOf(actor), campaignId);
    if (!c) throw campaignNotFound(campaignId);
    if (c.status !== 'PLANNED') throw AppError.conflict('CAMPAIGN_NOT_PLANNED', `campaign ${c.name} is ${c.status}`);
    const pool = await this.pool.riskPool(tx, c.provinceCode, c.periodFrom);
    const scope: CampaignScope = {
      ...c.scope,
      issuedBefore: c.scope.issuedBefore ? new Date(c.scope.issuedBefore) : undefined,
    };
    const scoped = pool.filter((p) => inScope(p, scope, c.periodFrom));
    const rule = (
      c.rule.kind === 'RISK'
        ? { kind: 'RISK', share: c.rule.share, weights: c.rule.weights as Partial<RiskWeights> | undefined }
        : c.rule.kind === 'RANDOM'
          ? { kind: 'RANDOM', share: c.rule.share, seed: c.rule.seed }
          : { kind: 'ALL' }
    ) as SelectionRule;
    const selected = selectCertificates(scoped, rule, c.periodFrom);
    // A campaign opened by an event has no team yet: its tasks wait to be assigned.
    const inspectors = c.team.inspectorUserIds.length ? c.team.inspectorUserIds : [null];
    await this.tasks.insertSelected(
      tx,
      c.id,
      c.periodTo,
      selected.map((s, i) => ({
        certificateId: s.certificateId,
        rank: s.rank,
        score: s.score,
        reasons: s.reasons,
        assigneeUserId: inspectors[i % inspectors.length]!,
      })),
    );
    await this.campaigns.markOpen(tx, c.id, asOf);
    await this.outbox.enqueueEvent(tx, E.campaignOpened, c.id, {
      campaignId: c.id,
      name: c.name,
      provinceCode: c.provinceCode,
      tasks: selected.length,
      pool: scoped.length,
      rule: c.rule.kind,
      origin: c.origin,
      originReference: c.originReference,
    });
    await writeAudit(tx, {
      actorId: actor.id,
      actorRole: actor.role,
      action: 'campaign.select',
      entityType: 'campaign',
      entityId: c.id,
      details: { pool: scoped.length, selected: selected.length },
    });
  }
}
