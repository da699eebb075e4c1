import { BaseRpcContext } from '@nestjs/microservices';
import type { EventEnvelope } from '@ocop/contracts';
import type { Tx } from '@ocop/persistence';

/** What an event handler gets besides the payload: the envelope, the inbox transaction, and what its prepare step read. */
export class EventContext<P = unknown> extends BaseRpcContext<[EventEnvelope, Tx | undefined, P | undefined]> {
  get event(): EventEnvelope {
    return this.args[0];
  }

  /** The transaction that also records the event in the inbox (absent in a prepare step, which runs outside it). */
  get tx(): Tx {
    const tx = this.args[1];
    if (!tx) throw new Error('a prepare step has no transaction: it runs before the inbox transaction opens');
    return tx;
  }

  /** What the handler's `@PrepareEvent` step returned. */
  get prepared(): P {
    return this.args[2] as P;
  }
}
