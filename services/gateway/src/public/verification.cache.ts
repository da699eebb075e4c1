import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import { CERTIFICATE_STATUS_EVENTS, CertificationSubjects, eventSubject, type PublicCertificateRecord } from '@ocop/contracts';
import type { RpcClient } from '@ocop/messaging';

interface Entry {
  record: PublicCertificateRecord | null;
  at: number;
}

/**
 * The gateway's cache of public certificate records. Every certificate status event (issued, superseded,
 * expiring, expired, revoked) drops its code at once: the gateway hears JetStream's events as plain NATS
 * messages on their subjects. While the connection to NATS is down nothing is served from the cache (it
 * could miss a revocation), and entries live at most `ttlMs` anyway. Unknown codes are cached briefly too,
 * so a flood of made-up codes does not reach the database.
 */
export class VerificationCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inflight = new Map<string, Promise<PublicCertificateRecord | null>>();
  private subscription?: Subscription;
  private connected = true;
  /** Bumped on every drop: a load that started before a drop does not cache what it read. */
  private epoch = 0;

  constructor(
    private readonly nc: NatsConnection,
    private readonly rpc: RpcClient,
    private readonly prefix: string,
    private readonly logger: Logger,
    private readonly o: { ttlMs: number; missTtlMs: number; maxEntries: number },
  ) {}

  start(): void {
    const types = new Set(CERTIFICATE_STATUS_EVENTS.map((t) => eventSubject(this.prefix, t)));
    this.subscription = this.nc.subscribe(eventSubject(this.prefix, 'certification.>'), {
      callback: (err, msg) => {
        if (err || !types.has(msg.subject)) return;
        try {
          const data = (JSON.parse(msg.string()) as { data?: { code?: string; supersededBy?: string } }).data;
          if (data?.code) this.entries.delete(data.code);
        } catch {
          this.entries.clear();
        }
        this.epoch++;
      },
    });
    void (async () => {
      for await (const s of this.nc.status()) {
        if (s.type === 'disconnect' || s.type === 'reconnect') {
          this.entries.clear();
          this.epoch++;
          this.connected = s.type === 'reconnect';
          this.logger.warn({ status: s.type }, 'verification cache cleared (NATS connection changed)');
        }
      }
    })().catch(() => undefined);
  }

  stop(): void {
    this.subscription?.unsubscribe();
  }

  async get(code: string): Promise<PublicCertificateRecord | null> {
    const now = Date.now();
    const hit = this.connected ? this.entries.get(code) : undefined;
    if (hit && now - hit.at < (hit.record ? this.o.ttlMs : this.o.missTtlMs)) return hit.record;
    let pending = this.inflight.get(code);
    if (!pending) {
      pending = this.load(code).finally(() => this.inflight.delete(code));
      this.inflight.set(code, pending);
    }
    return pending;
  }

  private async load(code: string): Promise<PublicCertificateRecord | null> {
    const epoch = this.epoch;
    let record: PublicCertificateRecord | null;
    try {
      record = await this.rpc.request<PublicCertificateRecord>(CertificationSubjects.publicVerify, { code });
    } catch (err) {
      if ((err as { code?: string }).code !== 'CERTIFICATE_NOT_FOUND') throw err;
      record = null;
    }
    if (this.connected && epoch === this.epoch) {
      if (this.entries.size >= this.o.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
      this.entries.set(code, { record, at: Date.now() });
    }
    return record;
  }
}
