import { ConsoleLogger, type DynamicModule, type INestApplicationContext, type LogLevel as NestLogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AgencySdkOptions } from './agency-sdk.options';
import { AGENCY_CODE_RULE } from './subjects';

/**
 * An agency's service's configuration, read once at start from the environment (nowhere else): what every agency's
 * service built on the SDK reads; a service adds its own settings beside it.
 */
export interface AgencyServiceConfig {
  /** OCOP_MODE: production sends no `ocop-as-of` (the platform refuses it) and needs a creds file. */
  mode: 'production' | 'development' | 'test';
  /** AGENCY_CODE: the agency's code on the bus (its service's default). */
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

export function loadAgencyServiceConfig(env: NodeJS.ProcessEnv, defaultAgencyCode: string): AgencyServiceConfig {
  const mode = (env.OCOP_MODE ?? (env.NODE_ENV === 'production' ? 'production' : 'development')) as AgencyServiceConfig['mode'];
  if (!['production', 'development', 'test'].includes(mode))
    throw new Error(`OCOP_MODE must be production, development or test, not ${mode}`);
  const agencyCode = env.AGENCY_CODE || defaultAgencyCode;
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

/** The SDK module's options for a service so configured. */
export function sdkOptionsOf(config: AgencyServiceConfig): AgencySdkOptions {
  return {
    agencyCode: config.agencyCode,
    natsUrl: config.natsUrl,
    credsFile: config.natsCredsFile,
    prefix: config.prefix,
    stream: config.stream,
  };
}

/**
 * An agency's service without HTTP, only the bus: its root module in a Nest application context, logging as configured.
 * Resolves once the NATS connection is open and the consumers run; `close()` stops them and drains the connection.
 */
export function createAgencyServiceContext(root: DynamicModule, config: AgencyServiceConfig): Promise<INestApplicationContext> {
  const logger =
    config.logLevels.length === 0
      ? false
      : new ConsoleLogger({ prefix: config.agencyCode, json: config.logFormat === 'json', logLevels: config.logLevels });
  return NestFactory.createApplicationContext(root, { logger, abortOnError: false });
}
