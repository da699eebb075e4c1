export { runInContext, runAsOf, currentContext, newCorrelationId, now } from './request-context';
export type { RequestContext, ContextActor } from './request-context';
export { createLogger, PinoNestLogger } from './logger';
export type { LogLevel } from './logger';
export { Metrics } from './metrics';
export { HealthModule, READINESS_CHECKS } from './health.module';
export type { ReadinessCheck } from './health.module';
