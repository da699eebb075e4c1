import type { LogLevel as NestLogLevel } from '@nestjs/common';
import { AGENCY_CODE_RULE } from '@ocop/agency-sdk';

/** The Department of Health's service's whole configuration, read once at start from the environment (nowhere else). */
export interface HealthAgencyConfig {
  /** OCOP_MODE: production sends no `ocop-as-of` (the platform refuses it) and needs a creds file. */
  mode: 'production' | 'development' | 'test';
  /** AGENCY_CODE: the agency's code on the bus (default `SYT`, Sở Y tế). */
  agencyCode: string;
  /** NATS_URL (default nats://127.0.0.1:4222). */
  natsUrl: string;
  /** NATS_CREDS_FILE: the `.creds` file the platform issued to the agency (operator mode). Required in production. */
  natsCredsFile?: string;
  /** OCOP_SUBJECT_PREFIX (default `ocop`). */
  prefix: string;
  /** OCOP_STREAM (default `OCOP_EVENTS`). */
  stream: string;
  /** LOG_LEVEL (trace, debug, info, warn, error, fatal, silent; default info) as Nest's levels; empty: silent. */
  logLevels: NestLogLevel[];
  /** LOG_FORMAT: json (production's) or pretty. */
  logFormat: 'json' | 'pretty';
}

const LEVELS: Record<string, NestLogLevel[]> = {
  trace: ['verbose', 'debug', 'log', 'warn', 'error', 'fatal'],
  debug: ['debug', 'log', 'warn', 'error', 'fatal'],
  info: ['log', 'warn', 'error', 'fatal'],
  warn: ['warn', 'error', 'fatal'],
  error: ['error', 'fatal'],
  fatal: ['fatal'],
  silent: [],
};

export function loadHealthAgencyConfig(env: NodeJS.ProcessEnv = process.env): HealthAgencyConfig {
  const mode = (env.OCOP_MODE ?? (env.NODE_ENV === 'production' ? 'production' : 'development')) as HealthAgencyConfig['mode'];
  if (!['production', 'development', 'test'].includes(mode))
    throw new Error(`OCOP_MODE must be production, development or test, not ${mode}`);
  const agencyCode = env.AGENCY_CODE || 'SYT';
  if (!AGENCY_CODE_RULE.test(agencyCode)) throw new Error(`AGENCY_CODE must be 2–20 upper-case letters, digits, _ or -, not ${agencyCode}`);
  const natsCredsFile = env.NATS_CREDS_FILE || undefined;
  if (mode === 'production' && !natsCredsFile)
    throw new Error('NATS_CREDS_FILE is required in production: the agency connects with the credential the platform issued it');
  const level = env.LOG_LEVEL || 'info';
  const logLevels = LEVELS[level];
  if (!logLevels) throw new Error(`LOG_LEVEL must be one of ${Object.keys(LEVELS).join(', ')}, not ${level}`);
  const format = env.LOG_FORMAT || (mode === 'production' ? 'json' : 'pretty');
  if (format !== 'json' && format !== 'pretty') throw new Error(`LOG_FORMAT must be json or pretty, not ${format}`);
  if (mode === 'production' && format === 'pretty') throw new Error('LOG_FORMAT=pretty is for development: production writes JSON logs');
  return {
    mode,
    agencyCode,
    natsUrl: env.NATS_URL || 'nats://127.0.0.1:4222',
    ...(natsCredsFile ? { natsCredsFile } : {}),
    prefix: env.OCOP_SUBJECT_PREFIX || 'ocop',
    stream: env.OCOP_STREAM || 'OCOP_EVENTS',
    logLevels,
    logFormat: format,
  };
}
