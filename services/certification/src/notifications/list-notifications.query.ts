import { Injectable } from '@nestjs/common';
import type { Actor, ListNotificationsQuery as ListNotificationsRequest } from '@ocop/contracts';
import { certificateReadScopeOf } from '../certificates/certificate-access.policy';
import { NotificationsRepository, type NotificationView } from './notifications.repository';

/** A page of the messages to producers the reader may see (a producer its own, officers those about certificates they may read). */
@Injectable()
export class ListNotificationsQuery {
  constructor(private readonly notifications: NotificationsRepository) {}

  execute(actor: Actor, q: ListNotificationsRequest): Promise<NotificationView[]> {
    return this.notifications.list(certificateReadScopeOf(actor), q);
  }
}
