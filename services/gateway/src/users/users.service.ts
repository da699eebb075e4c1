import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, DEFAULT_PAGE, RegistrationSubjects, Role, type Actor, type ProducerView, type UnitView } from '@ocop/contracts';
import { DUMMY_PASSWORD_HASH_PROMISE, NATIONAL_ROLES, NATIONAL_SCOPE, TokenService, hashPassword, verifyPassword } from '@ocop/auth';
import { RpcClient } from '@ocop/messaging';
import { writeAudit } from '@ocop/persistence';
import { currentContext } from '@ocop/observability';
import { User } from './user.entity';
import type { CreateUserBody, ListUsersQuery, TokenView, UserView } from './user.dto';

export const userView = (u: User): UserView => ({
  id: u.id,
  username: u.username,
  fullName: u.fullName,
  role: u.role,
  provinceCode: u.provinceCode,
  districtCode: u.districtCode,
  communeCode: u.communeCode,
  agencyCode: u.agencyCode,
  producerId: u.producerId,
  active: u.active,
});

export const actorOf = (u: User): Actor => ({
  id: u.id,
  username: u.username,
  role: u.role as Role,
  scope: {
    provinceCode: u.provinceCode,
    districtCode: u.districtCode,
    communeCode: u.communeCode,
    agencyCode: u.agencyCode,
    producerId: u.producerId,
  },
});

/** Which scope fields each role needs. */
const REQUIRED: Partial<Record<Role, (keyof CreateUserBody)[]>> = {
  [Role.PRODUCER]: ['producerId'],
  [Role.COMMUNE_OFFICER]: ['communeCode'],
  [Role.DISTRICT_OFFICER]: ['districtCode'],
  [Role.AGENCY_OFFICER]: ['agencyCode'],
  [Role.LAB]: ['agencyCode'],
};

@Injectable()
export class UsersService {
  constructor(
    private readonly ds: DataSource,
    private readonly tokens: TokenService,
    @Inject(RpcClient) private readonly rpc: RpcClient,
  ) {}

  async login(username: string, password: string): Promise<TokenView> {
    const user = await this.ds.getRepository(User).findOneBy({ username });
    // Verify against a dummy hash when the user is unknown, so timing does not tell who exists.
    const ok = await verifyPassword(password, user?.passwordHash ?? (await DUMMY_PASSWORD_HASH_PROMISE));
    if (!user || !ok || !user.active) throw AppError.validation('LOGIN_FAILED', 'unknown username or wrong password', 'password');
    const { accessToken, expiresIn } = await this.tokens.issue(actorOf(user));
    return { accessToken, tokenType: 'Bearer', expiresIn };
  }

  async create(admin: Actor, body: CreateUserBody): Promise<UserView> {
    for (const field of REQUIRED[body.role] ?? []) {
      if (!body[field]) throw AppError.validation('SCOPE_REQUIRED', `${field} is required for role ${body.role}`, field);
    }
    if (admin.scope.provinceCode !== '*' && admin.scope.provinceCode !== body.provinceCode) {
      throw AppError.forbidden('OUT_OF_SCOPE', 'you may only create users in your province');
    }
    await this.checkUnits(admin, body);
    const user = Object.assign(new User(), {
      id: randomUUID(),
      username: body.username,
      passwordHash: await hashPassword(body.password),
      fullName: body.fullName,
      role: body.role,
      provinceCode: body.provinceCode,
      districtCode: body.districtCode ?? null,
      communeCode: body.communeCode ?? null,
      agencyCode: body.agencyCode ?? null,
      producerId: body.producerId ?? null,
      active: true,
    });
    await this.ds.transaction(async (tx) => {
      if (await tx.existsBy(User, { username: body.username }))
        throw AppError.conflict('USERNAME_TAKEN', 'this username is taken', 'username');
      await tx.insert(User, user);
      await writeAudit(tx, {
        actorId: admin.id,
        actorRole: admin.role,
        action: 'user.create',
        entityType: 'user',
        entityId: user.id,
        details: {
          username: user.username,
          role: user.role,
          provinceCode: user.provinceCode,
          communeCode: user.communeCode,
          districtCode: user.districtCode,
          producerId: user.producerId,
        },
        correlationId: currentContext()?.correlationId,
      });
    });
    return userView(user);
  }

