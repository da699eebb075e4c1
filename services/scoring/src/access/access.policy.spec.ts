import { Role, type Actor } from '@ocop/contracts';
import { canManageUnit, canReadEvaluation, canReadUnit } from './access.policy';

const actor = (role: Role, scope: Actor['scope']): Actor => ({ id: `${role}-id`, username: role, role, scope });
const province = { tier: 'PROVINCE', unitCode: '38', provinceCode: '38' };
const district = { tier: 'DISTRICT', unitCode: '381', provinceCode: '38' };
const central = { tier: 'CENTRAL', unitCode: 'VN', provinceCode: 'VN' };

describe('scoring access policy', () => {
  it("lets the national admin manage every unit's council, a province's admin its province's only (never the ministry's)", () => {
    const national = actor(Role.ADMIN, { provinceCode: '*' });
    const provincial = actor(Role.ADMIN, { provinceCode: '38' });
    expect([province, district, central].map((u) => canManageUnit(national, u))).toEqual([true, true, true]);
    expect([province, district, central].map((u) => canManageUnit(provincial, u))).toEqual([true, true, false]);
    expect(canManageUnit(actor(Role.ADMIN, { provinceCode: '40' }), province)).toBe(false);
  });

  it("lets a district officer manage its district's council only", () => {
    const officer = actor(Role.DISTRICT_OFFICER, { provinceCode: '38', districtCode: '381' });
    expect([district, province].map((u) => canManageUnit(officer, u))).toEqual([true, false]);
    expect(canManageUnit(actor(Role.DISTRICT_OFFICER, { provinceCode: '38', districtCode: '382' }), district)).toBe(false);
  });

  it("lets province offices and agency staff read their province's councils and the ministry's, not another province's", () => {
    for (const role of [Role.PROVINCE_OFFICE, Role.AGENCY_OFFICER]) {
      const reader = actor(role, { provinceCode: '38' });
      expect([province, district, central].map((u) => canReadUnit(reader, u))).toEqual([true, true, true]);
      expect(canReadUnit(actor(role, { provinceCode: '40' }), province)).toBe(false);
    }
    expect(canReadUnit(actor(Role.AGENCY_OFFICER, { provinceCode: 'VN' }), central)).toBe(true);
    expect(canReadUnit(actor(Role.AGENCY_OFFICER, { provinceCode: 'VN' }), province)).toBe(false);
    expect(canReadUnit(actor(Role.COUNCIL_MEMBER, { provinceCode: '38' }), province)).toBe(false); // members read by seat
  });

  it('lets a council member read an evaluation only through a session of its councils', () => {
    const member = actor(Role.COUNCIL_MEMBER, { provinceCode: '38' });
    const e = { ...province, producerId: 'p', communeCode: '38001', districtCode: '381', sessionId: 's1' };
    expect(canReadEvaluation(member, e, new Set(['s1']))).toBe(true);
    expect(canReadEvaluation(member, e, new Set(['s2']))).toBe(false);
    expect(canReadEvaluation(member, { ...e, sessionId: null }, new Set(['s1']))).toBe(false);
  });
});
