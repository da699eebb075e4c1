import { resolveLogFormat, type LogFormat, type LogLevel } from '@ocop/observability';

/** What every process on the bus (the gateway and each service) reads from its environment. */
export interface HostConfig {
  mode: 'production' | 'development' | 'test';
  httpPort: number;
  databaseUrl: string;
  natsUrl: string;
  /** NATS_CREDS_FILE: the `.creds` file (user JWT and seed) of the platform's NATS user, in operator mode (deploy/nats/operator-mode.md). */
  natsCredsFile?: string;
  /** OCOP_SUBJECT_PREFIX: the first token of every subject, so several installations (or test files) share one NATS. */
  prefix: string;
  logLevel: LogLevel;
  /** LOG_FORMAT: json, or pretty for a person (development; by default when stdout is a terminal). */
  logFormat: LogFormat;
  /** RPC_TIMEOUT_MS: how long a request on the bus waits for its reply. */
  rpcTimeoutMs: number;
}

/** What a service process reads besides: its event stream and the relay's and consumers' pace. */
export interface ServiceConfig extends HostConfig {
  stream: string;
  relayPollIntervalMs?: number;
  consumerBackoffMs?: number[];
}

/** An integer setting from the environment (empty or absent: the fallback), refused with its name when it is not one. */
export function intSetting(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const v = env[name] === undefined || env[name] === '' ? fallback : Number(env[name]);
  if (!Number.isInteger(v) || v < min) throw new Error(`${name} must be an integer ≥ ${min}`);
  return v;
}

/** The part of the configuration every process shares; its config/ module adds its own settings. */
export function loadHostConfig(env: NodeJS.ProcessEnv, defaultPort: number): HostConfig {
  const mode = (env.OCOP_MODE ?? (env.NODE_ENV === 'production' ? 'production' : 'development')) as HostConfig['mode'];
  if (!['production', 'development', 'test'].includes(mode))
    throw new Error(`OCOP_MODE must be production, development or test, not ${mode}`);
  const httpPort = intSetting(env, 'HTTP_PORT', defaultPort);
  if (httpPort > 65535) throw new Error('HTTP_PORT must be a port number');
  return {
    mode,
    httpPort,
    databaseUrl: env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ocop',
    natsUrl: env.NATS_URL ?? 'nats://127.0.0.1:4222',
    natsCredsFile: env.NATS_CREDS_FILE || undefined,
    prefix: env.OCOP_SUBJECT_PREFIX ?? 'ocop',
    logLevel: (env.LOG_LEVEL ?? 'info') as LogLevel,
    logFormat: resolveLogFormat(env.LOG_FORMAT, mode === 'production'),
    rpcTimeoutMs: intSetting(env, 'RPC_TIMEOUT_MS', 10_000, 1),
  };
}

/** A service's common configuration: the host's, plus its event stream. */
export function loadServiceConfig(env: NodeJS.ProcessEnv, defaultPort: number): ServiceConfig {
  return { ...loadHostConfig(env, defaultPort), stream: env.OCOP_STREAM ?? 'OCOP_EVENTS' };
}
