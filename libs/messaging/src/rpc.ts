import { randomUUID } from 'node:crypto';
import { headers as natsHeaders, type Msg, type NatsConnection } from '@nats-io/transport-node';
import { AppError, ErrorKind, HEADERS, commandSubject, type Actor, type RpcReply } from '@ocop/contracts';
import { currentContext } from '@ocop/observability';

/** What a request handler knows besides its payload. */
export interface RpcContext {
  actor: Actor | undefined;
  /** "Now" for time rules: the as-of instant passed by the edge, or the wall clock. */
  asOf: Date;
  correlationId: string;
}

const encoder = new TextEncoder();

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