  async list(admin: Actor, q: ListUsersQuery = {}): Promise<UserView[]> {
    const where: Record<string, unknown> = admin.scope.provinceCode === '*' ? {} : { provinceCode: admin.scope.provinceCode };
    if (q.role) where.role = q.role;
    if (q.active) where.active = q.active === 'true';
    const users = await this.ds.getRepository(User).find({
      where,
      order: { username: 'ASC' },
      take: q.limit ?? DEFAULT_PAGE.limit,
      skip: q.offset ?? DEFAULT_PAGE.offset,
    });
    return users.map(userView);
  }

  /** Scope codes must name real units (the province too, unless national) of that province (and a producer must exist). */
  private async checkUnits(admin: Actor, body: CreateUserBody): Promise<void> {
    const units = async (level: string, parentCode?: string) =>
      this.rpc.request<UnitView[]>(RegistrationSubjects.unitsList, { level, ...(parentCode ? { parentCode } : {}) }, { actor: admin });
    if (body.provinceCode === NATIONAL_SCOPE) {
      if (!NATIONAL_ROLES.has(body.role)) {
        throw AppError.validation(
          'SCOPE_NATIONAL_ROLE',
          `a national (VN) account may only be ${[...NATIONAL_ROLES].join(', ')}`,
          'provinceCode',
        );
      }
      for (const field of ['districtCode', 'communeCode'] as const) {
        if (body[field]) throw AppError.validation('SCOPE_NATIONAL_UNIT', `a national account has no ${field}`, field);
      }
    } else if (!(await units('PROVINCE')).some((u) => u.code === body.provinceCode)) {
      throw AppError.validation('UNIT_UNKNOWN', `no province ${body.provinceCode} among the administrative units`, 'provinceCode');
    }
    if (body.districtCode && !(await units('DISTRICT', body.provinceCode)).some((u) => u.code === body.districtCode)) {
      throw AppError.validation('UNIT_UNKNOWN', `no district ${body.districtCode} in province ${body.provinceCode}`, 'districtCode');
    }
    if (body.communeCode) {
      const communes = (await this.rpc.request<UnitView[]>(RegistrationSubjects.unitsList, { level: 'COMMUNE' }, { actor: admin })).filter(
        (u) => u.provinceCode === body.provinceCode && (!body.districtCode || u.districtCode === body.districtCode),
      );
      if (!communes.some((u) => u.code === body.communeCode))
        throw AppError.validation('UNIT_UNKNOWN', `no commune ${body.communeCode} in that province/district`, 'communeCode');
    }
    if (body.producerId) {
      try {
        await this.rpc.request<ProducerView>(RegistrationSubjects.producerGet, { id: body.producerId }, { actor: admin });
      } catch (err) {
        if (err instanceof AppError && err.code === 'PRODUCER_NOT_FOUND')
          throw AppError.validation('PRODUCER_UNKNOWN', 'no such producer', 'producerId');
        throw err;
      }
    }
  }

  /** First start: an admin account from config, so a fresh production install can be entered. */
  async bootstrapAdmin(password: string | undefined): Promise<boolean> {
    if (!password || (await this.ds.getRepository(User).count()) > 0) return false;
    await this.ds.transaction(async (tx) => {
      const id = randomUUID();
      await tx.insert(
        User,
        Object.assign(new User(), {
          id,
          username: 'admin',
          passwordHash: await hashPassword(password),
          fullName: 'Quản trị hệ thống',
          role: Role.ADMIN,
          provinceCode: '*',
          districtCode: null,
          communeCode: null,
          agencyCode: null,
          producerId: null,
          active: true,
        }),
      );
      await writeAudit(tx, { actorId: 'system', actorRole: 'ADMIN', action: 'user.bootstrap-admin', entityType: 'user', entityId: id });
    });
    return true;
  }
}
