import { CertificatesRepository } from './certificates/certificates.repository';
import { RecordCertificateUseCase } from './certificates/record-certificate.use-case';
import { EndCertificateUseCase } from './certificates/end-certificate.use-case';
import { PromotionEventsRepository } from './events/promotion-events.repository';
import { EventSchedulingWorkflow } from './events/event-scheduling.workflow';
import { CreateEventUseCase } from './events/create-event.use-case';
import { CreateSeriesUseCase } from './events/create-series.use-case';
import { PromotionEventsQueries } from './events/promotion-events.queries';
import { ApplicationsRepository } from './applications/applications.repository';
import { ApplicationAccess } from './applications/application-access.policy';
import { ParticipationWorkflow } from './applications/participation.workflow';
import { ApplyUseCase } from './applications/apply.use-case';
import { SelectParticipantsUseCase } from './applications/select-participants.use-case';
import { WithdrawApplicationUseCase } from './applications/withdraw-application.use-case';
import { ConfirmApplicationUseCase } from './applications/confirm-application.use-case';
import { ListApplicationsQuery } from './applications/list-applications.query';
import { MessagesRepository } from './messages/messages.repository';
import { ListMessagesQuery } from './messages/list-messages.query';
import { PublicEventsQuery } from './public/public-events.query';

/** Trade promotion's repositories, use cases, queries and workflows, feature by feature (the edges are in trade-promotion.app.ts). */
export const TRADE_PROMOTION_PROVIDERS = [
  CertificatesRepository,
  RecordCertificateUseCase,
  EndCertificateUseCase,
  PromotionEventsRepository,
  EventSchedulingWorkflow,
  CreateEventUseCase,
  CreateSeriesUseCase,
  PromotionEventsQueries,
  ApplicationsRepository,
  ApplicationAccess,
  ParticipationWorkflow,
  ApplyUseCase,
  SelectParticipantsUseCase,
  WithdrawApplicationUseCase,
  ConfirmApplicationUseCase,
  ListApplicationsQuery,
  MessagesRepository,
  ListMessagesQuery,
  PublicEventsQuery,
];
