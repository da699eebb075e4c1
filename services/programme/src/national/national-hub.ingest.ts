import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import { ensureNationalHub, readNationalEvents } from '@ocop/messaging';
import { ReadinessChecks } from '@ocop/observability';
import { SERVICE_LOGGER, SERVICE_NATS } from '@ocop/service-kit';
import type { ProgrammeConfig } from '../config/programme.config';
import { PROGRAMME_CONFIG } from '../programme.tokens';
import { NationalRecord } from './national-record.entity';
import { NationalHubRepository } from './national-hub.repository';

/**
 * national-hub mode (NATIONAL_HUB_PROVINCES set): at start the hub's streams are made to source each province's shared
 * events across the leaf nodes (`ensureNationalHub`); then, every NATIONAL_HUB_POLL_MS, what arrived in the national
 * stream is stored once per event id, and the sequence read is kept in the same transaction, under a row lock, so a
 * crash or two replicas store nothing twice and skip nothing.
 */
@Injectable()
export class NationalHubIngest implements OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private jsm: JetStreamManager | undefined;
  private lastError: string | null = null;

  constructor(
    @Inject(PROGRAMME_CONFIG) private readonly config: ProgrammeConfig,
    @Inject(SERVICE_NATS) private readonly nc: NatsConnection,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
    private readonly records: NationalHubRepository,
    private readonly readiness: ReadinessChecks,
  ) {}

  get enabled(): boolean {
    return this.config.nationalHubProvinces.length > 0;
  }

  async start(): Promise<void> {
    if (!this.enabled) return;
    this.jsm = await jetstreamManager(this.nc);
    const changes = await ensureNationalHub(this.jsm, {
      provinces: this.config.nationalHubProvinces,
      stream: this.config.nationalStream,
      serverVersion: this.nc.info?.version,
    });
    this.logger.info({ ...changes }, 'national hub streams ready');
    this.readiness.add('national-hub', async () => {
      if (this.lastError) throw new Error(this.lastError);
    });
    this.timer = setInterval(() => void this.tick(), this.config.nationalHubPollMs);
  }

  /** Reads once what arrived since the last read; how many records were new. */
  async pollOnce(): Promise<number> {
    const jsm = this.jsm ?? (this.jsm = await jetstreamManager(this.nc));
    const stream = this.config.nationalStream;
    return this.records.transaction(async (tx) => {
      const last = await this.records.cursorForUpdate(tx, stream);
      const { state } = await jsm.streams.info(stream);
      if (state.last_seq <= last) return 0;
      const events = await readNationalEvents(jsm, { stream, fromSeq: last + 1, max: 500 });
      const upTo = events.length === 500 ? events[events.length - 1]!.seq : state.last_seq;
      const now = new Date();
      const rows = events.map((e) =>
        Object.assign(new NationalRecord(), {
          eventId: e.envelope.id,
          domain: e.province,
          type: e.envelope.type,
          provinceCode: String((e.envelope.data as { provinceCode?: unknown }).provinceCode ?? ''),
          data: e.envelope.data as Record<string, unknown>,
          occurredAt: new Date(e.envelope.time),
          receivedAt: now,
          seq: String(e.seq),
        }),
      );
      const added = await this.records.addAll(tx, rows);
      await this.records.setCursor(tx, stream, upTo);
      return added;
    });
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.pollOnce()
      .then(() => (this.lastError = null))
      .catch((err: Error) => {
        this.lastError = `reading ${this.config.nationalStream}: ${err.message}`;
        this.logger.warn({ err }, 'national hub read failed; will retry');
      })
      .finally(() => (this.running = undefined));
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
