import { NatsContext } from '@nestjs/microservices';
import type { MsgHdrs } from '@nats-io/transport-node';
import type { RpcContext } from '../rpc';

/** The NATS context of a request, with what the edge read from its headers: actor, as-of, correlation id. */
export class BusContext extends NatsContext {
  constructor(
    subject: string,
    headers: MsgHdrs | undefined,
    /** The subject without the deployment prefix: the key of the RPC registry. */
    readonly pattern: string,
    readonly call: RpcContext,
  ) {
    super([subject, headers]);
  }
}
