import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEMO, Role } from '@ocop/contracts';
import { ALL_PROVINCES, hashPassword } from '@ocop/auth';
import { writeAudit } from '@ocop/persistence';
import { User } from './user.entity';
import { UsersRepository } from './users.repository';

/** One demo user per role (development only), all with the password DEMO.password. */
export const DEMO_USERS: { username: string; role: Role; fullName: string; scope: Partial<User> }[] = [
  { username: 'admin', role: Role.ADMIN, fullName: 'Quản trị hệ thống', scope: { provinceCode: ALL_PROVINCES } },
  { username: 'province.office', role: Role.PROVINCE_OFFICE, fullName: 'Văn phòng Điều phối NTM tỉnh', scope: {} },
  {
    username: 'district.officer',
    role: Role.DISTRICT_OFFICER,
    fullName: 'Phòng Kinh tế TP. Thanh Hóa',
    scope: { districtCode: DEMO.districtCode },
  },
  {
    username: 'commune.officer',
    role: Role.COMMUNE_OFFICER,
    fullName: 'Cán bộ UBND xã',
    scope: { districtCode: DEMO.districtCode, communeCode: DEMO.communeCode },
  },
  { username: 'producer', role: Role.PRODUCER, fullName: 'Lê Thị Hoa', scope: { producerId: DEMO.producerId } },
  { username: 'council.member', role: Role.COUNCIL_MEMBER, fullName: 'Thành viên Hội đồng tỉnh', scope: {} },
  { username: 'agency.officer', role: Role.AGENCY_OFFICER, fullName: 'Sở Công Thương', scope: { agencyCode: 'SCT' } },
  { username: 'inspector', role: Role.INSPECTOR, fullName: 'Thanh tra viên', scope: {} },
  { username: 'lab', role: Role.LAB, fullName: 'Trung tâm Kiểm nghiệm', scope: { agencyCode: 'LAB01' } },
  { username: 'consultant', role: Role.CONSULTANT, fullName: 'Trịnh Văn Tư (tư vấn)', scope: { consultantId: DEMO.consultantId } },
];

/** Loads the demo users into an empty users table; false when there are users already. */
@Injectable()
export class SeedDemoUsersUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly users: UsersRepository,
  ) {}

  async execute(): Promise<boolean> {
    if (await this.users.any()) return false;
    const passwordHash = await hashPassword(DEMO.password);
    await this.ds.transaction(async (tx) => {
      for (const u of DEMO_USERS) {
        const id = randomUUID();
        await this.users.insert(
          tx,
          Object.assign(new User(), {
            id,
            username: u.username,
            passwordHash,
            fullName: u.fullName,
            role: u.role,
            provinceCode: DEMO.provinceCode,
            districtCode: null,
            communeCode: null,
            agencyCode: null,
            producerId: null,
            consultantId: null,
            active: true,
            ...u.scope,
          }),
        );
        await writeAudit(tx, {
          actorId: 'system',
          actorRole: 'ADMIN',
          action: 'user.demo-seed',
          entityType: 'user',
          entityId: id,
          details: { username: u.username },
        });
      }
    });
    return true;
  }
}
