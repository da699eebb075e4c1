import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { SYSTEM_ACTOR, type CreateCampaignCommand, type EventEnvelope, type MarketSurveillanceReportedData } from '@ocop/contracts';
import { UnrecoverableEventError } from '@ocop/messaging';
import { writeAudit, type Tx } from '@ocop/persistence';
import { CertificatePoolRepository } from '../certificate-pool/certificate-pool.repository';
import { CampaignsRepository } from './campaigns.repository';
import { CampaignSelectionWorkflow } from './campaign-selection.workflow';
import { ITEM_CODES } from './campaign-planning.policy';
import { newCampaign } from './campaign.factory';

const DAY_MS = 86_400_000;

/**
 * An agency's market-surveillance report about a certified product opens an ad-hoc campaign for that
 * certificate (one per report: unique origin reference), selected at once; its task waits for the office to
 * assign an inspector. A report about no certificate in the pool is kept as a dead letter.
 */
@Injectable()
export class OpenAgencyCampaignUseCase {
  constructor(
    private readonly pool: CertificatePoolRepository,
    private readonly campaigns: CampaignsRepository,
    private readonly selection: CampaignSelectionWorkflow,
  ) {}

  async execute(e: EventEnvelope, tx: Tx): Promise<void> {
    const d = e.data as MarketSurveillanceReportedData;
    // Who reported is the agency whose subject it came on (the consumer writes it from the subject), never the payload's claim.
    const agencyCode = e.agencycode;
    if (!agencyCode)
      throw new UnrecoverableEventError(`${e.type} ${e.id}: not published in an agency's space, so no agency vouches for it`);
    const cert = await this.pool.findNamedForSystem(tx, d.certificateId, d.certificateCode);
    if (!cert) throw new UnrecoverableEventError(`${e.type} ${e.id}: no certificate ${d.certificateId ?? d.certificateCode} in the pool`);
    const at = new Date(d.reportedAt);
    const id = randomUUID();
    const c = {
      name: `Kiểm tra đột xuất theo phản ánh của ${agencyCode} — ${cert.number}`,
      legalBasis: `Báo cáo ${d.reportId} của ${agencyCode}: ${d.details}`.slice(0, 500),
      periodFrom: at.toISOString(),
      periodTo: new Date(at.getTime() + 30 * DAY_MS).toISOString(),
      scope: { certificateIds: [cert.certificateId] },
      rule: { kind: 'ALL' as const },
      team: { inspectorUserIds: [] },
      origin: 'AGENCY',
      originReference: `${agencyCode}:${d.reportId}`,
    } as CreateCampaignCommand;
    const inserted = await this.campaigns.insertIfNew(
      tx,
      newCampaign({
        id,
        c,
        provinceCode: cert.provinceCode,
        from: at,
        to: new Date(c.periodTo),
        checklist: ITEM_CODES,
        recurrenceId: null,
        by: `agency:${agencyCode}`,
        asOf: at,
      }),
    );
    if (!inserted) return;
    await writeAudit(tx, {
      actorId: SYSTEM_ACTOR.id,
      actorRole: SYSTEM_ACTOR.role,
      action: 'campaign.create',
      entityType: 'campaign',
      entityId: id,
      details: { origin: 'AGENCY', report: c.originReference, causedBy: e.id },
    });
    await this.selection.select(tx, SYSTEM_ACTOR, id, at);
  }
}
