import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, RegistrationSubjects, Role, type Actor, type ConsultantView, type ProducerView, type UnitView } from '@ocop/contracts';
import { NATIONAL_ROLES, NATIONAL_SCOPE, coversProvince, hashPassword } from '@ocop/auth';
import { RpcClient } from '@ocop/messaging';
import { writeAudit } from '@ocop/persistence';
import { currentContext } from '@ocop/observability';
import { User } from './user.entity';
import { UsersRepository } from './users.repository';
import { userView } from './user.mapper';
import type { CreateUserBody, UserView } from './user.dto';

/** Which scope fields each role needs. */
const REQUIRED: Partial<Record<Role, (keyof CreateUserBody)[]>> = {
  [Role.PRODUCER]: ['producerId'],
  [Role.COMMUNE_OFFICER]: ['communeCode'],
  [Role.DISTRICT_OFFICER]: ['districtCode'],
  [Role.AGENCY_OFFICER]: ['agencyCode'],
  [Role.LAB]: ['agencyCode'],
  [Role.CONSULTANT]: ['consultantId'],
};

/** An admin creates an account in its province (a national admin in any), its scope codes checked against registration's units. */
@Injectable()
export class CreateUserUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly users: UsersRepository,
    @Inject(RpcClient) private readonly rpc: RpcClient,
  ) {}

  async execute(admin: Actor, body: CreateUserBody): Promise<UserView> {
    for (const field of REQUIRED[body.role] ?? []) {
      if (!body[field]) throw AppError.validation('SCOPE_REQUIRED', `${field} is required for role ${body.role}`, field);
    }
    // A consultant acts for a producer only through that producer's grant, checked on each request: never by its account.
    if (body.producerId && body.role !== Role.PRODUCER)
      throw AppError.validation('SCOPE_NOT_ALLOWED', 'only a producer account names a producer', 'producerId');
    if (body.consultantId && body.role !== Role.CONSULTANT)
      throw AppError.validation('SCOPE_NOT_ALLOWED', 'only a consultant account names a consultant', 'consultantId');
    if (!coversProvince(admin, body.provinceCode)) {
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
      consultantId: body.consultantId ?? null,
      active: true,
    });
    await this.ds.transaction(async (tx) => {
      if (await this.users.usernameTaken(tx, body.username))
        throw AppError.conflict('USERNAME_TAKEN', 'this username is taken', 'username');
      await this.users.insert(tx, user);
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
          consultantId: user.consultantId,
        },
        correlationId: currentContext()?.correlationId,
      });
    });
    return userView(user);
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
    if (body.consultantId) {
      try {
        const c = await this.rpc.request<ConsultantView>(
          RegistrationSubjects.consultantGet,
          { consultantId: body.consultantId },
          { actor: admin },
        );
        if (c.provinceCode !== body.provinceCode) throw AppError.notFound('CONSULTANT_NOT_FOUND', 'another province');
      } catch (err) {
        if (err instanceof AppError && err.code === 'CONSULTANT_NOT_FOUND')
          throw AppError.validation('CONSULTANT_UNKNOWN', 'no such consultant in that province', 'consultantId');
        throw err;
      }
    }
  }
}
