import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';
import { currentContext } from './request-context';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
/** `json`: one JSON object a line (collectors); `pretty`: coloured lines for a person (pino-pretty, development only). */
export type LogFormat = 'json' | 'pretty';

const prettyInstalled = (): boolean => {
  try {
    require.resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
};

/**
 * The log format from LOG_FORMAT (`json` or `pretty`). Unset: `pretty` outside production when stdout is a
 * terminal and pino-pretty is installed, `json` otherwise. Production always writes JSON: pino-pretty is a
 * devDependency (absent from the images), so `pretty` is refused there, never loaded.
 */
export function resolveLogFormat(
  setting: string | undefined,
  production: boolean,
  tty = !!process.stdout.isTTY,
  installed = prettyInstalled,
): LogFormat {
  if (setting === 'json') return 'json';
  if (setting === 'pretty') {
    if (production) throw new Error('LOG_FORMAT=pretty is for development: production writes JSON logs');
    return 'pretty';
  }
  if (setting !== undefined && setting !== '') throw new Error(`LOG_FORMAT must be json or pretty, not ${setting}`);
  return !production && tty && installed() ? 'pretty' : 'json';
}

/** Field paths never written to logs. */
const REDACT = [
  'password',
  '*.password',
  'passwordHash',
  '*.passwordHash',
  'token',
  '*.token',
  'accessToken',
  '*.accessToken',
  'authorization',
  '*.authorization',
  'headers.authorization',
  'secret',
  '*.secret',
  'jwtSecret',
  '*.jwtSecret',
];

/**
 * One logger per process (JSON unless `format` is `pretty`); every line carries the correlation id, actor
 * and scope of the current context. `destination` (default stdout) is for tests.
 */
export function createLogger(
  service: string,
  level: LogLevel = 'info',
  format: LogFormat = 'json',
  destination?: NodeJS.WritableStream,
): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service },
    redact: { paths: REDACT, censor: '[redacted]' },
    mixin() {
      const ctx = currentContext();
      if (!ctx) return {};
      return {
        correlationId: ctx.correlationId,
        causationId: ctx.causationId,
        actorId: ctx.actor?.id,
        actorRole: ctx.actor?.role,
        scope: ctx.actor?.scope ?? undefined,
      };
    },
  };
  const stream = format === 'pretty' ? prettyStream(destination) : destination;
  return stream ? pino(options, stream) : pino(options);
}

function prettyStream(destination?: NodeJS.WritableStream): NodeJS.WritableStream {
  // Loaded only when chosen: pino-pretty is a devDependency, absent from production images.
  const pretty = require('pino-pretty') as typeof import('pino-pretty'); // eslint-disable-line @typescript-eslint/no-require-imports
  return pretty.build({
    // The service is named by whoever runs it (npm start prefixes each line); Nest's context leads its own lines.
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,service,context',
    messageFormat: '{if context}{context}: {end}{msg}',
    sync: true,
    ...(destination ? { destination, colorize: false } : {}),
  });
}

/** Adapter so Nest's own log lines go through the same pino logger. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string): void {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
  fatal(message: unknown, context?: string): void {
    this.logger.fatal({ context }, String(message));
  }
}
