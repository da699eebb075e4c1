import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DEMO, Role } from '@ocop/contracts';
import { hashPassword } from '@ocop/auth';
import { writeAudit } from '@ocop/persistence';
import { User } from './user.entity';

/** One demo user per role (development only), all with the password DEMO.password. */
export const DEMO_USERS: { username: string; role: Role; fullName: string; scope: Partial<User> }[] = [
  { username: 'admin', role: Role.ADMIN, fullName: 'Quản trị hệ thống', scope: { provinceCode: '*' } },
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
];

export async function seedDemoUsers(ds: DataSource): Promise<boolean> {
  if ((await ds.getRepository(User).count()) > 0) return false;
  const passwordHash = await hashPassword(DEMO.password);
  await ds.transaction(async (tx) => {
    for (const u of DEMO_USERS) {
      const id = randomUUID();
      await tx.insert(
        User,
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
