import { Role, type Actor } from '@ocop/contracts';
import { sampleInScope, sampleListScopeOf, sampleReadScopeOf } from './sample.policy';

const actor = (role: Role, scope: Actor['scope']): Actor => ({ id: 'u', username: 'u', role, scope });
const sample = { provinceCode: '38', producerId: 'p-1', labCode: 'LAB01' };

describe('sample scope', () => {
  it('shows one sample to its province’s office and staff, its producer, its lab — and a national admin', () => {
    const sees = (a: Actor) => sampleInScope(sampleReadScopeOf(a), sample);
    expect(sees(actor(Role.PROVINCE_OFFICE, { provinceCode: '38' }))).toBe(true);
    expect(sees(actor(Role.PROVINCE_OFFICE, { provinceCode: '01' }))).toBe(false);
    expect(sees(actor(Role.ADMIN, { provinceCode: '*' }))).toBe(true);
    expect(sees(actor(Role.INSPECTOR, { provinceCode: '38' }))).toBe(true);
    expect(sees(actor(Role.INSPECTOR, { provinceCode: '01' }))).toBe(false);
    expect(sees(actor(Role.PRODUCER, { provinceCode: '38', producerId: 'p-1' }))).toBe(true);
    expect(sees(actor(Role.PRODUCER, { provinceCode: '38', producerId: 'p-2' }))).toBe(false);
    expect(sees(actor(Role.PRODUCER, { provinceCode: '38' }))).toBe(false);
    expect(sees(actor(Role.LAB, { provinceCode: 'VN', agencyCode: 'LAB01' }))).toBe(true);
    expect(sees(actor(Role.LAB, { provinceCode: 'VN', agencyCode: 'LAB02' }))).toBe(false);
    expect(sees(actor(Role.COMMUNE_OFFICER, { provinceCode: '38', communeCode: '16000' }))).toBe(false);
  });

  it('lists a province’s samples to everyone but labs and producers, who see their own', () => {
    expect(sampleListScopeOf(actor(Role.COMMUNE_OFFICER, { provinceCode: '38', communeCode: '16000' }))).toEqual({
      kind: 'province',
      provinceCode: '38',
    });
    expect(sampleListScopeOf(actor(Role.ADMIN, { provinceCode: '*' }))).toEqual({ kind: 'all' });
    expect(sampleListScopeOf(actor(Role.LAB, { provinceCode: 'VN' }))).toEqual({ kind: 'lab', labCode: '' });
    expect(sampleListScopeOf(actor(Role.PRODUCER, { provinceCode: '38' }))).toEqual({
      kind: 'producer',
      producerId: '00000000-0000-0000-0000-000000000000',
    });
  });
});
