import { loadServiceConfig, type ServiceConfig } from '@ocop/service-kit';

/** The programme service's whole configuration, read once at start (no process.env elsewhere). */
export type ProgrammeConfig = ServiceConfig;

export function loadProgrammeConfig(env: NodeJS.ProcessEnv = process.env): ProgrammeConfig {
  return loadServiceConfig(env, 3007);
}
