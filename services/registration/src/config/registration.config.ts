import type { LogLevel } from '@ocop/observability';

/** The registration service's whole configuration, read once at start (no process.env elsewhere). */
export interface RegistrationConfig {
  mode: 'production' | 'development' | 'test';
  httpPort: number;
  databaseUrl: string;
  natsUrl: string;
  prefix: string;
  stream: string;
  logLevel: LogLevel;
  /** Load the Thanh Hóa demo data into an empty database (never in production). */
  demoData: boolean;
  relayPollIntervalMs?: number;
  consumerBackoffMs?: number[];
}

export function loadRegistrationConfig(env: NodeJS.ProcessEnv = process.env): RegistrationConfig {
  const mode = (env.OCOP_MODE ?? (env.NODE_ENV === 'production' ? 'production' : 'development')) as RegistrationConfig['mode'];
  if (!['production', 'development', 'test'].includes(mode)) throw new Error(`OCOP_MODE must be production, development or test, not ${mode}`);
  const httpPort = Number(env.HTTP_PORT ?? 3001);
  if (!Number.isInteger(httpPort) || httpPort < 0 || httpPort > 65535) throw new Error('HTTP_PORT must be a port number');
  return {
    mode,
    httpPort,
    databaseUrl: env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ocop',
    natsUrl: env.NATS_URL ?? 'nats://127.0.0.1:4222',
    prefix: env.OCOP_SUBJECT_PREFIX ?? 'ocop',
    stream: env.OCOP_STREAM ?? 'OCOP_EVENTS',
    logLevel: (env.LOG_LEVEL ?? 'info') as LogLevel,
    demoData: mode !== 'production' && env.OCOP_DEMO_DATA === 'true',
  };
}
