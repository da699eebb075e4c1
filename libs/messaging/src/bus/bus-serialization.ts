import type { Msg } from '@nats-io/transport-node';
import type { ConsumerDeserializer, ConsumerSerializer, IncomingRequest, OutgoingResponse } from '@nestjs/microservices';
import { AppError, type RpcReply } from '@ocop/contracts';
import { toErrorPayload } from '../error-mapping';

/** A request body that is not JSON: the contract pipe answers it with MALFORMED_JSON. */
export const MALFORMED_BODY = Symbol('MALFORMED_BODY');

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/**
 * The wire format is plain JSON, not Nest's `{pattern, data, id}` envelope, so a lab's or an agency's service in any
 * language can call a subject: the body is the command itself, metadata travels in NATS headers (`HEADERS`).
 */
export class BusDeserializer implements ConsumerDeserializer {
  deserialize(msg: Msg, options?: { channel?: string; replyTo?: string }): IncomingRequest {
    let data: unknown = {};
    if (msg.data.length) {
      try {
        data = JSON.parse(decoder.decode(msg.data));
      } catch {
        data = MALFORMED_BODY;
      }
    }
    // Nest treats a message without an id as an event; a request is one that expects a reply.
    return { pattern: options?.channel ?? msg.subject, data, id: msg.reply ?? '' };
  }
}

/** The reply: `{ok: true, data}` or `{ok: false, error: {code, kind, message, field}}`. */
export class BusSerializer implements ConsumerSerializer {
  serialize(packet: OutgoingResponse): { data: Uint8Array } {
    const reply: RpcReply<unknown> =
      packet.err !== undefined ? { ok: false, error: toErrorPayload(packet.err) } : { ok: true, data: packet.response ?? null };
    return { data: encoder.encode(JSON.stringify(reply)) };
  }
}

export const malformedBody = (): AppError => AppError.validation('MALFORMED_JSON', 'body is not valid JSON', 'body');
