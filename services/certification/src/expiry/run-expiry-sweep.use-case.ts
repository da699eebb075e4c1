import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { CertificationEvents as E, SYSTEM_ACTOR, type CertificateExpiredData, type RevocationRequestedData } from '@ocop/contracts';
import { EXPIRY_NOTICE_DAYS, REVOCATION_REASONS } from '@ocop/domain';
import { EventOutbox, type OutboxEvent } from '@ocop/messaging';
import { SERVICE_LOGGER } from '@ocop/service-kit';
import { writeAuditMany } from '@ocop/persistence';
import { CERTIFICATION_CONFIG } from '../certification.tokens';
import type { CertificationConfig } from '../config/certification.config';
import { certificateEventData, type CertificateRow } from '../certificates/certificate.mapper';
import { CertificatesRepository, type SweepCursor } from '../certificates/certificates.repository';
import { RevocationsRepository } from '../revocation/revocations.repository';
import { CertificateNoticesRepository } from './certificate-notices.repository';
import { vietnamNumericDate } from '@ocop/documents';
import { NotificationOutbox } from '../notifications/notification.outbox';
import type { ProducerMessage } from '../notifications/notification.channel';

export interface ExpirySweepReport {
  asOf: string;
  /** Notices sent by milestone (days before the end). */
  noticesSent: Record<string, number>;
  /** Milestones passed before any sweep saw them (recorded, not sent: a later notice was sent instead). */
  noticesSkipped: number;
  markedExpiring: number;
  expired: number;
  revocationRequests: number;
  chunks: number;
}

const MAX_NOTICE_DAYS = Math.max(...EXPIRY_NOTICE_DAYS);

/**
 * The daily expiry sweep, for any "as of" instant. Postgres decides what happens once: a notice is a row
 * keyed by (certificate, milestone) inserted with ON CONFLICT DO NOTHING, in the same transaction as its
 * event and message, so a sweep run twice, or a worker killed between chunks, never sends a notice twice
 * and never loses one (the next run finds it not yet recorded). Work is done in chunks of certificates
 * walked in (valid_to, id) order, each its own transaction.
 */
@Injectable()
export class RunExpirySweepUseCase {
  private chunksCommitted = 0;

