import 'reflect-metadata';
import { resolve } from 'node:path';
import { Inject, Injectable, Module, type BeforeApplicationShutdown, type DynamicModule, type OnApplicationBootstrap } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import { EventOutbox, ServiceMessaging, connectNats, type EventPublisher } from '@ocop/messaging';
import { createServiceDataSource, initializeServiceDatabase } from '@ocop/persistence';
import { HealthModule, Metrics, PinoNestLogger, createLogger } from '@ocop/observability';
import type { RegistrationConfig } from './config/registration.config';
import { REGISTRATION_DATABASE } from './database/registration.database';
import { UnitsRepository } from './units/units.repository';
import { ProducersRepository } from './producers/producers.repository';
import { ProductsRepository } from './products/products.repository';
import { RoundsRepository } from './rounds/rounds.repository';
import { DossiersRepository } from './dossiers/dossiers.repository';
import { CreateProducerUseCase } from './producers/create-producer.use-case';
import { CreateProductUseCase } from './products/create-product.use-case';
import { CreateRoundUseCase } from './rounds/create-round.use-case';
import { CreateDossierUseCase } from './dossiers/create-dossier.use-case';
import { DossierWorkflow } from './dossiers/dossier-workflow';
import { DossierIntakeUseCases } from './dossiers/dossier-intake.use-cases';
import { DossierViews } from './dossiers/dossier-views';
import { TimelineProjection } from './dossiers/timeline.projection';
import { SeedDemoDataUseCase } from './demo/seed-demo-data.use-case';
import { RegistrationHandler } from './registration.handler';

const CONFIG = Symbol('REGISTRATION_CONFIG');
const NATS = Symbol('NATS');
const LOGGER = Symbol('LOGGER');
const PUBLISHER = Symbol('PUBLISHER');
const REPO_ROOT = resolve(__dirname, '..', '..', '..').replace(/[/\\]dist$/, '');

/** Starts the bus work once every provider exists; stops it before connections close. */
@Injectable()
class RegistrationLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private messaging?: ServiceMessaging;
  constructor(
    @Inject(CONFIG) private readonly config: RegistrationConfig,
    @Inject(NATS) private readonly nc: NatsConnection,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(PUBLISHER) private readonly publisher: EventPublisher | undefined,
    private readonly ds: DataSource,
    private readonly metrics: Metrics,
    private readonly handler: RegistrationHandler,
    private readonly timeline: TimelineProjection,
    private readonly seed: SeedDemoDataUseCase,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.demoData) await this.seed.execute(REPO_ROOT, new Date(), this.logger);
    this.messaging = new ServiceMessaging(this.nc, this.ds, {
      service: 'registration', prefix: this.config.prefix, stream: this.config.stream, databaseUrl: this.config.databaseUrl,
      schema: REGISTRATION_DATABASE.schema, relayPollIntervalMs: this.config.relayPollIntervalMs, consumerBackoffMs: this.config.consumerBackoffMs,
    }, this.logger, this.metrics, this.publisher);
    await this.messaging.start(this.handler.routes(), [{ name: 'timeline', handlers: { '*': (e, tx) => this.timeline.apply(e, tx) }, concurrency: 8 }]);
    this.logger.info({ prefix: this.config.prefix, stream: this.config.stream }, 'registration service listening on NATS');
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.messaging?.stop();
    await this.nc.drain().catch(() => undefined);
    if (this.ds.isInitialized) await this.ds.destroy();
  }
}

@Module({})
class RegistrationModule {
  static create(config: RegistrationConfig, ds: DataSource, nc: NatsConnection, logger: Logger, metrics: Metrics, publisher?: EventPublisher): DynamicModule {
    return {
      module: RegistrationModule,
      imports: [HealthModule.forRoot(metrics, {
        database: async () => { await ds.query('SELECT 1'); },
        nats: async () => { if (nc.isClosed()) throw new Error('NATS connection closed'); await nc.flush(); },
      })],
      providers: [
        { provide: CONFIG, useValue: config },
        { provide: DataSource, useValue: ds },
        { provide: NATS, useValue: nc },
        { provide: LOGGER, useValue: logger },
        { provide: PUBLISHER, useValue: publisher },
        { provide: EventOutbox, useValue: new EventOutbox('ocop/registration', config.prefix, REGISTRATION_DATABASE.schema) },
        UnitsRepository, ProducersRepository, ProductsRepository, RoundsRepository, DossiersRepository,
        CreateProducerUseCase, CreateProductUseCase, CreateRoundUseCase, CreateDossierUseCase, DossierWorkflow, DossierIntakeUseCases,
        DossierViews, TimelineProjection, SeedDemoDataUseCase, RegistrationHandler, RegistrationLifecycle,
      ],
    };
  }
}

export interface RegistrationAppOptions {
  /** Replaces the JetStream publisher of the outbox relay (fault-injection tests). */
  publisher?: EventPublisher;
}

/** Builds the registration process: migrated database, NATS, health/metrics HTTP; call listen() or init(). */
export async function createRegistrationApp(config: RegistrationConfig, o: RegistrationAppOptions = {}): Promise<NestFastifyApplication> {
  const logger = createLogger('registration', config.logLevel);
  const metrics = new Metrics('registration');
  const ds = createServiceDataSource({ ...REGISTRATION_DATABASE, url: config.databaseUrl, applicationName: 'registration' });
  await initializeServiceDatabase(ds);
  const nc = await connectNats(config.natsUrl, 'registration');
  const app = await NestFactory.create<NestFastifyApplication>(
    RegistrationModule.create(config, ds, nc, logger, metrics, o.publisher),
    new FastifyAdapter(),
    { logger: new PinoNestLogger(logger), abortOnError: false },
  );
  app.enableShutdownHooks();
  return app;
}
