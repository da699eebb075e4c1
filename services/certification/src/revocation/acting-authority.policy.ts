import { Tier, actingTier } from '@ocop/domain';
import type { CertificateRow } from '../certificates/certificate.mapper';

/**
 * Who decides on a certificate as of a date: its issuing authority, or from 01/07/2025 the province for a
 * district's (the district committee is gone).
 */
export function actingAuthority(
  c: Pick<CertificateRow, 'tier' | 'authorityUnitCode' | 'provinceCode'>,
  asOf: Date,
): { authorityUnitCode: string; tier: string } {
  return actingTier(c.tier as Tier, asOf) === c.tier
    ? { authorityUnitCode: c.authorityUnitCode, tier: c.tier }
    : { authorityUnitCode: c.provinceCode, tier: Tier.PROVINCE as string };
}
