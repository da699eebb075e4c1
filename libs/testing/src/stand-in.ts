import type { MsgHdrs, NatsConnection, Subscription } from '@nats-io/transport-node';

/** What a stand-in saw of one request: its JSON body and its headers. */
export interface StandInCall {
  body: unknown;
  headers: MsgHdrs | undefined;
}

/**
 * Another service's subject answered in a test or a bench by a function, in the platform's wire format
 * (plain JSON body in, `{ok: true, data}` out): a service under test can run alone.
 */
export function answerSubject(
  nc: NatsConnection,
  subject: string,
  answer: (call: StandInCall) => unknown | Promise<unknown>,
): Subscription {
  return nc.subscribe(subject, {
    callback: (err, msg) => {
      if (err) return;
      void (async () => {
        const body: unknown = msg.data.length ? JSON.parse(msg.string()) : {};
        const data = await answer({ body, headers: msg.headers });
        msg.respond(JSON.stringify({ ok: true, data: data ?? null }));
      })();
    },
  });
}
