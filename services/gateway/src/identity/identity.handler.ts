import { Payload } from '@nestjs/microservices';
import { IdentitySubjects, ResolveUsersQuery, type ResolvedUser } from '@ocop/contracts';
import { Handles, RpcController } from '@ocop/messaging';
import { UserQueries } from './users.queries';

/**
 * The gateway owns the users, so it answers the services' questions about them on the bus
 * (`identity.users.resolve`, in its own queue group `gateway-identity`, like any service's NATS edge).
 */
@RpcController()
export class IdentityHandler {
  constructor(private readonly users: UserQueries) {}

  @Handles(IdentitySubjects.usersResolve)
  resolve(@Payload() q: ResolveUsersQuery): Promise<ResolvedUser[]> {
    return this.users.resolve(q.userIds);
  }
}
