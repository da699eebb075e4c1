import { loadAgencyServiceConfig, type AgencyServiceConfig } from '@ocop/agency-sdk';

/** The Department of Science and Technology's service reads what every agency's service does, as agency `SKHCN` by default. */
export type ScienceTechnologyAgencyConfig = AgencyServiceConfig;

export const loadScienceTechnologyAgencyConfig = (env: NodeJS.ProcessEnv = process.env): ScienceTechnologyAgencyConfig =>
  loadAgencyServiceConfig(env, 'SKHCN');
