import { randomUUID } from 'node:crypto';
import type { DataSource, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import type { NatsConnection } from '@nats-io/transport-node';
import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import type { Logger } from 'pino';
import { eventSubject, type EventEnvelope, type EventPayload, type EventType } from '@ocop/contracts';
import { OutboxRow, schemaOf, type Tx } from '@ocop/persistence';
import { currentContext, now, type Metrics } from '@ocop/observability';

/** One event for `enqueueEvents`: its type, its subject and data of that type's payload class (a union over the given types). */
export type OutboxEvent<T extends EventType = EventType> = {
  [K in T]: { type: K; subject: string | undefined; data: EventPayload<K> };
}[T];

/** Set on a transaction's query runner when it wrote outbox rows: its commit wakes this process's relay. */
const WROTE_OUTBOX = 'ocop:wroteOutbox';

const markOutboxWritten = (tx: Tx): void => {
  if (tx.queryRunner) tx.queryRunner.data[WROTE_OUTBOX] = true;
};

/**
 * Wakes the relay when a transaction that wrote outbox rows commits (the outermost commit; a savepoint's release is
 * not one). The rows are relayed by the process that wrote them, at once; rows another process left behind (it
 * crashed before relaying them) are found by the relay's poll. This costs no round trip, where a `pg_notify` per
 * command cost one and serialised every notifying commit on PostgreSQL's notification queue lock.
 */
class OutboxCommitSubscriber implements EntitySubscriberInterface {
  constructor(private readonly wake: () => void) {}

  afterTransactionCommit(e: TransactionCommitEvent): void {
    if (e.queryRunner.isTransactionActive || !e.queryRunner.data[WROTE_OUTBOX]) return;
    delete e.queryRunner.data[WROTE_OUTBOX];
    this.wake();
  }

  afterTransactionRollback(e: TransactionRollbackEvent): void {
    if (!e.queryRunner.isTransactionActive) delete (e.queryRunner as QueryRunner).data[WROTE_OUTBOX];
  }
}

/** Records domain events in the caller's transaction; the relay publishes them after commit. */
export class EventOutbox {
  constructor(
    private readonly source: string,
    private readonly prefix: string,
  ) {}

  async enqueue<T>(tx: Tx, type: string, subject: string | undefined, data: T): Promise<EventEnvelope<T>> {
    const [envelope] = await this.enqueueMany(tx, [{ type, subject, data }]);
    return envelope as EventEnvelope<T>;
  }

  /**
   * `enqueue` with the data typed by the contracts' event registry: it must have the shape of the type's payload
   * class (checked by the compiler; consumers validate it at run time). For producers to move to; `enqueue` is unchanged.
   */
  enqueueEvent<T extends EventType>(
    tx: Tx,
    type: T,
    subject: string | undefined,
    data: EventPayload<T>,
  ): Promise<EventEnvelope<EventPayload<T>>> {
    return this.enqueue(tx, type, subject, data);
  }

  /** `enqueueMany` with each event's data typed by the registry, as in `enqueueEvent`. */
  enqueueEvents(tx: Tx, events: OutboxEvent[]): Promise<EventEnvelope[]> {
    return this.enqueueMany(tx, events);
  }

  /** Several events of one transaction in one insert and one notification (e.g. a council session's results). */
  async enqueueMany(tx: Tx, events: { type: string; subject: string | undefined; data: unknown }[]): Promise<EventEnvelope[]> {
    if (events.length === 0) return [];
    const ctx = currentContext();
    const time = now().toISOString(); // the request's as-of instant (or the handled event's time), else the wall clock
    const envelopes: EventEnvelope[] = events.map(({ type, subject, data }) => ({
      specversion: '1.0',
      id: randomUUID(),
      source: this.source,
      type,
      subject,
      time,
      datacontenttype: 'application/json',
      data,
      correlationid: ctx?.correlationId ?? randomUUID(),
      ...(ctx?.causationId ? { causationid: ctx.causationId } : {}),
      ...(ctx?.actor ? { actorid: ctx.actor.id, actorrole: ctx.actor.role } : {}),
    }));
    // One statement whatever the count, one array per column (a sweep chunk enqueues thousands); created_at is the
    // database's clock: it orders the relay's claims, it is not a fact of the domain.
    await tx.query(
      `INSERT INTO "${schemaOf(tx)}".outbox (id, subject, type, envelope) SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::jsonb[])`,
      [
        envelopes.map((e) => e.id),
        envelopes.map((e) => eventSubject(this.prefix, e.type)),
        envelopes.map((e) => e.type),
        envelopes.map((e) => JSON.stringify(e)),
      ],
    );
    markOutboxWritten(tx); // the commit wakes the relay (OutboxCommitSubscriber); one wake drains the batch
    return envelopes;
  }
}

/** Publishes one outbox row to JetStream and waits for the stream's ack. */
export interface EventPublisher {
  publish(row: OutboxRow): Promise<{ duplicate: boolean }>;
}

export class JetStreamPublisher implements EventPublisher {
  private readonly js: JetStreamClient;
  constructor(nc: NatsConnection) {
    this.js = jetstream(nc);
  }
  async publish(row: OutboxRow): Promise<{ duplicate: boolean }> {
    const ack = await this.js.publish(row.subject, JSON.stringify(row.envelope), { msgID: row.id });
    return { duplicate: ack.duplicate };
  }
}

export interface OutboxRelayOptions {
  batchSize?: number;
  /** Poll for rows no commit of this process announced (another process wrote them and stopped before relaying them). */
  pollIntervalMs?: number;
  /** Failed publishes of a row, while other rows of its batches went through, before it is set aside (default 10). */
  maxAttempts?: number;
  /** Pause before the next batch while commits keep arriving, so batches grow under load (default 2 ms; 0: none). */
  lingerMs?: number;
}

/**
 * Moves committed outbox rows to JetStream. Rows are claimed with FOR UPDATE SKIP LOCKED, so any
 * number of replicas relay concurrently without publishing a row twice at the same time. A row is
 * marked published in the claiming transaction only after JetStream acked it: a crash in between
 * rolls the claim back and the row is published again, with the same Nats-Msg-Id, which the stream
 * drops as a duplicate (and consumers' inboxes absorb it past the duplicate window).
 */
export class OutboxRelay {
  private subscriber?: OutboxCommitSubscriber;
  private running = false;
  private wake?: () => void;
  /** Set by kick(); a kick during a batch makes the loop go round again instead of sleeping. */
  private kicked = false;
  private loop?: Promise<void>;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly maxAttempts: number;
  private readonly lingerMs: number;

  constructor(
    private readonly ds: DataSource,
    private readonly publisher: EventPublisher,
    private readonly o: OutboxRelayOptions,
    private readonly logger: Logger,
    private readonly metrics?: Metrics,
  ) {
    this.batchSize = o.batchSize ?? 100;
    this.pollIntervalMs = o.pollIntervalMs ?? 1000;
    this.maxAttempts = o.maxAttempts ?? 10;
    this.lingerMs = o.lingerMs ?? 2;
  }

  async start(): Promise<void> {
    this.subscriber = new OutboxCommitSubscriber(() => this.kick());
    this.ds.subscribers.push(this.subscriber);
    this.running = true;
    this.loop = this.run();
  }

  kick(): void {
    this.kicked = true;
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.kick();
    await this.loop;
    const i = this.subscriber ? this.ds.subscribers.indexOf(this.subscriber) : -1;
    if (i >= 0) this.ds.subscribers.splice(i, 1);
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      let published = 0;
      try {
        published = await this.relayBatch();
        failures = 0;
      } catch (err) {
        failures++;
        this.logger.warn({ err, failures }, 'outbox relay batch failed; will retry');
      }
      if (!this.running) break;
      if (published >= this.batchSize) continue; // more are waiting
      if (this.kicked && !failures) {
        this.kicked = false; // a commit arrived while we were publishing
        // Under load, commits keep arriving: wait a moment so the next claim takes several rows at once (a batch costs
        // four statements whatever its size), instead of one small batch per commit.
        if (this.lingerMs) await new Promise((r) => setTimeout(r, this.lingerMs));
        continue;
      }
      const waitMs = failures ? Math.min(30_000, 250 * 2 ** failures) : this.pollIntervalMs;
      this.kicked = false;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, waitMs);
        this.wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }

  /**
   * Claims, publishes and marks one batch. Returns how many rows it published. When every row fails, the
   * bus is the likely cause: the batch throws (nothing is counted) and the loop backs off. When only some
   * fail, those rows are the cause (e.g. an envelope over NATS's payload limit): each failure is counted on
   * the row, and after `maxAttempts` the row is set aside (no longer claimed, logged as an error, counted
   * in ocop_outbox_set_aside_total) so it never holds the others back; `UPDATE … SET attempts = 0` retries it.
   */
  async relayBatch(): Promise<number> {
    return this.ds.transaction(async (tx) => {
      const rows = await tx
        .createQueryBuilder(OutboxRow, 'o')
        .where('o.published_at IS NULL')
        .andWhere('o.attempts < :max', { max: this.maxAttempts })
        .orderBy('o.created_at', 'ASC')
        .limit(this.batchSize)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      // Pipelined: publishes on one connection reach the stream in the order they are sent, so the
      // batch keeps created_at order while the acks come back together.
      const results = await Promise.allSettled(rows.map((row) => this.publisher.publish(row)));
      const failedAt = results.flatMap((r, i) => (r.status === 'rejected' ? [i] : []));
      if (rows.length && failedAt.length === rows.length) throw (results[0] as PromiseRejectedResult).reason;
      const published = rows.filter((_, i) => results[i]!.status === 'fulfilled');
      results.forEach((r, i) => {
        if (r.status === 'fulfilled' && r.value.duplicate)
          this.logger.info({ eventId: rows[i]!.id }, 'event was already in the stream (re-publish after a crash)');
      });
      if (published.length) {
        await tx
          .createQueryBuilder()
          .update(OutboxRow)
          .set({ publishedAt: () => 'now()' })
          .whereInIds(published.map((r) => r.id))
          .execute();
        this.metrics?.outboxPublished.inc(published.length);
      }
      for (const i of failedAt) {
        const row = rows[i]!;
        const error = String(
          ((results[i] as PromiseRejectedResult).reason as Error)?.message ?? (results[i] as PromiseRejectedResult).reason,
        ).slice(0, 2000);
        await tx
          .createQueryBuilder()
          .update(OutboxRow)
          .set({ attempts: () => 'attempts + 1', lastError: error })
          .whereInIds([row.id])
          .execute();
        if (row.attempts + 1 >= this.maxAttempts) {
          this.logger.error(
            { eventId: row.id, type: row.type, attempts: row.attempts + 1, error },
            `outbox row ${row.id} set aside after ${row.attempts + 1} failed publishes`,
          );
          this.metrics?.outboxSetAside.inc();
        } else {
          this.logger.warn({ eventId: row.id, attempts: row.attempts + 1, error }, 'outbox row not published; others were');
        }
      }
      return published.length;
    });
  }
}
