import { CertificatesRepository } from './certificates/certificates.repository';
import { CataloguePublisher } from './certificates/catalogue.publisher';
import { PublicProductsQuery } from './public/public-products.query';
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
import { ProductEligibility } from './products/product-eligibility.policy';
import { SalesPointsRepository } from './sales-points/sales-points.repository';
import { ShelvesRepository } from './sales-points/shelves.repository';
import { ShelfKeeper } from './sales-points/shelf-keeper.policy';
import { RegisterSalesPointUseCase } from './sales-points/register-sales-point.use-case';
import { ShelveProductUseCase } from './sales-points/shelve-product.use-case';
import { UnshelveProductUseCase } from './sales-points/unshelve-product.use-case';
import { SalesPointsQueries } from './sales-points/sales-points.queries';
import { SendObligationRemindersUseCase } from './sales-points/send-obligation-reminders.use-case';
import { SalesChannelsRepository } from './sales-channels/sales-channels.repository';
import { SalesChannelWorkflow } from './sales-channels/sales-channel.workflow';
import { DeclareSalesChannelUseCase } from './sales-channels/declare-sales-channel.use-case';
import { CheckSalesChannelUseCase } from './sales-channels/check-sales-channel.use-case';
import { EndSalesChannelUseCase } from './sales-channels/end-sales-channel.use-case';
import { SalesChannelsQueries } from './sales-channels/sales-channels.queries';
import { ParticipationResultsRepository } from './results/participation-results.repository';
import { ReportResultsUseCase } from './results/report-results.use-case';
import { EventResultsQuery } from './results/event-results.query';

/** Trade promotion's repositories, use cases, queries and workflows, feature by feature (the edges are in trade-promotion.app.ts). */
export const TRADE_PROMOTION_PROVIDERS = [
  CertificatesRepository,
  CataloguePublisher,
  PublicProductsQuery,
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
  ProductEligibility,
  SalesPointsRepository,
  ShelvesRepository,
  ShelfKeeper,
  RegisterSalesPointUseCase,
  ShelveProductUseCase,
  UnshelveProductUseCase,
  SalesPointsQueries,
  SendObligationRemindersUseCase,
  SalesChannelsRepository,
  SalesChannelWorkflow,
  DeclareSalesChannelUseCase,
  CheckSalesChannelUseCase,
  EndSalesChannelUseCase,
  SalesChannelsQueries,
  ParticipationResultsRepository,
  ReportResultsUseCase,
  EventResultsQuery,
];
