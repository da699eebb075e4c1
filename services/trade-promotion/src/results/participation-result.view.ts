import type { ParticipantResultView } from '@ocop/contracts';
import type { Application } from '../applications/application.entity';
import type { ParticipationResult } from './participation-result.entity';

export function participantResultView(
  r: ParticipationResult,
  app: Pick<Application, 'producerId' | 'producerName'>,
): ParticipantResultView {
  return {
    applicationId: r.applicationId,
    producerId: app.producerId,
    producerName: app.producerName,
    salesVnd: Number(r.salesVnd),
    contracts: r.contracts,
    contractsValueVnd: Number(r.contractsValueVnd),
    viewers: r.viewers,
    orders: r.orders,
    reportedBy: r.reportedBy,
    reportedAt: r.reportedAt.toISOString(),
    revision: r.revision,
  };
}
