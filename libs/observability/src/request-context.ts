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
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runInContext<T>(ctx: RequestContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

export function newCorrelationId(): string {
  return randomUUID();
}
