import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import { IdentitySubjects, ResolveUsersQuery, type ResolvedUser } from '@ocop/contracts';
import { RpcServer, requireActor, type RpcRoute } from '@ocop/messaging';
import type { UserQueries } from './users.queries';

/**
 * The gateway owns the users, so it answers the services' questions about them on the bus
 * (`identity.users.resolve`, in its own queue group `gateway-identity`, like any service route).
 */
export class IdentityHandler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly server: RpcServer;

  constructor(
    nc: NatsConnection,
    private readonly users: UserQueries,
    prefix: string,
    logger: Logger,
  ) {
    this.server = new RpcServer(nc, prefix, 'gateway-identity', logger);
  }

  routes(): RpcRoute<ResolveUsersQuery, ResolvedUser[]>[] {
    return [
      {
        subject: IdentitySubjects.usersResolve,
        request: ResolveUsersQuery,
        handle: async (q, ctx) => {
          requireActor(ctx);
          return this.users.resolve(q.userIds);
        },
      },
    ];
  }

  onApplicationBootstrap(): void {
    this.server.listen(this.routes());
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.server.close();
  }
}
