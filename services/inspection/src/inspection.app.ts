import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { RpcClient, UserDirectory, type EventPublisher } from '@ocop/messaging';
import { createServiceApp } from '@ocop/service-kit';
import { LocalDiskObjectStorage } from '@ocop/persistence';
import type { InspectionConfig } from './config/inspection.config';
import { INSPECTION_DATABASE } from './database/inspection.database';
import { INSPECTION_CONFIG, RESULT_STORAGE } from './inspection.tokens';
import { LabResultsListener } from './labs/lab-results.listener';
import { InspectionJobs } from './jobs/inspection.jobs';
import { InspectionQueue } from './jobs/inspection.queue';
import { InspectionTimers } from './jobs/inspection.timers';
import { LabsHandler } from './labs/labs.handler';
import { SamplesHandler } from './samples/samples.handler';
import { JobsHandler } from './jobs/jobs.handler';
import { CampaignsHandler } from './campaigns/campaigns.handler';
import { TasksHandler } from './tasks/tasks.handler';
import { ViolationsHandler } from './violations/violations.handler';
import { CoverageHandler } from './coverage/coverage.handler';
import { RecurrencesHandler } from './recurrences/recurrences.handler';
import { INSPECTION_PROVIDERS } from './inspection.providers';
import { SeedDemoLabUseCase } from './labs/seed-demo-lab.use-case';
import { CertificatePoolConsumer } from './certificate-pool/certificate-pool.consumer';

export interface InspectionAppOptions {
  publisher?: EventPublisher;
}

/** Builds the inspection process: lab testing (labs' NATS subject, sample timers), the certificate pool, campaigns. Call listen() or init(). */
export function createInspectionApp(config: InspectionConfig, o: InspectionAppOptions = {}): Promise<NestFastifyApplication> {
  return createServiceApp({
    name: 'inspection',
    database: INSPECTION_DATABASE,
    config,
    publisher: o.publisher,
    providers: [
      { provide: INSPECTION_CONFIG, useValue: config },
      { provide: RESULT_STORAGE, useValue: new LocalDiskObjectStorage(config.storageDir) },
      { provide: UserDirectory, inject: [RpcClient], useFactory: (rpc: RpcClient) => new UserDirectory(rpc) },
      InspectionQueue,
      InspectionTimers,
      ...INSPECTION_PROVIDERS,
      InspectionJobs,
      LabResultsListener,
    ],
    controllers: [
      CertificatePoolConsumer,
      LabsHandler,
      SamplesHandler,
      JobsHandler,
      CampaignsHandler,
      TasksHandler,
      ViolationsHandler,
      CoverageHandler,
      RecurrencesHandler,
    ],
    async bootstrap(ref, logger) {
      if (config.demoData && (await ref.get(SeedDemoLabUseCase).execute())) logger.info('demo lab LAB01 registered');
      await ref.get(InspectionJobs).start();
      ref.get(LabResultsListener).start();
    },
  });
}
