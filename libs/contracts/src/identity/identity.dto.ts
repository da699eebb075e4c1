import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { List } from '../validation';
import { Role, type Scope } from '../actor';

/** Subjects the gateway answers about the platform's users (it owns them; services ask, never store). */
export const IdentitySubjects = {
  /** Role and scope of the given user ids; unknown ids are left out of the reply. */
  usersResolve: 'identity.users.resolve',
  /** The active users of given roles in a province or one of its districts (ids, roles and places only): coverage counts. */
  usersInUnit: 'identity.users.in-unit',
} as const;

export class UsersInUnitQuery {
  @List(1, 9) @IsIn(Object.values(Role), { each: true }) roles: string[];
  @Matches(/^\d{2}$/, { message: 'provinceCode must be two digits' }) provinceCode: string;
  @IsOptional() @Matches(/^\d{3}$/, { message: 'districtCode must be three digits' }) districtCode?: string;
}

/** A user counted in a unit: no name, only who and where. */
export interface UserInUnit {
  id: string;
  role: Role;
  districtCode: string | null;
  communeCode: string | null;
}

export class ResolveUsersQuery {
  @List(1, 200) @IsUUID('all', { each: true }) userIds: string[];
}

/** A user as services need to check them: who, which role, which scope, still active. */
export interface ResolvedUser {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  scope: Scope;
  active: boolean;
}
