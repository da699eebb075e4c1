import 'reflect-metadata';
import {
  Inject,
  Injectable,
  Optional,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
  type Provider,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { CustomTransportStrategy } from '@nestjs/microservices';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import type { NatsConnection } from '@nats-io/transport-node';
import type { FastifyServerOptions } from 'fastify';
import type { Logger } from 'pino';
import { createServiceDataSource, initializeServiceDatabase, type ServiceDataSourceOptions } from '@ocop/persistence';
import { HealthModule, Metrics, PinoNestLogger, createLogger, type ReadinessCheck } from '@ocop/observability';
import { BusServer, RpcClient, busReadinessChecks, connectNats } from '@ocop/messaging';
import type { HostConfig } from './host-config';

/** Injection tokens a process's own providers may ask for (DataSource, BusServer, RpcClient and Metrics are classes). */
export const SERVICE_NATS = Symbol('SERVICE_NATS');
export const SERVICE_LOGGER = Symbol('SERVICE_LOGGER');
/** The process's own start and stop work (`HostHooks`), run around its NATS edges by the host. */
export const HOST_HOOKS = Symbol('HOST_HOOKS');

export interface HostHooks {
  /** Once every provider exists, before the process's NATS edges answer. */
  start?(): Promise<void>;
  /** After the edges stopped answering, before NATS and the database close. */
  stop?(): Promise<void>;
}

/** The connections a process owns, opened by the host before its root module is built. */
export interface HostParts {
  logger: Logger;
  metrics: Metrics;
  ds: DataSource;
  nc: NatsConnection;
  bus: BusServer;
  rpc: RpcClient;
  /** What the root module spreads into its own: the host's providers, and /health and /metrics. */
  providers: Provider[];
  health: DynamicModule;
}

export interface HostSpec {
  /** Logger, metrics and NATS connection name; the default queue group of the process's NATS edges. */
  name: string;
  config: HostConfig;
  database: Pick<ServiceDataSourceOptions, 'schema' | 'entities' | 'migrations'>;
  /** Queue group of the process's `@Handles` edges (default: name). */
  busQueue?: string;
  /** A logger the process made before the host (to report on its own connections); default: one from the config. */
  logger?: Logger;
  /** Readiness checks besides the database and NATS. */
  readiness?: Record<string, ReadinessCheck>;
  /** The HTTP server's options (the gateway's limits, proxies and error handlers); default Fastify's. */
  http?: FastifyServerOptions;
  /** The process's root module, built on the host's parts. */
  module(parts: HostParts): DynamicModule;
  /** Transports besides the NATS edges (a service's JetStream consumers). */
  strategies?: CustomTransportStrategy[];
}

/** Runs the process's hooks around its NATS edges, and closes what the host opened, in that order. */
@Injectable()
class HostLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly bus: BusServer,
    @Inject(SERVICE_NATS) private readonly nc: NatsConnection,
    private readonly ds: DataSource,
    @Optional() @Inject(HOST_HOOKS) private readonly hooks?: HostHooks,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.hooks?.start?.();
    await new Promise<void>((resolve, reject) => void this.bus.listen((err) => (err ? reject(err) : resolve())));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.bus.close();
    await this.hooks?.stop?.();
    await this.nc.drain().catch(() => undefined);
    if (this.ds.isInitialized) await this.ds.destroy();
  }
}

/** The logger a process's config asks for. */
export function hostLogger(name: string, config: HostConfig): Logger {
  return createLogger(name, config.logLevel, config.logFormat);
}

/**
 * The one way a process on the bus starts, the gateway's included: migrated database, NATS, its `@Handles` edges
 * in their queue group, /health and /metrics, shutdown hooks. A refusal at start-up (an undeclared subject, two
 * handlers) leaves no connection open behind it. Call listen() or init() on the result.
 */
export async function createHostApp(spec: HostSpec): Promise<NestFastifyApplication> {
  const { config } = spec;
  const logger = spec.logger ?? hostLogger(spec.name, config);
  const metrics = new Metrics(spec.name);
  const ds = createServiceDataSource({ ...spec.database, url: config.databaseUrl, applicationName: spec.name });
  await initializeServiceDatabase(ds);
  let nc: NatsConnection | undefined;
  let app: NestFastifyApplication | undefined;
  try {
    nc = await connectNats(config.natsUrl, spec.name, config.natsCredsFile);
    const bus = new BusServer(nc, { prefix: config.prefix, queue: spec.busQueue ?? spec.name }, logger, metrics);
    const rpc = new RpcClient(nc, config.prefix, config.rpcTimeoutMs);
    const parts: HostParts = {
      logger,
      metrics,
      ds,
      nc,
      bus,
      rpc,
      health: HealthModule.forRoot(metrics, { ...busReadinessChecks(ds, nc), ...spec.readiness }),
      providers: [
        { provide: DataSource, useValue: ds },
        { provide: SERVICE_NATS, useValue: nc },
        { provide: SERVICE_LOGGER, useValue: logger },
        { provide: BusServer, useValue: bus },
        { provide: RpcClient, useValue: rpc },
        HostLifecycle,
      ],
    };
    app = await NestFactory.create<NestFastifyApplication>(spec.module(parts), new FastifyAdapter(spec.http), {
      logger: new PinoNestLogger(logger),
      abortOnError: false,
    });
    app.connectMicroservice({ strategy: bus });
    for (const strategy of spec.strategies ?? []) app.connectMicroservice({ strategy });
  } catch (err) {
    await app?.close().catch(() => undefined);
    await nc?.close().catch(() => undefined);
    if (ds.isInitialized) await ds.destroy().catch(() => undefined);
    throw err;
  }
  // A process stops on SIGTERM (its orchestrator) and SIGINT (a person); other signals are not stop requests (SIGUSR2: profiler).
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  return app;
}
