import { actingAuthority } from './acting-authority.policy';

const district = { tier: 'DISTRICT', authorityUnitCode: '380', provinceCode: '38' };
const province = { tier: 'PROVINCE', authorityUnitCode: '38', provinceCode: '38' };

describe('actingAuthority', () => {
  it("a district's certificate is its district's to decide on until 30/06/2025, the province's from 01/07/2025 (Vietnam time)", () => {
    expect(actingAuthority(district, new Date('2025-06-30T16:59:59Z'))).toEqual({ authorityUnitCode: '380', tier: 'DISTRICT' });
    expect(actingAuthority(district, new Date('2025-06-30T17:00:00Z'))).toEqual({ authorityUnitCode: '38', tier: 'PROVINCE' });
  });

  it("a province's certificate stays the province's", () => {
    expect(actingAuthority(province, new Date('2024-01-01T00:00:00Z'))).toEqual({ authorityUnitCode: '38', tier: 'PROVINCE' });
    expect(actingAuthority(province, new Date('2026-01-01T00:00:00Z'))).toEqual({ authorityUnitCode: '38', tier: 'PROVINCE' });
  });
});
