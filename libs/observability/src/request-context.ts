import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** Who acts, as carried through logs and across processes. */
export interface ContextActor {
  id: string;
  role: string;
  /** Administrative unit code or agency code the actor is scoped to; absent for province-wide roles. */
  scope?: string | null;
}

/** What travels with one request through HTTP → NATS → handler (and into emitted events). */
export interface RequestContext {
  correlationId: string;
  /** Id of the message that caused this work (an event id or a request id). */
  causationId?: string;
  actor?: ContextActor;
  /** ISO instant overriding "now" for time rules (refused in production mode by the edge). */
  asOf?: string;
  /**
   * Where `asOf` comes from: a request (X-As-Of / `ocop-as-of`), the event being handled (its CloudEvents time)
   * or a job's as-of. Only a request's as-of is refused when it predates the record's last change.
   */
  asOfSource?: 'request' | 'event' | 'job';
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runInContext<T>(ctx: RequestContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

/**
 * "Now" for everything the platform stamps (event times, audit records, createdAt/updatedAt, ...): the context's
 * as-of instant (a request's X-As-Of, the handled event's time, a job's as-of), else the wall clock.
 */
export function now(): Date {
  const asOf = storage.getStore()?.asOf;
  if (asOf !== undefined) {
    const t = new Date(asOf);
    if (!Number.isNaN(t.getTime())) return t;
  }
  return new Date();
}

/** Runs `fn` in the current context with "now" set to `asOf` (a job run as of an instant, an event handled at its time). */
export function runAsOf<T>(asOf: Date, source: NonNullable<RequestContext['asOfSource']>, fn: () => T): T {
  const ctx = storage.getStore();
  return storage.run({ ...(ctx ?? { correlationId: randomUUID() }), asOf: asOf.toISOString(), asOfSource: source }, fn);
}

export function newCorrelationId(): string {
  return randomUUID();
}
