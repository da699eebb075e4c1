import { AppError, Role, type Actor } from '@ocop/contracts';
import { coversProvince, spansAllProvinces } from '@ocop/auth';

interface Issued {
  authorityUnitCode: string;
  provinceCode: string;
  tier: string;
}

/**
 * The certificates an actor may read, built from the actor in one place (`certificateReadScopeOf`) and turned
 * into a condition by the repositories. Not `@ocop/auth`'s `ReadScope`: a district officer reads the certificates
 * its district issued (authority, not place), and roles without a certificate scope (commune officers, council
 * members, labs) read none.
 */
export type CertificateReadScope =
  | { kind: 'all' }
  | { kind: 'province'; provinceCode: string }
  | { kind: 'district'; provinceCode: string; districtCode: string }
  | { kind: 'producer'; producerId: string }
  | { kind: 'none' };

/** A producer account not linked to a producer reads nothing (the nil id matches no certificate). */
const NO_PRODUCER = '00000000-0000-0000-0000-000000000000';

export function certificateReadScopeOf(actor: Actor): CertificateReadScope {
  switch (actor.role) {
    case Role.PRODUCER:
      return { kind: 'producer', producerId: actor.scope.producerId ?? NO_PRODUCER };
    case Role.DISTRICT_OFFICER:
      return { kind: 'district', provinceCode: actor.scope.provinceCode, districtCode: actor.scope.districtCode ?? '' };
    case Role.ADMIN:
      return spansAllProvinces(actor) ? { kind: 'all' } : { kind: 'province', provinceCode: actor.scope.provinceCode };
    case Role.PROVINCE_OFFICE:
    case Role.INSPECTOR:
    case Role.AGENCY_OFFICER:
      return { kind: 'province', provinceCode: actor.scope.provinceCode };
    default:
      return { kind: 'none' };
  }
}

/** Whether a certificate (of this place, authority and producer) is inside the scope: the in-memory twin of the repositories' condition. */
export function inCertificateScope(
  scope: CertificateReadScope,
  c: { provinceCode: string; authorityUnitCode: string; producerId: string },
): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'province':
      return c.provinceCode === scope.provinceCode;
    case 'district':
      return c.provinceCode === scope.provinceCode && c.authorityUnitCode === scope.districtCode;
    case 'producer':
      return c.producerId === scope.producerId;
    case 'none':
      return false;
  }
}

/** The issuing authority's officers: the province office (or a province admin) for province certificates, the district's officers for district ones, a national admin for the ministry's. */
export function isIssuingOfficer(actor: Actor, c: Issued): boolean {
  if (c.authorityUnitCode === 'VN') return spansAllProvinces(actor);
  if (actor.role === Role.ADMIN) return coversProvince(actor, c.provinceCode);
  if (c.tier === 'DISTRICT') return actor.role === Role.DISTRICT_OFFICER && actor.scope.districtCode === c.authorityUnitCode;
  return actor.role === Role.PROVINCE_OFFICE && actor.scope.provinceCode === c.provinceCode;
}

export function assertIssuingOfficer(actor: Actor, c: Issued & { number?: string }, what: string): void {
  if (!isIssuingOfficer(actor, c)) {
    throw AppError.forbidden(
      'NOT_ISSUING_AUTHORITY',
      `${actor.role} ${actor.username} is not an officer of authority ${c.authorityUnitCode}, which ${what}`,
    );
  }
}

/**
 * Who may ask for a certificate's revocation: the province's office, inspectors and admin for the province's
 * certificates, a national admin for all, a district officer only for the certificates its district issued
 * (the ones it can read, see `certificateReadScopeOf`).
 */
export function mayRequestRevocation(actor: Actor, c: Issued): boolean {
  switch (actor.role) {
    case Role.ADMIN:
      return coversProvince(actor, c.provinceCode);
    case Role.PROVINCE_OFFICE:
    case Role.INSPECTOR:
      return actor.scope.provinceCode === c.provinceCode;
    case Role.DISTRICT_OFFICER:
      return (
        actor.scope.provinceCode === c.provinceCode &&
        c.tier === 'DISTRICT' &&
        !!actor.scope.districtCode &&
        c.authorityUnitCode === actor.scope.districtCode
      );
    default:
      return false;
  }
}
