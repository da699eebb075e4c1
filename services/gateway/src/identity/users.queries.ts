import { Injectable } from '@nestjs/common';
import type { Actor, ResolvedUser } from '@ocop/contracts';
import { spansAllProvinces } from '@ocop/auth';
import { UsersRepository, type UserScope } from './users.repository';
import { actorOf, userView } from './user.mapper';
import type { ListUsersQuery, UserView } from './user.dto';

/** Read side of the users: an admin's list (its province, or all for a national admin) and the services' lookups. */
@Injectable()
export class UserQueries {
  constructor(private readonly users: UsersRepository) {}

  async list(admin: Actor, q: ListUsersQuery = {}): Promise<UserView[]> {
    const scope: UserScope = spansAllProvinces(admin) ? { kind: 'all' } : { kind: 'province', provinceCode: admin.scope.provinceCode };
    const users = await this.users.list(scope, {
      role: q.role,
      active: q.active ? q.active === 'true' : undefined,
      limit: q.limit,
      offset: q.offset,
    });
    return users.map(userView);
  }

  /** Role, scope and state of the users a service names (council seats, teams, assignments). */
  async resolve(userIds: string[]): Promise<ResolvedUser[]> {
    const users = await this.users.findManyForSystem([...new Set(userIds)]);
    return users.map((u) => ({ ...actorOf(u), fullName: u.fullName, active: u.active }));
  }
}
