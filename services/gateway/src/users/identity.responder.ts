import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { In, type DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { IdentitySubjects, ResolveUsersQuery, type ResolvedUser } from '@ocop/contracts';
import { RpcServer, requireActor, type RpcRoute } from '@ocop/messaging';
import { actorOf } from './users.service';
import { User } from './user.entity';

/**
 * The gateway owns the users, so it answers the services' questions about them on the bus
 * (`identity.users.resolve`, in its own queue group `gateway-identity`, like any service route).
 */
export class IdentityResponder implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly server: RpcServer;

  constructor(
    nc: NatsConnection,
    private readonly ds: DataSource,
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
          const users = await this.ds.getRepository(User).findBy({ id: In([...new Set(q.userIds)]) });
          return users.map((u) => ({ ...actorOf(u), fullName: u.fullName, active: u.active }));
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
