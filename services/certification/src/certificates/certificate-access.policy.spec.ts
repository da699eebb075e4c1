import { Role, type Actor } from '@ocop/contracts';
import { certificateReadScopeOf, inCertificateScope, isIssuingOfficer, mayRequestRevocation } from './certificate-access.policy';

const actor = (role: Role, scope: Partial<Actor['scope']> = {}): Actor =>
  ({ id: `u-${role}`, username: role.toLowerCase(), role, scope: { provinceCode: '38', ...scope } }) as Actor;

const provinceCert = { provinceCode: '38', authorityUnitCode: '38', tier: 'PROVINCE', producerId: 'p1' };
const districtCert = { provinceCode: '38', authorityUnitCode: '380', tier: 'DISTRICT', producerId: 'p2' };
const ministryCert = { provinceCode: '38', authorityUnitCode: 'VN', tier: 'CENTRAL', producerId: 'p3' };
const otherProvinceCert = { provinceCode: '40', authorityUnitCode: '40', tier: 'PROVINCE', producerId: 'p4' };

describe('certificate read scope', () => {
  it('a national admin reads every certificate, a province admin its province', () => {
    expect(certificateReadScopeOf(actor(Role.ADMIN, { provinceCode: '*' }))).toEqual({ kind: 'all' });
    expect(certificateReadScopeOf(actor(Role.ADMIN))).toEqual({ kind: 'province', provinceCode: '38' });
  });

  it('only an ADMIN spans every province: another role with the wildcard reads a province named "*", i.e. nothing', () => {
    const scope = certificateReadScopeOf(actor(Role.PROVINCE_OFFICE, { provinceCode: '*' }));
    expect(scope).toEqual({ kind: 'province', provinceCode: '*' });
    expect(inCertificateScope(scope, provinceCert)).toBe(false);
  });

  it('a district officer reads what its district issued; a producer its own; roles without a certificate scope nothing', () => {
    const district = certificateReadScopeOf(actor(Role.DISTRICT_OFFICER, { districtCode: '380' }));
    expect(inCertificateScope(district, districtCert)).toBe(true);
    expect(inCertificateScope(district, provinceCert)).toBe(false);
    const producer = certificateReadScopeOf(actor(Role.PRODUCER, { producerId: 'p2' }));
    expect(inCertificateScope(producer, districtCert)).toBe(true);
    expect(inCertificateScope(producer, provinceCert)).toBe(false);
    for (const role of [Role.COMMUNE_OFFICER, Role.COUNCIL_MEMBER, Role.LAB]) {
      expect(certificateReadScopeOf(actor(role))).toEqual({ kind: 'none' });
    }
    for (const role of [Role.PROVINCE_OFFICE, Role.INSPECTOR, Role.AGENCY_OFFICER]) {
      const scope = certificateReadScopeOf(actor(role));
      expect([inCertificateScope(scope, provinceCert), inCertificateScope(scope, otherProvinceCert)]).toEqual([true, false]);
    }
  });

  it('a producer account without a producer, or a district officer without a district, reads nothing (no error)', () => {
    const producer = certificateReadScopeOf(actor(Role.PRODUCER));
    expect(producer).toEqual({ kind: 'producer', producerId: '00000000-0000-0000-0000-000000000000' });
    const district = certificateReadScopeOf(actor(Role.DISTRICT_OFFICER));
    expect(inCertificateScope(district, districtCert)).toBe(false);
  });
});

describe('issuing officers and revocation requesters', () => {
  it("the ministry's certificates are a national admin's only", () => {
    expect(isIssuingOfficer(actor(Role.ADMIN, { provinceCode: '*' }), ministryCert)).toBe(true);
    expect(isIssuingOfficer(actor(Role.ADMIN), ministryCert)).toBe(false);
    expect(isIssuingOfficer(actor(Role.PROVINCE_OFFICE), ministryCert)).toBe(false);
  });

  it("a district's certificates are its officers' (and admins'), a province's its office's", () => {
    expect(isIssuingOfficer(actor(Role.DISTRICT_OFFICER, { districtCode: '380' }), districtCert)).toBe(true);
    expect(isIssuingOfficer(actor(Role.DISTRICT_OFFICER, { districtCode: '381' }), districtCert)).toBe(false);
    expect(isIssuingOfficer(actor(Role.PROVINCE_OFFICE), districtCert)).toBe(false);
    expect(isIssuingOfficer(actor(Role.PROVINCE_OFFICE), provinceCert)).toBe(true);
    expect(isIssuingOfficer(actor(Role.PROVINCE_OFFICE), otherProvinceCert)).toBe(false);
    expect(isIssuingOfficer(actor(Role.ADMIN), districtCert)).toBe(true);
    expect(isIssuingOfficer(actor(Role.ADMIN), otherProvinceCert)).toBe(false);
    expect(isIssuingOfficer(actor(Role.INSPECTOR), provinceCert)).toBe(false);
  });

  it('requesters: the province (office, inspectors, admin), a national admin, a district for its own', () => {
    expect(mayRequestRevocation(actor(Role.ADMIN, { provinceCode: '*' }), otherProvinceCert)).toBe(true);
    expect(mayRequestRevocation(actor(Role.ADMIN), otherProvinceCert)).toBe(false);
    expect(mayRequestRevocation(actor(Role.INSPECTOR), provinceCert)).toBe(true);
    expect(mayRequestRevocation(actor(Role.INSPECTOR, { provinceCode: '*' }), provinceCert)).toBe(false);
    expect(mayRequestRevocation(actor(Role.DISTRICT_OFFICER, { districtCode: '380' }), districtCert)).toBe(true);
    expect(mayRequestRevocation(actor(Role.DISTRICT_OFFICER, { districtCode: '380' }), provinceCert)).toBe(false);
    expect(mayRequestRevocation(actor(Role.DISTRICT_OFFICER), districtCert)).toBe(false);
    expect(mayRequestRevocation(actor(Role.PRODUCER, { producerId: 'p1' }), provinceCert)).toBe(false);
  });
});
