import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';
import { currentContext } from './request-context';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** Field paths never written to logs. */
const REDACT = [
  'password', '*.password', 'passwordHash', '*.passwordHash', 'token', '*.token', 'accessToken', '*.accessToken',
  'authorization', '*.authorization', 'headers.authorization', 'secret', '*.secret', 'jwtSecret', '*.jwtSecret',
];

/** One JSON logger per process; every line carries the correlation id, actor and scope of the current context. */
export function createLogger(service: string, level: LogLevel = 'info'): Logger {
  return pino({
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
  });
}

/** Adapter so Nest's own log lines go through the same pino logger. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string): void { this.logger.info({ context }, String(message)); }
  error(message: unknown, trace?: string, context?: string): void { this.logger.error({ context, trace }, String(message)); }
  warn(message: unknown, context?: string): void { this.logger.warn({ context }, String(message)); }
  debug(message: unknown, context?: string): void { this.logger.debug({ context }, String(message)); }
  verbose(message: unknown, context?: string): void { this.logger.trace({ context }, String(message)); }
  fatal(message: unknown, context?: string): void { this.logger.fatal({ context }, String(message)); }
}
