import { loadAgencyServiceConfig, type AgencyServiceConfig } from '@ocop/agency-sdk';

/**
 * The Department of Industry and Trade's service reads what every agency's service does (the SDK's loader), as agency
 * `SCT` by default, and the port of its own HTTP API. Read once at start from the environment (nowhere else).
 */
export interface IndustryTradeAgencyConfig extends AgencyServiceConfig {
  /** HTTP_PORT: the department's own HTTP API, for its market-surveillance officers (default 3102; 0: any free port). */
  httpPort: number;
}

export const DEFAULT_HTTP_PORT = 3102;

export function loadIndustryTradeAgencyConfig(env: NodeJS.ProcessEnv = process.env): IndustryTradeAgencyConfig {
  const config = loadAgencyServiceConfig(env, 'SCT');
  const rawPort = env.HTTP_PORT || String(DEFAULT_HTTP_PORT);
  const httpPort = Number(rawPort);
  if (!/^\d{1,5}$/.test(rawPort) || httpPort > 65535) throw new Error(`HTTP_PORT must be a port number (0–65535), not ${rawPort}`);
  return { ...config, httpPort };
}
