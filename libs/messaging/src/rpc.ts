import { randomUUID } from 'node:crypto';
import { headers as natsHeaders, type Msg, type NatsConnection, type Subscription } from '@nats-io/transport-node';
import type { ClassConstructor } from 'class-transformer';
import type { Logger } from 'pino';
import { AppError, ErrorKind, HEADERS, commandSubject, validateInto, type Actor, type RpcReply } from '@ocop/contracts';
import { currentContext, runInContext, type Metrics } from '@ocop/observability';
import { toErrorPayload } from './error-mapping';

/** What a request handler knows besides its payload. */
export interface RpcContext {
  actor: Actor | undefined;
  /** "Now" for time rules: the as-of instant passed by the edge, or the wall clock. */
  asOf: Date;
  correlationId: string;
}

export interface RpcRoute<Req = unknown, Res = unknown> {
  /** Subject without the deployment prefix, e.g. `registration.dossier.submit`. */
  subject: string;
  /** Contract class the payload is validated into (unknown fields refused). */
  request?: ClassConstructor<Req & object>;
  handle(request: Req, ctx: RpcContext): Promise<Res>;
}

const encoder = new TextEncoder();

/** Where a call's as-of came from: the caller's event or job when it says so, else a request. */
const asOfSourceOf = (header: string | undefined): 'request' | 'event' | 'job' =>
  header === 'event' || header === 'job' ? header : 'request';

/** Answers commands and queries on core NATS, in a queue group so replicas share the load. */
export class RpcServer {
  private readonly subs: Subscription[] = [];
  private readonly inflight = new Set<Promise<void>>();

  constructor(
    private readonly nc: NatsConnection,
    private readonly prefix: string,
    private readonly queue: string,
    private readonly logger: Logger,
    private readonly metrics?: Metrics,
  ) {}

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each route has its own request type
  listen(routes: RpcRoute<any, unknown>[]): void {
    const seen = new Set<string>();
    for (const route of routes) {
      if (seen.has(route.subject)) throw new Error(`two handlers for ${route.subject}`);
      seen.add(route.subject);
      this.subs.push(
        this.nc.subscribe(commandSubject(this.prefix, route.subject), {
          queue: this.queue,
          callback: (err, msg) => {
            if (err) return this.logger.error({ err }, 'subscription error');
            const p = this.dispatch(route, msg).finally(() => this.inflight.delete(p));
            this.inflight.add(p);
          },
        }),
      );
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.subs.map((s) => s.drain().catch(() => undefined)));
    await Promise.allSettled([...this.inflight]);
  }

  private async dispatch(route: RpcRoute, msg: Msg): Promise<void> {
    const started = process.hrtime.bigint();
    const h = msg.headers;
    const correlationId = h?.get(HEADERS.correlationId) || randomUUID();
    let actor: Actor | undefined;
    let asOf = new Date();
    let reply: RpcReply<unknown>;
    try {
      const actorHeader = h?.get(HEADERS.actor);
      actor = actorHeader ? (JSON.parse(actorHeader) as Actor) : undefined;
      const asOfHeader = h?.get(HEADERS.asOf);
      if (asOfHeader) {
        asOf = new Date(asOfHeader);
        if (Number.isNaN(asOf.getTime())) throw AppError.validation('AS_OF_INVALID', 'as-of must be an ISO 8601 instant', 'asOf');
      }
      const ctx = {
        correlationId,
        causationId: correlationId,
        actor: actor && { id: actor.id, role: actor.role },
        ...(asOfHeader ? { asOf: asOf.toISOString(), asOfSource: asOfSourceOf(h?.get(HEADERS.asOfSource)) } : {}),
      };
      const data = await runInContext(ctx, async () => {
        const body: unknown = msg.data.length ? JSON.parse(new TextDecoder().decode(msg.data)) : {};
        const request = route.request ? validateInto(route.request, body) : body;
        return route.handle(request, { actor, asOf, correlationId });
      });
      reply = { ok: true, data: data ?? null };
    } catch (err) {
      const error =
        err instanceof SyntaxError
          ? AppError.validation('MALFORMED_JSON', 'body is not valid JSON', 'body').toPayload()
          : toErrorPayload(err);
      if (error.kind === ErrorKind.INTERNAL) this.logger.error({ err, subject: route.subject, correlationId }, 'request failed');
      reply = { ok: false, error };
    }
    msg.respond(encoder.encode(JSON.stringify(reply)));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    this.metrics?.rpcDuration.observe({ subject: route.subject, outcome: reply.ok ? 'ok' : reply.error.kind }, seconds);
  }
}

export interface RpcCallOptions {
  actor?: Actor;
  asOf?: string;
  timeoutMs?: number;
}

/** Sends commands and queries; a typed error in the reply is re-thrown as an AppError. */
export class RpcClient {
  constructor(
    private readonly nc: NatsConnection,
    private readonly prefix: string,
    private readonly defaultTimeoutMs = 10_000,
  ) {}

  async request<T>(subject: string, payload: unknown, o: RpcCallOptions = {}): Promise<T> {
    const h = natsHeaders();
    const ctx = currentContext();
    h.set(HEADERS.correlationId, ctx?.correlationId ?? randomUUID());
    if (o.actor) h.set(HEADERS.actor, JSON.stringify(o.actor));
    const asOf = o.asOf ?? ctx?.asOf;
    if (asOf) h.set(HEADERS.asOf, asOf);
    // A consumer's or a job's call carries its event's or job's time, and says so.
    if (!o.asOf && ctx?.asOf && ctx.asOfSource && ctx.asOfSource !== 'request') h.set(HEADERS.asOfSource, ctx.asOfSource);
    let msg: Msg;
    try {
      msg = await this.nc.request(commandSubject(this.prefix, subject), encoder.encode(JSON.stringify(payload ?? {})), {
        timeout: o.timeoutMs ?? this.defaultTimeoutMs,
        headers: h,
      });
    } catch (err) {
      const service = subject.split('.')[0];
      throw new AppError(ErrorKind.UNAVAILABLE, 'SERVICE_UNAVAILABLE', `the ${service} service did not answer (${(err as Error).message})`);
    }
    const reply = JSON.parse(new TextDecoder().decode(msg.data)) as RpcReply<T>;
    if (!reply.ok) throw new AppError(reply.error.kind, reply.error.code, reply.error.message, reply.error.field);
    return reply.data;
  }
}
