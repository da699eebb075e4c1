import { intSetting, loadServiceConfig, type ServiceConfig } from '@ocop/service-kit';

/** The training service's whole configuration, read once at start (no process.env elsewhere). */
export interface TrainingConfig extends ServiceConfig {
  /** Share of a class's days (percent) a person attends to complete it, unless the class says otherwise (TRAINING_COMPLETION_PERCENT, 80). */
  completionPercent: number;
  /** Public address of the gateway, printed in each completion certificate's QR code as {PUBLIC_BASE_URL}/verify-training/{code}. */
  publicBaseUrl: string;
  /** Show the office council members seated without council training (TRAINING_COUNCIL_WARNINGS, default false). */
  councilWarnings: boolean;
}

export function loadTrainingConfig(env: NodeJS.ProcessEnv = process.env): TrainingConfig {
  const completionPercent = intSetting(env, 'TRAINING_COMPLETION_PERCENT', 80, 1);
  if (completionPercent > 100) throw new Error('TRAINING_COMPLETION_PERCENT must be from 1 to 100');
  return {
    ...loadServiceConfig(env, 3006),
    completionPercent,
    publicBaseUrl: (env.PUBLIC_BASE_URL ?? 'http://localhost:3000').replace(/\/+$/, ''),
    councilWarnings: env.TRAINING_COUNCIL_WARNINGS === 'true',
  };
}
