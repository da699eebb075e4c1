import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { AgencyConnection } from './agency-connection';
import { AGENCY_SDK_OPTIONS, type ResolvedAgencySdkOptions } from './agency-sdk.options';
import { HandledEventIds } from './handled-event-ids';
import { PlatformEventConsumer, type ConsumerState } from './platform-event-consumer';
import { discoverPlatformEventHandlers } from './platform-event-handlers';
import { agencyConsumerName, platformEventSubject } from './subjects';

/**
 * Finds the application's `@OnPlatformEvent` handlers once every provider exists, and starts one durable consumer per
 * handler (start-up fails if one cannot start); stops them on shutdown before the connection drains.
 */
@Injectable()
export class AgencyEventConsumers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('AgencySdk');
  private consumers: PlatformEventConsumer[] = [];

  constructor(
    @Inject(AGENCY_SDK_OPTIONS) private readonly options: ResolvedAgencySdkOptions,
    private readonly connection: AgencyConnection,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const o = this.options;
    this.consumers = discoverPlatformEventHandlers(this.discovery, this.scanner, o.consumer).map(
      (handler) =>
        new PlatformEventConsumer(
          handler,
          {
            stream: o.stream,
            durable: agencyConsumerName(o.consumerPrefix, handler.name),
            filterSubject: platformEventSubject(o.prefix, handler.type),
            streamWaitMs: o.streamWaitMs,
            create: o.createConsumers,
          },
          this.connection,
          new HandledEventIds(o.handledIdsCapacity),
          this.logger,
        ),
    );
    try {
      await Promise.all(this.consumers.map((c) => c.start()));
    } catch (err) {
      await this.stopAll();
      throw err;
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stopAll();
  }

  /** Each consumer's state, by its durable name. */
  states(): Record<string, { state: ConsumerState; error?: string }> {
    return Object.fromEntries(this.consumers.map((c) => [c.durable, { state: c.state, ...(c.lastError ? { error: c.lastError } : {}) }]));
  }

  private async stopAll(): Promise<void> {
    await Promise.allSettled(this.consumers.map((c) => c.stop()));
  }
}
