import { readFileSync } from 'node:fs';
import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { connect, credsAuthenticator, type Authenticator, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import type { ResolvedAgencySdkOptions } from './agency-sdk.options';
import { agencyInboxPrefix } from './subjects';

/**
 * The agency's NATS connection: with its `.creds` file in production (operator mode), and always with the inbox prefix
 * `_INBOX_<CODE>`, the only inbox its credential may subscribe to (replies to its requests and JetStream calls arrive
 * there). Drained on application shutdown, after the consumers have stopped (their hook runs before this one).
 */
export class AgencyConnection implements OnApplicationShutdown {
  private readonly logger = new Logger('AgencySdk');
  readonly js: JetStreamClient;
  private jsmPromise?: Promise<JetStreamManager>;

  constructor(
    readonly nc: NatsConnection,
    private readonly options: Pick<ResolvedAgencySdkOptions, 'jetStreamApiPrefix'>,
    /** Whether the SDK opened the connection, and so drains it. */
    private readonly owned: boolean,
  ) {
    this.js = jetstream(nc, this.apiOptions());
  }

  /** Connects as the options say, or adopts the connection they give. Fails clearly when NATS or the creds file is not there. */
  static async open(o: ResolvedAgencySdkOptions): Promise<AgencyConnection> {
    if (o.connection) return new AgencyConnection(o.connection, o, false);
    let authenticator: Authenticator | undefined;
    if (o.credsFile) {
      try {
        authenticator = credsAuthenticator(readFileSync(o.credsFile));
      } catch (err) {
        throw new Error(`agency SDK: the creds file ${o.credsFile} cannot be read: ${(err as Error).message}`);
      }
    }
    try {
      const nc = await connect({
        servers: o.natsUrl.split(',').map((s) => s.trim()),
        name: o.connectionName,
        inboxPrefix: agencyInboxPrefix(o.agencyCode),
        authenticator,
        maxReconnectAttempts: -1,
        reconnectTimeWait: 1_000,
      });
      return new AgencyConnection(nc, o, true);
    } catch (err) {
      throw new Error(`agency SDK: NATS is not reachable at ${o.natsUrl} as ${o.agencyCode}: ${(err as Error).message}`, { cause: err });
    }
  }

  jsm(): Promise<JetStreamManager> {
    this.jsmPromise ??= jetstreamManager(this.nc, this.apiOptions()).catch((err: unknown) => {
      this.jsmPromise = undefined; // the next call tries again
      throw err;
    });
    return this.jsmPromise;
  }

  /** Throws unless the connection is open and the server answers a round trip. */
  async checkReady(): Promise<void> {
    if (this.nc.isClosed()) throw new Error('NATS connection closed');
    await this.nc.flush();
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.owned || this.nc.isClosed()) return;
    try {
      await this.nc.drain();
    } catch (err) {
      this.logger.warn(`NATS drain failed: ${(err as Error).message}`);
    }
  }

  private apiOptions(): { apiPrefix?: string } {
    return this.options.jetStreamApiPrefix ? { apiPrefix: this.options.jetStreamApiPrefix } : {};
  }
}
