import { Payload } from '@nestjs/microservices';
import { CertificationSubjects as S, ListNotificationsQuery as ListNotificationsRequest } from '@ocop/contracts';
import { Caller, Handles, RpcController, requireActor, type RpcContext } from '@ocop/messaging';
import { ListNotificationsQuery } from './list-notifications.query';

/** The NATS edge of the notices sent to producers and offices. */
@RpcController()
export class NotificationsHandler {
  constructor(private readonly listNotifications: ListNotificationsQuery) {}

  @Handles(S.notificationList)
  list(@Payload() q: ListNotificationsRequest, @Caller() call: RpcContext) {
    return this.listNotifications.execute(requireActor(call), q);
  }
}
