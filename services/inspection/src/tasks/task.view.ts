import type { TaskView } from '@ocop/contracts';
import type { Task } from './task.entity';
import type { PooledCertificate } from '../certificate-pool/pooled-certificate.entity';

export function taskView(t: Task & { certificate?: PooledCertificate }): TaskView {
  return {
    id: t.id,
    campaignId: t.campaignId,
    certificateId: t.certificateId,
    certificateNumber: t.certificate!.number,
    productName: t.certificate!.productName,
    rank: t.rank,
    riskScore: t.riskScore,
    riskReasons: t.riskReasons,
    assigneeUserId: t.assigneeUserId,
    dueAt: t.dueAt.toISOString(),
    status: t.status,
    completedAt: t.completedAt?.toISOString() ?? null,
    cancelledReason: t.cancelledReason,
  };
}
