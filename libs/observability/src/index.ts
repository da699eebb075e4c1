export { runInContext, runAsOf, currentContext, newCorrelationId, now } from './request-context';
export type { RequestContext, ContextActor } from './request-context';
export { createLogger, resolveLogFormat, PinoNestLogger } from './logger';
export type { LogLevel, LogFormat } from './logger';
export { Metrics } from './metrics';
export { HealthModule, ReadinessChecks } from './health.module';
export type { ReadinessCheck } from './health.module';
