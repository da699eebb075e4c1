import { loadServiceConfig, type ServiceConfig } from '@ocop/service-kit';

/** The registration service's whole configuration, read once at start (no process.env elsewhere). */
export interface RegistrationConfig extends ServiceConfig {
  /** Load the Thanh Hóa demo data into an empty database (never in production). */
  demoData: boolean;
}

export function loadRegistrationConfig(env: NodeJS.ProcessEnv = process.env): RegistrationConfig {
  const base = loadServiceConfig(env, 3001);
  return { ...base, demoData: base.mode !== 'production' && env.OCOP_DEMO_DATA === 'true' };
}
