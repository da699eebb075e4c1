import { loadServiceConfig, type ServiceConfig } from '@ocop/messaging';

/** The scoring service's whole configuration, read once at start (no process.env elsewhere). */
export interface ScoringConfig extends ServiceConfig {
  /** Folder of criteria catalogue files (*.json) imported at start when their content is new; default data/criteria. */
  criteriaDir: string | null;
}

export function loadScoringConfig(env: NodeJS.ProcessEnv = process.env): ScoringConfig {
  return { ...loadServiceConfig(env, 3002), criteriaDir: env.CRITERIA_DIR || null };
}
