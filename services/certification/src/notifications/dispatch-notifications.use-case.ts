import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { SERVICE_LOGGER } from '@ocop/service-kit';
import { NotificationsRepository } from './notifications.repository';
import { NOTIFICATION_CHANNELS, type NotificationChannel } from './notification.channel';

const MAX_ATTEMPTS = 5;

/** Sends pending messages (claimed with SKIP LOCKED, so several workers share the work). A failed send is retried on the next run, up to 5 attempts. */
@Injectable()
export class DispatchNotificationsUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly notifications: NotificationsRepository,
    @Inject(NOTIFICATION_CHANNELS) private readonly channels: NotificationChannel[],
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  async execute(limit = 500): Promise<{ sent: number; failed: number }> {
    return this.ds.transaction(async (tx) => {
      const rows = await this.notifications.claimPending(tx, limit);
      let sent = 0;
      let failed = 0;
      for (const m of rows) {
        try {
          for (const c of this.channels) await c.send(m);
          await this.notifications.markSent(tx, m.id);
          sent++;
        } catch (err) {
          failed++;
          this.logger.warn({ err, notificationId: m.id }, `notification ${m.id} not sent: ${(err as Error).message}`);
          await this.notifications.recordFailedAttempt(tx, m.id, (err as Error).message, MAX_ATTEMPTS);
        }
      }
      return { sent, failed };
    });
  }
}
