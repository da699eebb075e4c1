import { Payload } from '@nestjs/microservices';
import { IdentitySubjects, ResolveUsersQuery, UsersInUnitQuery, type ResolvedUser, type UserInUnit } from '@ocop/contracts';
import { Caller, Handles, RpcController, requireActor, type RpcContext } from '@ocop/messaging';
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

  @Handles(IdentitySubjects.usersInUnit)
  inUnit(@Payload() q: UsersInUnitQuery, @Caller() call: RpcContext): Promise<UserInUnit[]> {
    return this.users.inUnit(requireActor(call), q);
  }
}
