import { IsUUID } from 'class-validator';
import { List } from '../validation';
import type { Role, Scope } from '../actor';

/** Subjects the gateway answers about the platform's users (it owns them; services ask, never store). */
export const IdentitySubjects = {
  /** Role and scope of the given user ids; unknown ids are left out of the reply. */
  usersResolve: 'identity.users.resolve',
} as const;

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
