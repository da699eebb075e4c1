import 'reflect-metadata';
import { Inject, Injectable, Module, type DynamicModule, type Provider, type Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import type { ServiceDataSourceOptions } from '@ocop/persistence';
import { Metrics } from '@ocop/observability';
import { DeadLetters, EventOutbox, JetStreamServer, ServiceMessaging, deadLettersHandler, type EventPublisher } from '@ocop/messaging';
import { HOST_HOOKS, SERVICE_LOGGER, SERVICE_NATS, createHostApp, type HostHooks, type HostParts } from './host-app';
import type { ServiceConfig } from './host-config';

export interface ServiceAppSpec {
  /** RPC queue group, CloudEvents source `ocop/<name>`, logger and metrics name. */
  name: string;
  database: Pick<ServiceDataSourceOptions, 'schema' | 'entities' | 'migrations'>;
  config: ServiceConfig;
  providers: Provider[];
  /** Feature handlers: `@RpcController()` classes with `@Handles(subject)` and `@OnEvent(...)` methods. */
  controllers?: Type[];
  /** Start-up work, once every provider exists and before the bus serves (demo data, catalogues, jobs). */
  bootstrap?(moduleRef: ModuleRef, logger: Logger): Promise<void>;
  /** Replaces the JetStream publisher of the outbox relay (fault-injection tests). */
  publisher?: EventPublisher;
}

const SPEC = Symbol('SERVICE_SPEC');

/** A service's event work: its start-up work, then its outbox relay and durable consumers; stopped in reverse. */
@Injectable()
class ServiceEvents implements HostHooks {
  private messaging?: ServiceMessaging;
  constructor(
    @Inject(SPEC) private readonly spec: ServiceAppSpec,
    @Inject(SERVICE_NATS) private readonly nc: NatsConnection,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
    private readonly ds: DataSource,
    private readonly metrics: Metrics,
    private readonly moduleRef: ModuleRef,
    private readonly events: JetStreamServer,
    private readonly deadLetters: DeadLetters,
  ) {}

  async start(): Promise<void> {
    const { config, name } = this.spec;
    await this.spec.bootstrap?.(this.moduleRef, this.logger);
    this.messaging = new ServiceMessaging(
      this.nc,
      this.ds,
      {
        service: name,
        prefix: config.prefix,
        stream: config.stream,
        relayPollIntervalMs: config.relayPollIntervalMs,
        consumerBackoffMs: config.consumerBackoffMs,
      },
      this.logger,
      this.metrics,
      this.spec.publisher,
    );
    await this.messaging.start(this.events.consumers());
    this.deadLetters.attach(this.messaging.consumers);
    this.logger.info({ prefix: config.prefix, stream: config.stream }, `${name} service listening on NATS`);
  }

  async stop(): Promise<void> {
    await this.messaging?.stop();
  }
}

@Module({})
class ServiceModule {
  static create(spec: ServiceAppSpec, parts: HostParts, events: JetStreamServer): DynamicModule {
    return {
      module: ServiceModule,
      controllers: [...(spec.controllers ?? []), deadLettersHandler(spec.name)],
      imports: [parts.health],
      providers: [
        ...parts.providers,
        { provide: SPEC, useValue: spec },
        { provide: JetStreamServer, useValue: events },
        DeadLetters,
        { provide: EventOutbox, useValue: new EventOutbox(`ocop/${spec.name}`, spec.config.prefix) },
        ...spec.providers,
        ServiceEvents,
        { provide: HOST_HOOKS, useExisting: ServiceEvents },
      ],
    };
  }
}

/** Builds a service process on the host: its handlers' requests and `@OnEvent` consumers, outbox relay, dead letters. */
export function createServiceApp(spec: ServiceAppSpec): Promise<NestFastifyApplication> {
  const events = new JetStreamServer();
  return createHostApp({
    name: spec.name,
    config: spec.config,
    database: spec.database,
    strategies: [events],
    module: (parts) => ServiceModule.create(spec, parts, events),
  });
}
