import { DomainRuleError } from './domain-rule.error';
import { vietnamDay, vietnamYear } from './vietnam-calendar';

/** The OCOP rulebooks the platform knows, named after the Prime Minister's decisions. */
export type LegalVersionCode = '1048' | '148' | '148+1489';

export enum Tier {
  COMMUNE = 'COMMUNE',
  DISTRICT = 'DISTRICT',
  PROVINCE = 'PROVINCE',
  CENTRAL = 'CENTRAL',
}

export interface LegalVersion {
  readonly code: LegalVersionCode;
  /** First Vietnam calendar day on which the version is in force, 'YYYY-MM-DD'. */
  readonly effectiveFrom: string;
  readonly decisionVi: string;
}

/**
 * In order of entry into force. 26/2026/QĐ-TTg is reported to replace 148 but is unverified
 * (domain-research.md §2.3), so it is not listed yet.
 */
export const LEGAL_VERSIONS: readonly LegalVersion[] = [
  { code: '1048', effectiveFrom: '2019-08-21', decisionVi: 'Quyết định 1048/QĐ-TTg ngày 21/8/2019' },
  { code: '148', effectiveFrom: '2023-02-24', decisionVi: 'Quyết định 148/QĐ-TTg ngày 24/02/2023' },
  {
    code: '148+1489',
    effectiveFrom: '2025-07-06',
    decisionVi: 'Quyết định 148/QĐ-TTg, sửa đổi bởi Quyết định 1489/QĐ-TTg ngày 06/7/2025',
  },
];

/** District People's Committees ceased on this Vietnam calendar day (two-level local government, 01/07/2025). */
export const DISTRICT_AUTHORITIES_CEASED_ON = '2025-07-01';

/** The OCOP cycle year of an instant: its Vietnam calendar year. */
export function cycleYear(asOf: Date): number {
  return vietnamYear(asOf);
}

/** The legal version in force at `asOf`; throws LEGAL_VERSION_NONE before 21/8/2019. */
export function legalVersionAt(asOf: Date): LegalVersionCode {
  const day = vietnamDay(asOf); // also refuses an invalid date (DATE_INVALID)
  let found: LegalVersionCode | undefined;
  for (const version of LEGAL_VERSIONS) {
    if (day >= version.effectiveFrom) found = version.code;
  }
  if (found === undefined) {
    throw new DomainRuleError('LEGAL_VERSION_NONE', `No OCOP legal version is in force on ${vietnamDay(asOf)}`);
  }
  return found;
}

/**
 * The tier a commune proposes an accepted dossier to on `asOf`'s day: as proposalTargetTier, but never a
 * district from 01/07/2025, when district People's Committees ceased (the 2025 legal calendar).
 */
export function proposalTargetTierAt(version: LegalVersionCode, asOf: Date): Tier {
  const tier = proposalTargetTier(version);
  return tier === Tier.DISTRICT && vietnamDay(asOf) >= DISTRICT_AUTHORITIES_CEASED_ON ? Tier.PROVINCE : tier;
}

/**
 * The tier a commune proposes an accepted dossier to: the district under 1048 and 148
 * (148/QĐ-TTg Phụ lục II), the province once 1489/QĐ-TTg removed the district tier.
 */
export function proposalTargetTier(version: LegalVersionCode): Tier {
  switch (version) {
    case '1048':
    case '148':
      return Tier.DISTRICT;
    case '148+1489':
      return Tier.PROVINCE;
  }
}
