import { AppError, Role, type Actor } from '@ocop/contracts';

interface Issued {
  authorityUnitCode: string;
  provinceCode: string;
  tier: string;
}

/** The issuing authority's officers: the province office (or a province admin) for province certificates, the district's officers for district ones, a national admin for the ministry's. */
export function isIssuingOfficer(actor: Actor, c: Issued): boolean {
  if (c.authorityUnitCode === 'VN') return actor.role === Role.ADMIN && actor.scope.provinceCode === '*';
  if (actor.role === Role.ADMIN) return actor.scope.provinceCode === '*' || actor.scope.provinceCode === c.provinceCode;
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
 * (the ones it can read, see `readableCertificates`).
 */
export function mayRequestRevocation(actor: Actor, c: Issued): boolean {
  switch (actor.role) {
    case Role.ADMIN:
      return actor.scope.provinceCode === '*' || actor.scope.provinceCode === c.provinceCode;
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

/** SQL condition (its parameters numbered after the `first` ones already used) limiting certificates (alias c) to what the actor may read. */
export function readableCertificates(actor: Actor, first: number): { sql: string; params: unknown[] } {
  const p = (n: number): string => `$${first + n + 1}`;
  switch (actor.role) {
    case Role.PRODUCER:
      return { sql: `c.producer_id = ${p(0)}`, params: [actor.scope.producerId ?? '00000000-0000-0000-0000-000000000000'] };
    case Role.DISTRICT_OFFICER:
      return {
        sql: `c.province_code = ${p(0)} AND c.authority_unit_code = ${p(1)}`,
        params: [actor.scope.provinceCode, actor.scope.districtCode ?? ''],
      };
    case Role.ADMIN:
      if (actor.scope.provinceCode === '*') return { sql: 'TRUE', params: [] };
      return { sql: `c.province_code = ${p(0)}`, params: [actor.scope.provinceCode] };
    case Role.PROVINCE_OFFICE:
    case Role.INSPECTOR:
    case Role.AGENCY_OFFICER:
      return { sql: `c.province_code = ${p(0)}`, params: [actor.scope.provinceCode] };
    default:
      return { sql: 'FALSE', params: [] };
  }
}