  constructor(
    private readonly ds: DataSource,
    private readonly outbox: EventOutbox,
    private readonly notifications: NotificationOutbox,
    private readonly certificates: CertificatesRepository,
    private readonly noticeRows: CertificateNoticesRepository,
    private readonly revocations: RevocationsRepository,
    @Inject(CERTIFICATION_CONFIG) private readonly config: CertificationConfig,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  async execute(asOf: Date): Promise<ExpirySweepReport> {
    const report: ExpirySweepReport = {
      asOf: asOf.toISOString(),
      noticesSent: Object.fromEntries(EXPIRY_NOTICE_DAYS.map((d) => [String(d), 0])),
      noticesSkipped: 0,
      markedExpiring: 0,
      expired: 0,
      revocationRequests: 0,
      chunks: 0,
    };
    await this.notices(asOf, report);
    await this.expire(asOf, report);
    await this.requestRevocations(asOf, report);
    this.logger.info({ ...report }, 'expiry sweep done');
    return report;
  }

  private async notices(asOf: Date, report: ExpirySweepReport): Promise<void> {
    let cursor: SweepCursor = { validTo: new Date(0), id: '00000000-0000-0000-0000-000000000000' };
    for (;;) {
      const done = await this.ds.transaction(async (tx) => {
        const certs = await this.certificates.noticeChunk(tx, asOf, MAX_NOTICE_DAYS, cursor, this.config.sweepChunkSize);
        if (!certs.length) return true;
        const last = certs[certs.length - 1] as CertificateRow;
        cursor = { validTo: last.validTo, id: last.id };
        const ids = certs.map((c) => c.id);
        // Every milestone reached is recorded once; only the nearest one reached is sent (no three letters at once).
        const inserted = await this.noticeRows.recordReached(tx, ids, asOf, EXPIRY_NOTICE_DAYS);
        const marked = await this.certificates.markExpiring(tx, ids, asOf);
        report.markedExpiring += marked.length;
        await writeAuditMany(
          tx,
          marked.map((m) => ({
            actorId: SYSTEM_ACTOR.id,
            actorRole: SYSTEM_ACTOR.role,
            action: 'certificate.expiring',
            entityType: 'certificate',
            entityId: m.id,
            details: { asOf: asOf.toISOString() },
          })),
        );
        const byId = new Map(certs.map((c) => [c.id, c]));
        const events: OutboxEvent<typeof E.certificateExpiring>[] = [];
        const messages: ProducerMessage[] = [];
        for (const n of inserted) {
          if (!n.notified) {
            report.noticesSkipped++;
            continue;
          }
          const c = byId.get(n.certificate_id) as CertificateRow;
          report.noticesSent[String(n.milestone_days)] = (report.noticesSent[String(n.milestone_days)] ?? 0) + 1;
          events.push({
            type: E.certificateExpiring,
            subject: c.id,
            data: {
              ...certificateEventData(c),
              milestoneDays: n.milestone_days,
              validTo: c.validTo.toISOString(),
              productName: c.productName,
              at: asOf.toISOString(),
            },
          });
          messages.push({
            producerId: c.producerId,
            template: `certificate-expiring-${n.milestone_days}`,
            certificateId: c.id,
            dossierId: c.dossierId,
            dedupKey: `expiring:${c.id}:${n.milestone_days}`,
            subject: `Giấy chứng nhận OCOP số ${c.number} sẽ hết hiệu lực sau ${n.milestone_days} ngày`,
            body:
              `Giấy chứng nhận OCOP số ${c.number} của sản phẩm "${c.productName}" hết hiệu lực vào ngày ${vietnamNumericDate(c.validTo)}. ` +
              'Đề nghị chủ thể nộp hồ sơ đánh giá lại trước khi hết hiệu lực; sau thời hạn này không được sử dụng biểu trưng OCOP và số sao trên bao bì.',
          });
        }
        if (events.length) await this.outbox.enqueueEvents(tx, events);
        await this.notifications.queue(tx, messages, asOf);
        report.chunks++;
        return certs.length < this.config.sweepChunkSize;
      });
      this.afterChunk();
      if (done) return;
    }
  }

  private async expire(asOf: Date, report: ExpirySweepReport): Promise<void> {
    for (;;) {
      const n = await this.ds.transaction(async (tx) => {
        const certs = await this.certificates.expireDueChunk(tx, asOf, this.config.sweepChunkSize);
        if (!certs.length) return 0;
        await writeAuditMany(
          tx,
          certs.map((c) => ({
            actorId: SYSTEM_ACTOR.id,
            actorRole: SYSTEM_ACTOR.role,
            action: 'certificate.expire',
            entityType: 'certificate',
            entityId: c.id,
            details: { asOf: asOf.toISOString() },
          })),
        );
        await this.outbox.enqueueEvents(
          tx,
          certs.map((c) => ({
            type: E.certificateExpired,
            subject: c.id,
            data: { ...certificateEventData(c), validTo: c.validTo.toISOString(), at: asOf.toISOString() } satisfies CertificateExpiredData,
          })),
        );
        await this.notifications.queue(
          tx,
          certs.map((c) => ({
            producerId: c.producerId,
            template: 'certificate-expired',
            certificateId: c.id,
            dossierId: c.dossierId,
            dedupKey: `expired:${c.id}`,
            subject: `Giấy chứng nhận OCOP số ${c.number} đã hết hiệu lực`,
            body:
              `Giấy chứng nhận OCOP số ${c.number} của sản phẩm "${c.productName}" đã hết hiệu lực từ ngày ${vietnamNumericDate(c.validTo)}. ` +
              'Chủ thể không được tiếp tục sử dụng biểu trưng OCOP và số sao trên bao bì sản phẩm.',
          })),
          asOf,
        );
        report.chunks++;
        return certs.length;
      });
      report.expired += n;
      this.afterChunk();
      if (n < this.config.sweepChunkSize) return;
    }
  }

  /**
   * A certificate that expired without being re-evaluated (not superseded) gets one automatic revocation
   * request. Candidates are walked in (valid_to, id) order on their partial index; each is checked against
   * the two partial unique indexes of revocation (one EXPIRY request ever, one open request at a time).
   */
  private async requestRevocations(asOf: Date, report: ExpirySweepReport): Promise<void> {
    let cursor: SweepCursor = { validTo: new Date(0), id: '00000000-0000-0000-0000-000000000000' };
    for (;;) {
      const { done, n } = await this.ds.transaction(async (tx) => {
        const candidates = await this.certificates.lapsedChunk(
          tx,
          asOf,
          this.config.expiryRevocationGraceDays,
          cursor,
          this.config.sweepChunkSize,
        );
        if (!candidates.length) return { done: true, n: 0 };
        const last = candidates[candidates.length - 1] as { id: string; valid_to: Date };
        cursor = { validTo: last.valid_to, id: last.id };
        const rows = await this.revocations.requestForLapsed(
          tx,
          asOf,
          candidates.map((c) => c.id),
          REVOCATION_REASONS.NOT_REEVALUATED,
        );
        if (rows.length) {
          await this.outbox.enqueueEvents(
            tx,
            rows.map((c) => ({
              type: E.revocationRequested,
              subject: c.id,
              data: {
                ...certificateEventData(c),
                revocationId: c.revocationId,
                source: 'EXPIRY',
                reasonCode: 'NOT_REEVALUATED',
                sourceReference: null,
                details: REVOCATION_REASONS.NOT_REEVALUATED,
                requestedAt: asOf.toISOString(),
              } satisfies RevocationRequestedData,
            })),
          );
          await writeAuditMany(
            tx,
            rows.map((c) => ({
              actorId: SYSTEM_ACTOR.id,
              actorRole: SYSTEM_ACTOR.role,
              action: 'revocation.request',
              entityType: 'revocation',
              entityId: c.revocationId,
              details: { certificateId: c.id, source: 'EXPIRY' },
            })),
          );
        }
        report.chunks++;
        return { done: candidates.length < this.config.sweepChunkSize, n: rows.length };
      });
      report.revocationRequests += n;
      this.afterChunk();
      if (done) return;
    }
  }

  /** Test hook: a worker dying between two committed chunks. */
  private afterChunk(): void {
    this.chunksCommitted++;
    if (this.config.crashAfterSweepChunks && this.chunksCommitted >= this.config.crashAfterSweepChunks) {
      this.logger.warn('crashAfterSweepChunks reached: killing this process (test hook)');
      process.kill(process.pid, 'SIGKILL');
    }
  }
}
