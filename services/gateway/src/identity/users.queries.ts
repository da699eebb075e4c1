import { Injectable } from '@nestjs/common';
import { AppError, Role, type Actor, type ResolvedUser, type UserInUnit, type UsersInUnitQuery } from '@ocop/contracts';
import { coversProvince, spansAllProvinces } from '@ocop/auth';
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

  /**
   * The active users of these roles in a province or district, for a service acting for an office: the office's own
   * province (a district office: its own district).
   */
  async inUnit(actor: Actor, q: UsersInUnitQuery): Promise<UserInUnit[]> {
    if (!coversProvince(actor, q.provinceCode)) throw AppError.forbidden('OUT_OF_SCOPE', "the caller's province only", 'provinceCode');
    if (actor.role === Role.DISTRICT_OFFICER && q.districtCode !== actor.scope.districtCode)
      throw AppError.forbidden('OUT_OF_SCOPE', "a district office asks about its own district's users", 'districtCode');
    const users = await this.users.inUnit(q.roles, q.provinceCode, q.districtCode);
    return users.map((u) => ({ id: u.id, role: u.role as Role, districtCode: u.districtCode, communeCode: u.communeCode }));
  }
}
