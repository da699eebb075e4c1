import { loadAgencyServiceConfig, type AgencyServiceConfig } from '@ocop/agency-sdk';

/** The Department of Health's service reads what every agency's service does (the SDK's loader), as agency `SYT` by default. */
export type HealthAgencyConfig = AgencyServiceConfig;

export const loadHealthAgencyConfig = (env: NodeJS.ProcessEnv = process.env): HealthAgencyConfig => loadAgencyServiceConfig(env, 'SYT');
