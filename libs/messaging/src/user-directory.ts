import { AppError, IdentitySubjects, type Actor, type ResolvedUser, type Role, type UserInUnit } from '@ocop/contracts';
import { NATIONAL_SCOPE } from '@ocop/auth';
import type { RpcClient } from './rpc';

/** A user id given in a command, and what the user must be for it. */
export interface UserRequirement {
  userId: string;
  /** The command's field that names the user, e.g. `members.2.userId`: the refusal names it. */
  field: string;
  roles: readonly Role[];
  /** The province the user must belong to; national (`VN`) users are accepted only when `national` is set. Absent: any. */
  provinceCode?: string;
  national?: boolean;
}

/**
 * The platform's users as services see them: the gateway owns them and answers `identity.users.resolve`. A
 * council, a campaign team or a task assignment resolves its user ids here when it is made, and is refused
 * (422, the field named) when a user is unknown or inactive, has another role, or belongs to another province.
 */
export class UserDirectory {
  constructor(private readonly rpc: RpcClient) {}

  async resolve(actor: Actor, userIds: string[]): Promise<Map<string, ResolvedUser>> {
    const unique = [...new Set(userIds)];
    if (!unique.length) return new Map();
    const users = await this.rpc.request<ResolvedUser[]>(IdentitySubjects.usersResolve, { userIds: unique }, { actor });
    return new Map(users.map((u) => [u.id, u]));
  }

  /** The active users of these roles in a province or one of its districts (ids and places), asked for `actor`. */
  inUnit(actor: Actor, q: { roles: Role[]; provinceCode: string; districtCode?: string }): Promise<UserInUnit[]> {
    return this.rpc.request<UserInUnit[]>(IdentitySubjects.usersInUnit, q, { actor });
  }

  async require(actor: Actor, requirements: UserRequirement[]): Promise<Map<string, ResolvedUser>> {
    const users = await this.resolve(
      actor,
      requirements.map((r) => r.userId),
    );
    for (const r of requirements) {
      const u = users.get(r.userId);
      if (!u || !u.active) throw AppError.rule('USER_UNKNOWN', `no active platform user ${r.userId}`, r.field);
      if (!r.roles.includes(u.role))
        throw AppError.rule('USER_ROLE_INVALID', `${u.username} is ${u.role}; expected ${r.roles.join(' or ')}`, r.field);
      if (r.provinceCode !== undefined) {
        const inProvince = u.scope.provinceCode === r.provinceCode || (r.national === true && u.scope.provinceCode === NATIONAL_SCOPE);
        if (!inProvince)
          throw AppError.rule(
            'USER_OUT_OF_SCOPE',
            `${u.username} belongs to province ${u.scope.provinceCode}, not ${r.provinceCode}`,
            r.field,
          );
      }
    }
    return users;
  }
}
