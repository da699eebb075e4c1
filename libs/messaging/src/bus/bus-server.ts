import { randomUUID } from 'node:crypto';
import type { Msg, NatsConnection, Subscription } from '@nats-io/transport-node';
import { ServerNats } from '@nestjs/microservices';
import type { Logger } from 'pino';
import { AppError, ErrorKind, HEADERS, commandSubject, rpcSpec, type Actor } from '@ocop/contracts';
import { runInContext, type Metrics } from '@ocop/observability';
import { toErrorPayload } from '../error-mapping';
import type { RpcContext } from '../rpc';
import { BusContext } from './bus-context';
import { BusDeserializer, BusSerializer } from './bus-serialization';

/** Where a call's as-of came from: the caller's event or job when it says so, else a request. */
const asOfSourceOf = (header: string | undefined): 'request' | 'event' | 'job' =>
  header === 'event' || header === 'job' ? header : 'request';

export interface BusServerOptions {
  /** Deployment prefix of every subject (`<prefix>.<service>.<entity>.<verb>`). */
  prefix: string;
  /** Queue group: replicas of a service share its requests. */
  queue: string;
}

/**
 * Nest's NATS transport on the service's own connection, with the platform's conventions: subjects carry the
 * deployment prefix, the body is plain JSON (`BusDeserializer`, `BusSerializer`), the actor, correlation id and
 * as-of travel in headers and become the request context the handler runs in. Start-up fails on a handler for a
 * subject the RPC registry does not declare, or on two handlers for one subject.
 */
export class BusServer extends ServerNats {
  private readonly subs: Subscription[] = [];
  private readonly inflight = new Set<Promise<unknown>>();
  private listening = false;

  constructor(
    private readonly nc: NatsConnection,
    private readonly bus: BusServerOptions,
    private readonly log: Logger,
    private readonly metrics?: Metrics,
  ) {
    super({ queue: bus.queue, serializer: new BusSerializer(), deserializer: new BusDeserializer() });
  }

  override addHandler(pattern: unknown, callback: Parameters<ServerNats['addHandler']>[1], isEventHandler = false, extras = {}): void {
    const subject = this.normalizePattern(pattern as string);
    if (!isEventHandler) {
      rpcSpec(subject); // throws for a subject no contract declares
      if (this.messageHandlers.has(subject)) throw new Error(`two handlers for the subject ${subject}`);
    }
    super.addHandler(pattern as string, callback, isEventHandler, extras);
  }

  /** The subjects this server answers (for tests and the start-up log). */
  subjects(): string[] {
    return [...this.messageHandlers.keys()];
  }

  override async listen(callback: (err?: unknown) => void): Promise<void> {
    try {
      this.bindEvents(this.nc);
      // The server has the subscriptions before the process says it listens: a request sent the moment start-up ends
      // (a test, a replica's first caller) finds its responder instead of "no responders".
      await this.nc.flush();
      this.listening = true;
      callback();
    } catch (err) {
      callback(err);
    }
  }

  override bindEvents(nc: NatsConnection): void {
    for (const subject of this.messageHandlers.keys()) {
      this.subs.push(
        nc.subscribe(commandSubject(this.bus.prefix, subject), {
          queue: this.bus.queue,
          callback: (err, msg) => {
            if (err) return this.log.error({ err }, 'subscription error');
            const p = this.handleMessage(subject, msg)
              .catch((e: unknown) => this.log.error({ err: e, subject }, 'request not answered'))
              .finally(() => this.inflight.delete(p));
            this.inflight.add(p);
          },
        }),
      );
    }
  }

  /** Stops taking requests and lets those in flight answer; the connection itself belongs to the service. */
  override async close(): Promise<void> {
    if (!this.listening) return;
    this.listening = false;
    await Promise.all(this.subs.splice(0).map((s) => s.drain().catch(() => undefined)));
    await Promise.allSettled([...this.inflight]);
  }

  override async handleMessage(pattern: string, msg: Msg): Promise<void> {
    const started = process.hrtime.bigint();
    let answered = false;
    const respond = (reply: { response?: unknown; err?: unknown }): void => {
      if (answered) return;
      answered = true;
      const out = this.serializer.serialize({ ...reply, id: '' } as never) as { data: Uint8Array };
      msg.respond(out.data);
      const outcome = reply.err === undefined ? 'ok' : toErrorPayload(reply.err).kind;
      this.metrics?.rpcDuration.observe({ subject: pattern, outcome }, Number(process.hrtime.bigint() - started) / 1e9);
    };
    let call: RpcContext;
    try {
      call = this.callOf(msg);
    } catch (err) {
      return respond({ err: toErrorPayload(err) });
    }
    const h = msg.headers;
    const asOfHeader = h?.get(HEADERS.asOf);
    const context = {
      correlationId: call.correlationId,
      causationId: call.correlationId,
      actor: call.actor && { id: call.actor.id, role: call.actor.role },
      ...(asOfHeader ? { asOf: call.asOf.toISOString(), asOfSource: asOfSourceOf(h?.get(HEADERS.asOfSource)) } : {}),
    };
    const ctx = new BusContext(msg.subject, h, pattern, call);
    const packet = (await this.deserializer.deserialize(msg, { channel: pattern })) as { data: unknown };
    const handler = this.getHandlerByPattern(pattern)!;
    await runInContext(context, () =>
      this.handleRequest(
        ctx,
        async () => this.transformToObservable(await handler(packet.data, ctx)),
        (reply: { response?: unknown; err?: unknown }) => respond(reply),
      ),
    );
  }

  private callOf(msg: Msg): RpcContext {
    const h = msg.headers;
    const correlationId = h?.get(HEADERS.correlationId) || randomUUID();
    const actorHeader = h?.get(HEADERS.actor);
    let actor: Actor | undefined;
    try {
      actor = actorHeader ? (JSON.parse(actorHeader) as Actor) : undefined;
    } catch {
      throw new AppError(ErrorKind.UNAUTHENTICATED, 'ACTOR_INVALID', 'the actor header is not JSON');
    }
    const asOfHeader = h?.get(HEADERS.asOf);
    const asOf = asOfHeader ? new Date(asOfHeader) : new Date();
    if (Number.isNaN(asOf.getTime())) throw AppError.validation('AS_OF_INVALID', 'as-of must be an ISO 8601 instant', 'asOf');
    return { actor, asOf, correlationId };
  }
}
