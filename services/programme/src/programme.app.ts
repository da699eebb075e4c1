import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { EventPublisher } from '@ocop/messaging';
import { createServiceApp } from '@ocop/service-kit';
import type { ProgrammeConfig } from './config/programme.config';
import { PROGRAMME_DATABASE } from './database/programme.database';
import { PROGRAMME_CONFIG } from './programme.tokens';
import { CertificatesRepository } from './certificates/certificates.repository';
import { CertificatesConsumer } from './certificates/certificates.consumer';
import { PlansRepository } from './plans/plans.repository';
import { PlanUnits } from './plans/plan-units';
import { PlansUseCases } from './plans/plans.use-cases';
import { PlansHandler } from './plans/plans.handler';
import { PlanTasksRepository } from './tasks/plan-tasks.repository';
import { PlanTasksUseCases } from './tasks/plan-tasks.use-cases';
import { PlanTasksHandler } from './tasks/plan-tasks.handler';
import { SupportRepository } from './support/support.repository';
import { SupportUseCases } from './support/support.use-cases';
import { SupportHandler } from './support/support.handler';
import { ReportsRepository } from './reports/reports.repository';
import { ReportsUseCases } from './reports/reports.use-cases';
import { SendReportRemindersUseCase } from './reports/send-report-reminders.use-case';
import { ReportsHandler } from './reports/reports.handler';
import { ProgrammeQueue } from './jobs/programme.queue';
import { ProgrammeJobs } from './jobs/programme.jobs';
import { FactsRepository } from './facts/facts.repository';
import { FactsConsumer } from './facts/facts.consumer';
import { CraftVillagesRepository } from './villages/craft-villages.repository';
import { CraftVillagesUseCases } from './villages/craft-villages.use-cases';
import { CraftVillagesHandler } from './villages/craft-villages.handler';
import { NationalExportUseCases } from './national/national-export.use-cases';
import { FundingRepository } from './support/funding.repository';
import { FundingUseCases } from './support/funding.use-cases';
import { FundingHandler } from './support/funding.handler';
import { NationalHubRepository } from './national/national-hub.repository';
import { NationalHubIngest } from './national/national-hub.ingest';
import { NationalHubUseCases } from './national/national-hub.use-cases';
import { IndicatorsUseCases } from './indicators/indicators.use-cases';
import { IndicatorsHandler } from './indicators/indicators.handler';

export interface ProgrammeAppOptions {
  publisher?: EventPublisher;
}

/** Builds the programme process: plans and their targets, support policies and rewards, reports and their reminders, and the certificates their progress is counted from. */
export function createProgrammeApp(config: ProgrammeConfig, o: ProgrammeAppOptions = {}): Promise<NestFastifyApplication> {
  return createServiceApp({
    name: 'programme',
    database: PROGRAMME_DATABASE,
    config,
    publisher: o.publisher,
    providers: [
      { provide: PROGRAMME_CONFIG, useValue: config },
      CertificatesRepository,
      PlansRepository,
      PlanUnits,
      PlansUseCases,
      PlanTasksRepository,
      PlanTasksUseCases,
      SupportRepository,
      SupportUseCases,
      ReportsRepository,
      ReportsUseCases,
      SendReportRemindersUseCase,
      ProgrammeQueue,
      ProgrammeJobs,
      FactsRepository,
      CraftVillagesRepository,
      CraftVillagesUseCases,
      NationalExportUseCases,
      FundingRepository,
      FundingUseCases,
      NationalHubRepository,
      NationalHubIngest,
      NationalHubUseCases,
      IndicatorsUseCases,
    ],
    controllers: [
      CertificatesConsumer,
      PlansHandler,
      PlanTasksHandler,
      SupportHandler,
      ReportsHandler,
      FactsConsumer,
      CraftVillagesHandler,
      FundingHandler,
      IndicatorsHandler,
    ],
    async bootstrap(ref) {
      await ref.get(ProgrammeJobs).start();
      await ref.get(NationalHubIngest).start();
    },
  });
}
