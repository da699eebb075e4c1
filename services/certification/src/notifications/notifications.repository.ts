import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEFAULT_PAGE } from '@ocop/contracts';
import type { Tx } from '@ocop/persistence';
import { Notification } from './notification.entity';
import type { CertificateReadScope } from '../certificates/certificate-access.policy';
import { certificateScopeCondition } from '../certificates/certificates.repository';
import type { OutgoingMessage, ProducerMessage } from './notification.channel';
import { pickFields } from '../database/pick-fields.mapper';

const VIEW_FIELDS = ['id', 'producerId', 'template', 'subject', 'body', 'status', 'certificateId', 'createdAt'] as const;

export type NotificationView = Pick<
  Notification,
  'id' | 'producerId' | 'template' | 'subject' | 'body' | 'status' | 'certificateId' | 'createdAt'
>;

@Injectable()
export class NotificationsRepository {
  constructor(private readonly ds: DataSource) {}

  /** Writes PENDING messages in the caller's transaction (one insert); a message already written under its dedupKey is skipped. */
  async insertPending(tx: Tx, messages: ProducerMessage[], channels: string[], at: Date): Promise<void> {
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
        channels,
        at,
      ],
    );
  }

  /** Claims up to `limit` pending messages, oldest first, skipping those another dispatcher holds. */
  async claimPending(tx: Tx, limit: number): Promise<OutgoingMessage[]> {
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
    return rows.map((r) => ({
      id: r.id,
      producerId: r.producer_id,
      template: r.template,
      subject: r.subject,
      body: r.body,
      certificateId: r.certificate_id,
      dossierId: r.dossier_id,
      dedupKey: r.dedup_key,
    }));
  }

  /** Sent: stamped with the database's clock (delivery bookkeeping, not a business instant). */
  async markSent(tx: Tx, id: string): Promise<void> {
    await tx
      .createQueryBuilder()
      .update(Notification)
      .set({ status: 'SENT', sentAt: () => 'now()', attempts: () => 'attempts + 1' })
      .where('id = :id', { id })
      .execute();
  }

  /** One more failed attempt; the message stays PENDING (retried next run) until `maxAttempts`, then FAILED. */
  async recordFailedAttempt(tx: Tx, id: string, error: string, maxAttempts: number): Promise<void> {
    await tx
      .createQueryBuilder()
      .update(Notification)
      .set({
        attempts: () => 'attempts + 1',
        lastError: error,
        status: () => `CASE WHEN attempts + 1 >= :maxAttempts THEN 'FAILED' ELSE 'PENDING' END`,
      })
      .where('id = :id', { id })
      .setParameter('maxAttempts', maxAttempts)
      .execute();
  }

  /**
   * A page of the messages a reader may see, oldest first: a producer its own; anyone else those about a
   * certificate in its scope.
   */
  async list(scope: CertificateReadScope, f: { certificateId?: string; limit?: number; offset?: number }): Promise<NotificationView[]> {
    const q = this.ds
      .getRepository(Notification)
      .createQueryBuilder('n')
      .select(VIEW_FIELDS.map((f) => `n.${f}`));
    if (scope.kind === 'producer') q.where('n.producer_id = :scopeProducer', { scopeProducer: scope.producerId });
    else {
      const s = certificateScopeCondition(scope);
      q.where(`EXISTS (SELECT 1 FROM certification.certificate c WHERE c.id = n.certificate_id AND (${s.sql}))`, s.params);
    }
    if (f.certificateId) q.andWhere('n.certificate_id = :certificateId', { certificateId: f.certificateId });
    const rows = await q
      .orderBy('n.created_at')
      .addOrderBy('n.id')
      .limit(f.limit ?? DEFAULT_PAGE.limit)
      .offset(f.offset ?? DEFAULT_PAGE.offset)
      .getMany();
    return rows.map((n) => pickFields(n, VIEW_FIELDS));
  }
}
