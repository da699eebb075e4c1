import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  SYSTEM_ACTOR,
  complaintCampaignReference,
  type ComplaintConfirmedData,
  type CreateCampaignCommand,
  type EventEnvelope,
  type MarketSurveillanceReportedData,
} from '@ocop/contracts';
import { UnrecoverableEventError } from '@ocop/messaging';
import { writeAudit, type Tx } from '@ocop/persistence';
import { CertificatePoolRepository } from '../certificate-pool/certificate-pool.repository';
import { CampaignsRepository } from './campaigns.repository';
import { CampaignSelectionWorkflow } from './campaign-selection.workflow';
import { ITEM_CODES } from './campaign-planning.policy';
import { newCampaign } from './campaign.factory';

const DAY_MS = 86_400_000;

/** What opens an ad-hoc campaign for one certificate. */
interface AdHocCause {
  certificateId?: string;
  certificateCode?: string;
  origin: 'AGENCY' | 'COMPLAINT';
  /** Unique per origin: the same cause delivered again finds its campaign and opens none. */
  originReference: string;
  /** The campaign's name, before the certificate's number. */
  nameVi: string;
  legalBasis: string;
  at: Date;
  by: string;
}

/**
 * An agency's market-surveillance report, or a public complaint the standing office confirmed, about a certified
 * product opens an ad-hoc campaign for that certificate (one per report or complaint: unique origin reference),
 * selected at once; its task waits for the office to assign an inspector. A cause about no certificate in the pool
 * is kept as a dead letter.
 */
@Injectable()
export class OpenAdHocCampaignUseCase {
  constructor(
    private readonly pool: CertificatePoolRepository,
    private readonly campaigns: CampaignsRepository,
    private readonly selection: CampaignSelectionWorkflow,
  ) {}

  /** An agency's report. Who reported is the agency whose subject it came on (the consumer writes it), never the payload's claim. */
  async forAgencyReport(e: EventEnvelope, tx: Tx): Promise<void> {
    const d = e.data as MarketSurveillanceReportedData;
    const agencyCode = e.agencycode;
    if (!agencyCode)
      throw new UnrecoverableEventError(`${e.type} ${e.id}: not published in an agency's space, so no agency vouches for it`);
    await this.open(tx, e, {
      certificateId: d.certificateId,
      certificateCode: d.certificateCode,
      origin: 'AGENCY',
      originReference: `${agencyCode}:${d.reportId}`,
      nameVi: `Kiểm tra đột xuất theo phản ánh của ${agencyCode}`,
      legalBasis: `Báo cáo ${d.reportId} của ${agencyCode}: ${d.details}`,
      at: new Date(d.reportedAt),
      by: `agency:${agencyCode}`,
    });
  }

  /** A public complaint, confirmed by the standing office (registration's event). */
  async forComplaint(e: EventEnvelope, tx: Tx): Promise<void> {
    const d = e.data as ComplaintConfirmedData;
    await this.open(tx, e, {
      certificateId: d.certificateId,
      certificateCode: d.certificateCode,
      origin: 'COMPLAINT',
      originReference: complaintCampaignReference(d.receiptCode),
      nameVi: 'Kiểm tra đột xuất theo phản ánh của người tiêu dùng',
      legalBasis: `Phản ánh ${d.receiptCode}${d.place ? ` (${d.place})` : ''}: ${d.description}`,
      at: new Date(d.confirmedAt),
      by: 'complaint',
    });
  }

  private async open(tx: Tx, e: EventEnvelope, cause: AdHocCause): Promise<void> {
    const cert = await this.pool.findNamedForSystem(tx, cause.certificateId, cause.certificateCode);
    if (!cert)
      throw new UnrecoverableEventError(`${e.type} ${e.id}: no certificate ${cause.certificateId ?? cause.certificateCode} in the pool`);
    const at = cause.at;
    const id = randomUUID();
    const c = {
      name: `${cause.nameVi} — ${cert.number}`,
      legalBasis: cause.legalBasis.slice(0, 500),
      periodFrom: at.toISOString(),
      periodTo: new Date(at.getTime() + 30 * DAY_MS).toISOString(),
      scope: { certificateIds: [cert.certificateId] },
      rule: { kind: 'ALL' as const },
      team: { inspectorUserIds: [] },
      origin: cause.origin,
      originReference: cause.originReference,
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
        by: cause.by,
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
      details: { origin: cause.origin, reference: cause.originReference, causedBy: e.id },
    });
    await this.selection.select(tx, SYSTEM_ACTOR, id, at);
  }
}
