import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { SERVICE_LOGGER } from '@ocop/messaging';
import type { Tx } from '@ocop/persistence';
import { CERTIFICATION_CONFIG } from '../certification.tokens';
import type { CertificationConfig } from '../config/certification.config';

/** One message to a producer, in Vietnamese. `dedupKey` makes writing it twice harmless (e.g. `notice:<cert>:90`). */
export interface ProducerMessage {
  producerId: string;
  template: string;
  subject: string;
  body: string;
  certificateId?: string | null;
  dossierId?: string | null;
  dedupKey: string;
}

export interface OutgoingMessage extends ProducerMessage {
  id: string;
}

/** A way to reach a producer. Email and SMS adapters implement this with their own transport; `log` is the default. */
export interface NotificationChannel {
  readonly name: string;
  send(message: OutgoingMessage): Promise<void>;
}

export class LogChannel implements NotificationChannel {
  readonly name = 'log';
  constructor(private readonly logger: Logger) {}
  async send(m: OutgoingMessage): Promise<void> {
    this.logger.info(
      { notificationId: m.id, producerId: m.producerId, template: m.template },
      `notification to producer ${m.producerId}: ${m.subject}`,
    );
  }
}

export const NOTIFICATION_CHANNELS = Symbol('NOTIFICATION_CHANNELS');
const MAX_ATTEMPTS = 5;

/**
 * The message outbox: messages are written in the transaction of the change they report, then sent by the
 * dispatcher through every configured channel. A failed send is retried on the next run, up to 5 attempts.
 */
@Injectable()
export class Notifications {
  constructor(
    private readonly ds: DataSource,
    @Inject(CERTIFICATION_CONFIG) private readonly config: CertificationConfig,
    @Inject(NOTIFICATION_CHANNELS) private readonly channels: NotificationChannel[],
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  /** Writes messages in the caller's transaction (one insert); a message already written under its dedupKey is skipped. */
  async queue(tx: Tx, messages: ProducerMessage[], at: Date): Promise<void> {
    if (!messages.length) return;
    await tx.query(
      `INSERT INTO certification.notification (id, producer_id, template, subject, body, channels, certificate_id, dossier_id, dedup_key, status, created_at)
       SELECT u.id, u.producer_id, u.template, u.subject, u.body, $9::text[], u.certificate_id, u.dossier_id, u.dedup_key, 'PENDING', $10
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::uuid[], $8::text[])
         AS u(id, producer_id, template, subject, body, certificate_id, dossier_id, dedup_key)
       ON CONFLICT (dedup_key) DO NOTHING`,
      [
        messages.map(() => randomUUID()),
        messages.map((m) => m.producerId),
        messages.map((m) => m.template),
        messages.map((m) => m.subject),
        messages.map((m) => m.body),
        messages.map((m) => m.certificateId ?? null),
        messages.map((m) => m.dossierId ?? null),
        messages.map((m) => m.dedupKey),
        this.config.notifyChannels,
        at,
      ],
    );
  }

  /** Sends pending messages (claimed with SKIP LOCKED, so several workers share the work). */
  async dispatch(limit = 500): Promise<{ sent: number; failed: number }> {
    return this.ds.transaction(async (tx) => {
      const rows: {
        id: string;
        producer_id: string;
        template: string;
        subject: string;
        body: string;
        certificate_id: string | null;
        dossier_id: string | null;
        dedup_key: string;
        attempts: number;
      }[] = await tx.query(
        `SELECT id, producer_id, template, subject, body, certificate_id, dossier_id, dedup_key, attempts FROM certification.notification
          WHERE status = 'PENDING' ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      let sent = 0;
      let failed = 0;
      for (const r of rows) {
        const m: OutgoingMessage = {
          id: r.id,
          producerId: r.producer_id,
          template: r.template,
          subject: r.subject,
          body: r.body,
          certificateId: r.certificate_id,
          dossierId: r.dossier_id,
          dedupKey: r.dedup_key,
        };
        try {
          for (const c of this.channels) await c.send(m);
          await tx.query(`UPDATE certification.notification SET status = 'SENT', sent_at = now(), attempts = attempts + 1 WHERE id = $1`, [
            r.id,
          ]);
          sent++;
        } catch (err) {
          failed++;
          this.logger.warn({ err, notificationId: r.id }, `notification ${r.id} not sent: ${(err as Error).message}`);
          await tx.query(
            `UPDATE certification.notification SET attempts = attempts + 1, last_error = $2,
            status = CASE WHEN attempts + 1 >= $3 THEN 'FAILED' ELSE 'PENDING' END WHERE id = $1`,
            [r.id, (err as Error).message, MAX_ATTEMPTS],
          );
        }
      }
      return { sent, failed };
    });
  }
}
