import { Ctx, Payload } from '@nestjs/microservices';
import {
  CertificationEvents,
  InspectionEvents,
  SYSTEM_ACTOR,
  complaintCampaignReference,
  type CampaignOpenedData,
  type CertificateIssuedData,
  type TaskCancelledData,
  type TaskCompletedData,
} from '@ocop/contracts';
import { writeActorAudit, type Tx } from '@ocop/persistence';
import { EventContext, OnEvent, RpcController, type EventConsumerSpec } from '@ocop/messaging';
import { ComplaintsRepository } from './complaints.repository';
import { appendStep } from './complaints.use-cases';
import type { Complaint } from './complaint.entity';

/** In stream order: a certificate is issued before a complaint names it; a campaign opens before its task ends. */
const COMPLAINT_PROGRESS: EventConsumerSpec = { name: 'complaint-progress', concurrency: 1 };

/**
 * What complaints learn from the bus: the certificates they may name (certification's `certificate-issued`), the
 * ad-hoc campaign a confirmed complaint opened (→ INSPECTING) and its task's outcome (→ RESOLVED, with the number of
 * findings other than compliant). A redelivery or an event about no complaint changes nothing.
 */
@RpcController()
export class ComplaintProgressConsumer {
  constructor(private readonly complaints: ComplaintsRepository) {}

  @OnEvent(COMPLAINT_PROGRESS, CertificationEvents.certificateIssued)
  async issued(@Payload() c: CertificateIssuedData, @Ctx() ctx: EventContext): Promise<void> {
    await this.complaints.rememberCertificate(ctx.tx, {
      code: c.code,
      certificateId: c.certificateId,
      number: c.number,
      dossierId: c.dossierId,
      productName: c.productName,
      producerName: c.producerName,
      issuedAt: new Date(c.issuedAt),
    });
  }

  @OnEvent(COMPLAINT_PROGRESS, InspectionEvents.campaignOpened)
  async campaignOpened(@Payload() d: CampaignOpenedData, @Ctx() ctx: EventContext): Promise<void> {
    const prefix = complaintCampaignReference('');
    if (d.origin !== 'COMPLAINT' || !d.originReference?.startsWith(prefix)) return;
    const c = await this.complaints.receiptForUpdate(ctx.tx, d.originReference.slice(prefix.length));
    if (!c || c.status !== 'CONFIRMED') return;
    c.campaignId = d.campaignId;
    await this.advance(ctx.tx, c, 'INSPECTING', new Date(ctx.event.time), { campaignId: d.campaignId, causedBy: ctx.event.id });
  }

  @OnEvent(COMPLAINT_PROGRESS, InspectionEvents.taskCompleted)
  async taskCompleted(@Payload() d: TaskCompletedData, @Ctx() ctx: EventContext): Promise<void> {
    const c = await this.complaints.ofCampaignForUpdate(ctx.tx, d.campaignId);
    if (!c || c.status !== 'INSPECTING') return;
    const violations = d.findings.filter(([, severity]) => severity !== 'COMPLIANT').length;
    c.violations = violations;
    c.outcomeVi = violations
      ? `Đoàn kiểm tra đã kiểm tra cơ sở sản xuất và phát hiện ${violations} nội dung không đạt yêu cầu; cơ quan có thẩm quyền xử lý theo quy định.`
      : 'Đoàn kiểm tra đã kiểm tra cơ sở sản xuất và không phát hiện vi phạm.';
    await this.advance(ctx.tx, c, 'RESOLVED', new Date(ctx.event.time), { taskId: d.taskId, violations, causedBy: ctx.event.id });
  }

  @OnEvent(COMPLAINT_PROGRESS, InspectionEvents.taskCancelled)
  async taskCancelled(@Payload() d: TaskCancelledData, @Ctx() ctx: EventContext): Promise<void> {
    const c = await this.complaints.ofCampaignForUpdate(ctx.tx, d.campaignId);
    if (!c || c.status !== 'INSPECTING') return;
    c.outcomeVi =
      d.reason === 'CERTIFICATE_REVOKED'
        ? 'Giấy chứng nhận OCOP của sản phẩm đã bị thu hồi; việc kiểm tra theo phản ánh dừng lại.'
        : 'Giấy chứng nhận OCOP của sản phẩm không còn hiệu lực; việc kiểm tra theo phản ánh dừng lại.';
    await this.advance(ctx.tx, c, 'RESOLVED', new Date(d.at), { taskId: d.taskId, cancelled: d.reason, causedBy: ctx.event.id });
  }

  private async advance(
    tx: Tx,
    c: Complaint,
    status: 'INSPECTING' | 'RESOLVED',
    at: Date,
    details: Record<string, unknown>,
  ): Promise<void> {
    appendStep(c, status, at);
    await this.complaints.save(tx, c);
    await writeActorAudit(tx, SYSTEM_ACTOR, `complaint.${status.toLowerCase()}`, 'complaint', c.id, details);
  }
}
