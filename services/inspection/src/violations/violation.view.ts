import type { ViolationView } from '@ocop/contracts';
import type { Violation } from './violation.entity';

export function violationView(v: Violation): ViolationView {
  return {
    id: v.id,
    taskId: v.taskId,
    certificateId: v.certificateId,
    severity: v.severity,
    reasonCode: v.reasonCode,
    details: v.details,
    correctiveDeadline: v.correctiveDeadline?.toISOString() ?? null,
    status: v.status,
    revocationRequestedAt: v.revocationRequestedAt?.toISOString() ?? null,
  };
}
