import { Inject, Injectable } from '@nestjs/common';
import type { Tx } from '@ocop/persistence';
import { CERTIFICATION_CONFIG } from '../certification.tokens';
import type { CertificationConfig } from '../config/certification.config';
import { NotificationsRepository } from './notifications.repository';
import type { ProducerMessage } from './notification.channel';

/**
 * The message outbox: messages are written in the transaction of the change they report, then sent by the
 * dispatcher (`DispatchNotificationsUseCase`) through every configured channel.
 */
@Injectable()
export class NotificationOutbox {
  constructor(
    private readonly notifications: NotificationsRepository,
    @Inject(CERTIFICATION_CONFIG) private readonly config: CertificationConfig,
  ) {}

  /** Writes messages in the caller's transaction (one insert); a message already written under its dedupKey is skipped. */
  async queue(tx: Tx, messages: ProducerMessage[], at: Date): Promise<void> {
    if (!messages.length) return;
    await this.notifications.insertPending(tx, messages, this.config.notifyChannels, at);
  }
}
