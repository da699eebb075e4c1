import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { DEFAULT_PAGE } from '@ocop/contracts';
import type { Tx } from '@ocop/persistence';
import { User } from './user.entity';

/** Whose users an admin lists: one province's, or every province's for a national admin. */
export type UserScope = { kind: 'all' } | { kind: 'province'; provinceCode: string };

export interface UserListFilter {
  role?: string;
  active?: boolean;
  limit?: number;
  offset?: number;
}

@Injectable()
export class UsersRepository {
  constructor(private readonly ds: DataSource) {}

  /** The account a login names, active or not (the login decides). */
  findForLogin(username: string): Promise<User | null> {
    return this.ds.getRepository(User).findOneBy({ username });
  }

  /** The users the services ask about (`identity.users.resolve`): any of the ids, whatever their place. */
  findManyForSystem(ids: string[]): Promise<User[]> {
    return this.ds.getRepository(User).findBy({ id: In(ids) });
  }

  /** The active users of these roles in a province, or one of its districts (coverage counts; a system read). */
  inUnit(roles: string[], provinceCode: string, districtCode?: string): Promise<User[]> {
    return this.ds.getRepository(User).find({
      select: { id: true, role: true, districtCode: true, communeCode: true },
      where: { role: In(roles), provinceCode, active: true, ...(districtCode ? { districtCode } : {}) },
      order: { id: 'ASC' },
    });
  }

  /** Inside the scope, by username. */
  list(scope: UserScope, f: UserListFilter): Promise<User[]> {
    return this.ds.getRepository(User).find({
      where: {
        ...(scope.kind === 'province' ? { provinceCode: scope.provinceCode } : {}),
        ...(f.role ? { role: f.role } : {}),
        ...(f.active !== undefined ? { active: f.active } : {}),
      },
      order: { username: 'ASC' },
      take: f.limit ?? DEFAULT_PAGE.limit,
      skip: f.offset ?? DEFAULT_PAGE.offset,
    });
  }

  usernameTaken(tx: Tx, username: string): Promise<boolean> {
    return tx.existsBy(User, { username });
  }

  /** Whether any account exists yet (a first start has none). */
  async any(): Promise<boolean> {
    return (await this.ds.getRepository(User).count()) > 0;
  }

  async insert(tx: Tx, user: User): Promise<void> {
    await tx.insert(User, user);
  }
}
