import { AppError, RegistrationSubjects, Role, type Actor } from '@ocop/contracts';
import type { RpcClient } from '@ocop/messaging';
import type { Tx } from '@ocop/persistence';
import type { DataSource } from 'typeorm';
import { CreateUserUseCase } from './create-user.use-case';
import type { UsersRepository } from './users.repository';
import type { CreateUserBody } from './user.dto';

jest.mock('@ocop/persistence', () => ({ writeAudit: jest.fn(async () => undefined) }));

const nationalAdmin: Actor = { id: 'a-0', username: 'admin', role: Role.ADMIN, scope: { provinceCode: '*' } };
const provinceAdmin: Actor = { id: 'a-38', username: 'admin38', role: Role.ADMIN, scope: { provinceCode: '38' } };
const UNITS: Record<string, { code: string; provinceCode: string; districtCode: string | null }[]> = {
  PROVINCE: [
    { code: '38', provinceCode: '38', districtCode: null },
    { code: '40', provinceCode: '40', districtCode: null },
  ],
  DISTRICT: [{ code: '380', provinceCode: '38', districtCode: '380' }],
  COMMUNE: [{ code: '14801', provinceCode: '38', districtCode: '380' }],
};

function setUp() {
  const tx = {} as Tx;
  const ds = { transaction: jest.fn(async (run: (t: Tx) => Promise<unknown>) => run(tx)) };
  const users = { usernameTaken: jest.fn(async () => false), insert: jest.fn(async () => undefined) };
  const rpc = {
    request: jest.fn(async (subject: string, q: { level?: string }) => {
      if (subject === RegistrationSubjects.unitsList) return UNITS[q.level ?? ''] ?? [];
      throw AppError.notFound('PRODUCER_NOT_FOUND', 'no such producer');
    }),
  };
  const useCase = new CreateUserUseCase(ds as unknown as DataSource, users as unknown as UsersRepository, rpc as unknown as RpcClient);
  return { useCase, users, rpc };
}

const body = (over: Partial<CreateUserBody> = {}): CreateUserBody => ({
  username: 'xa.dongthanh',
  password: 'mat-khau-rat-dai-2026',
  fullName: 'Nguyễn Văn An',
  role: Role.COMMUNE_OFFICER,
  provinceCode: '38',
  districtCode: '380',
  communeCode: '14801',
  ...over,
});

describe('CreateUserUseCase', () => {
  it("creates a user in the admin's own province, its units checked against registration's", async () => {
    const t = setUp();
    const view = await t.useCase.execute(provinceAdmin, body());
    expect(view).toMatchObject({
      username: 'xa.dongthanh',
      role: Role.COMMUNE_OFFICER,
      provinceCode: '38',
      communeCode: '14801',
      active: true,
    });
    expect(view).not.toHaveProperty('passwordHash');
    expect(t.users.insert).toHaveBeenCalledTimes(1);
  });

  it('refuses another province to a province admin, and lets a national admin create in any province', async () => {
    const t = setUp();
    const elsewhere = body({ role: Role.PROVINCE_OFFICE, provinceCode: '40', districtCode: undefined, communeCode: undefined });
    await expect(t.useCase.execute(provinceAdmin, elsewhere)).rejects.toMatchObject({ code: 'OUT_OF_SCOPE' });
    expect(t.rpc.request).not.toHaveBeenCalled();
    await expect(t.useCase.execute(nationalAdmin, elsewhere)).resolves.toMatchObject({ provinceCode: '40' });
  });

  it("requires the scope field each role needs, and a national account's role and shape", async () => {
    const t = setUp();
    await expect(t.useCase.execute(provinceAdmin, body({ communeCode: undefined }))).rejects.toMatchObject({
      code: 'SCOPE_REQUIRED',
      field: 'communeCode',
    });
    const national = { provinceCode: 'VN', districtCode: undefined, communeCode: undefined };
    await expect(t.useCase.execute(nationalAdmin, body({ ...national, role: Role.PROVINCE_OFFICE }))).rejects.toMatchObject({
      code: 'SCOPE_NATIONAL_ROLE',
    });
    await expect(
      t.useCase.execute(nationalAdmin, body({ ...national, role: Role.COUNCIL_MEMBER, districtCode: '380' })),
    ).rejects.toMatchObject({ code: 'SCOPE_NATIONAL_UNIT', field: 'districtCode' });
    await expect(t.useCase.execute(nationalAdmin, body({ ...national, role: Role.COUNCIL_MEMBER }))).resolves.toMatchObject({
      provinceCode: 'VN',
    });
  });

  it('refuses unknown units and producers, and a taken username', async () => {
    const t = setUp();
    await expect(t.useCase.execute(provinceAdmin, body({ communeCode: '14899' }))).rejects.toMatchObject({
      code: 'UNIT_UNKNOWN',
      field: 'communeCode',
    });
    await expect(
      t.useCase.execute(provinceAdmin, body({ role: Role.PRODUCER, districtCode: undefined, communeCode: undefined, producerId: 'p-x' })),
    ).rejects.toMatchObject({ code: 'PRODUCER_UNKNOWN', field: 'producerId' });
    t.users.usernameTaken.mockResolvedValueOnce(true);
    await expect(t.useCase.execute(provinceAdmin, body())).rejects.toMatchObject({ code: 'USERNAME_TAKEN' });
    expect(t.users.insert).not.toHaveBeenCalled();
  });
});
