import type { Logger } from 'pino';
import type { NotificationChannel, OutgoingMessage } from './notification.channel';

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
