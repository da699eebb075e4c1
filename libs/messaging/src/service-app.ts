import 'reflect-metadata';
import {
  Inject,
  Injectable,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
  type Provider,
  type Type,
} from '@nestjs/common';
import { ModuleRef, NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import { createServiceDataSource, initializeServiceDatabase, type ServiceDataSourceOptions } from '@ocop/persistence';
import { HealthModule, Metrics, PinoNestLogger, createLogger, resolveLogFormat, type LogFormat, type LogLevel } from '@ocop/observability';
import { busReadinessChecks, connectNats } from './nats';
import { EventOutbox, type EventPublisher } from './outbox';
import { ServiceMessaging } from './service-messaging';
import { BusServer } from './bus/bus-server';
import { JetStreamServer } from './bus/jetstream-server';
import { DeadLetters, deadLettersHandler } from './bus/dead-letters.handler';

/** What every service process reads from its environment. */
export interface ServiceConfig {
  mode: 'production' | 'development' | 'test';
  httpPort: number;
  databaseUrl: string;
  natsUrl: string;
  prefix: string;
  stream: string;
  logLevel: LogLevel;
  /** LOG_FORMAT: json, or pretty for a person (development; by default when stdout is a terminal). */
  logFormat: LogFormat;
  relayPollIntervalMs?: number;
  consumerBackoffMs?: number[];
}

/** The common part of a service's configuration, from the environment its config/ module passes in. */
export function loadServiceConfig(env: NodeJS.ProcessEnv, defaultPort: number): ServiceConfig {
  const mode = (env.OCOP_MODE ?? (env.NODE_ENV === 'production' ? 'production' : 'development')) as ServiceConfig['mode'];
  if (!['production', 'development', 'test'].includes(mode))
    throw new Error(`OCOP_MODE must be production, development or test, not ${mode}`);
  const httpPort = Number(env.HTTP_PORT ?? defaultPort);
  if (!Number.isInteger(httpPort) || httpPort < 0 || httpPort > 65535) throw new Error('HTTP_PORT must be a port number');
  return {
    mode,
    httpPort,
    databaseUrl: env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ocop',
    natsUrl: env.NATS_URL ?? 'nats://127.0.0.1:4222',
    prefix: env.OCOP_SUBJECT_PREFIX ?? 'ocop',
    stream: env.OCOP_STREAM ?? 'OCOP_EVENTS',
    logLevel: (env.LOG_LEVEL ?? 'info') as LogLevel,
    logFormat: resolveLogFormat(env.LOG_FORMAT, mode === 'production'),
  };
}

/** An integer setting from the environment (empty or absent: the fallback), refused with its name when it is not one. */
export function intSetting(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const v = env[name] === undefined || env[name] === '' ? fallback : Number(env[name]);
  if (!Number.isInteger(v) || v < min) throw new Error(`${name} must be an integer ≥ ${min}`);
  return v;
}

/** Injection tokens the service's own providers may ask for. */
export const SERVICE_NATS = Symbol('SERVICE_NATS');
export const SERVICE_LOGGER = Symbol('SERVICE_LOGGER');
const SPEC = Symbol('SERVICE_SPEC');

export interface ServiceAppSpec {
  /** RPC queue group, CloudEvents source `ocop/<name>`, logger and metrics name. */
  name: string;
  database: Pick<ServiceDataSourceOptions, 'schema' | 'entities' | 'migrations'>;
  config: ServiceConfig;
  providers: Provider[];
  /** NATS edges (`@RpcController()` classes with `@Handles(subject)` methods). */
  controllers?: Type[];
  /** Start-up work, once every provider exists and before the bus serves (demo data, catalogues, jobs). */
  bootstrap?(moduleRef: ModuleRef, logger: Logger): Promise<void>;
  /** Replaces the JetStream publisher of the outbox relay (fault-injection tests). */
  publisher?: EventPublisher;
}

/** Starts the bus work once every provider exists; stops it before connections close. */
@Injectable()
class ServiceLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private messaging?: ServiceMessaging;
  constructor(
    @Inject(SPEC) private readonly spec: ServiceAppSpec,
    @Inject(SERVICE_NATS) private readonly nc: NatsConnection,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
    private readonly ds: DataSource,
    private readonly metrics: Metrics,
    private readonly moduleRef: ModuleRef,
    private readonly bus: BusServer,
    private readonly events: JetStreamServer,
    private readonly deadLetters: DeadLetters,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { config, name } = this.spec;
    await this.spec.bootstrap?.(this.moduleRef, this.logger);
    this.messaging = new ServiceMessaging(
      this.nc,
      this.ds,
      {
        service: name,
        prefix: config.prefix,
        stream: config.stream,
        databaseUrl: config.databaseUrl,
        schema: this.spec.database.schema,
        relayPollIntervalMs: config.relayPollIntervalMs,
        consumerBackoffMs: config.consumerBackoffMs,
      },
      this.logger,
      this.metrics,
      this.spec.publisher,
    );
    await this.messaging.start(this.events.consumers());
    this.deadLetters.attach(this.messaging.consumers);
    await new Promise<void>((resolve, reject) => void this.bus.listen((err) => (err ? reject(err) : resolve())));
    this.logger.info({ prefix: config.prefix, stream: config.stream }, `${name} service listening on NATS`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.bus.close();
    await this.messaging?.stop();
    await this.nc.drain().catch(() => undefined);
    if (this.ds.isInitialized) await this.ds.destroy();
  }
}

@Module({})
class ServiceModule {
  static create(
    spec: ServiceAppSpec,
    ds: DataSource,
    nc: NatsConnection,
    logger: Logger,
    metrics: Metrics,
    bus: BusServer,
    events: JetStreamServer,
  ): DynamicModule {
    return {
      module: ServiceModule,
      controllers: [...(spec.controllers ?? []), deadLettersHandler(spec.name)],
      imports: [HealthModule.forRoot(metrics, busReadinessChecks(ds, nc))],
      providers: [
        { provide: SPEC, useValue: spec },
        { provide: DataSource, useValue: ds },
        { provide: SERVICE_NATS, useValue: nc },
        { provide: SERVICE_LOGGER, useValue: logger },
        { provide: BusServer, useValue: bus },
        { provide: JetStreamServer, useValue: events },
        DeadLetters,
        { provide: EventOutbox, useValue: new EventOutbox(`ocop/${spec.name}`, spec.config.prefix, spec.database.schema) },
        ...spec.providers,
        ServiceLifecycle,
      ],
    };
  }
}

/** Builds a service process: migrated database, NATS, health/metrics HTTP, bus work on bootstrap; call listen() or init(). */
export async function createServiceApp(spec: ServiceAppSpec): Promise<NestFastifyApplication> {
  const logger = createLogger(spec.name, spec.config.logLevel, spec.config.logFormat);
  const metrics = new Metrics(spec.name);
  const ds = createServiceDataSource({ ...spec.database, url: spec.config.databaseUrl, applicationName: spec.name });
  await initializeServiceDatabase(ds);
  const nc = await connectNats(spec.config.natsUrl, spec.name);
  const bus = new BusServer(nc, { prefix: spec.config.prefix, queue: spec.name }, logger, metrics);
  const events = new JetStreamServer();
  let app: NestFastifyApplication | undefined;
  try {
    app = await NestFactory.create<NestFastifyApplication>(
      ServiceModule.create(spec, ds, nc, logger, metrics, bus, events),
      new FastifyAdapter(),
      {
        logger: new PinoNestLogger(logger),
        abortOnError: false,
      },
    );
    // The service's NATS edges; BusServer listens once the outbox relay and the consumers run (ServiceLifecycle).
    app.connectMicroservice({ strategy: bus });
    // The `@OnEvent` handlers of the same controllers: their durable consumers start with the outbox relay.
    app.connectMicroservice({ strategy: events });
  } catch (err) {
    // A start-up refusal (an undeclared subject or event type, two handlers) leaves no connection open behind it.
    await app?.close().catch(() => undefined);
    await nc.close().catch(() => undefined);
    if (ds.isInitialized) await ds.destroy().catch(() => undefined);
    throw err;
  }
  app.enableShutdownHooks();
  return app;
}
