import type { EnrolmentView } from '@ocop/contracts';
import type { CompletionCertificate } from '../completion/completion-certificate.entity';
import type { Enrolment } from './enrolment.entity';

export function enrolmentView(e: Enrolment, waitlistPosition: number | null = null, certificate?: CompletionCertificate): EnrolmentView {
  return {
    id: e.id,
    classId: e.classId,
    userId: e.userId,
    producerId: e.producerId,
    fullName: e.fullName,
    birthYear: e.birthYear,
    position: e.position,
    status: e.status,
    waitlistPosition,
    daysAttended: e.daysAttended,
    enrolledBy: e.enrolledBy,
    enrolledAt: e.enrolledAt.toISOString(),
    withdrawnAt: e.withdrawnAt?.toISOString() ?? null,
    certificateNumber: certificate?.number ?? null,
    certificateCode: certificate?.code ?? null,
  };
}
