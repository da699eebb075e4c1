import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Role } from '@ocop/contracts';
import { ALL_PROVINCES, hashPassword } from '@ocop/auth';
import { writeAudit } from '@ocop/persistence';
import { User } from './user.entity';
import { UsersRepository } from './users.repository';

/** First start: an admin account from config, so a fresh production install can be entered. */
@Injectable()
export class BootstrapAdminUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly users: UsersRepository,
  ) {}

  async execute(password: string | undefined): Promise<boolean> {
    if (!password || (await this.users.any())) return false;
    await this.ds.transaction(async (tx) => {
      const id = randomUUID();
      await this.users.insert(
        tx,
        Object.assign(new User(), {
          id,
          username: 'admin',
          passwordHash: await hashPassword(password),
          fullName: 'Quản trị hệ thống',
          role: Role.ADMIN,
          provinceCode: ALL_PROVINCES,
          districtCode: null,
          communeCode: null,
          agencyCode: null,
          producerId: null,
          consultantId: null,
          active: true,
        }),
      );
      await writeAudit(tx, { actorId: 'system', actorRole: 'ADMIN', action: 'user.bootstrap-admin', entityType: 'user', entityId: id });
    });
    return true;
  }
}
