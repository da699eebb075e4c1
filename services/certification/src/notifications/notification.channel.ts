/** One message to a producer, in Vietnamese. `dedupKey` makes writing it twice harmless (e.g. `notice:<cert>:90`). */
export interface ProducerMessage {
  producerId: string;
  template: string;
  subject: string;
  body: string;
  certificateId?: string | null;
  dossierId?: string | null;
  dedupKey: string;
}

export interface OutgoingMessage extends ProducerMessage {
  id: string;
}

/** A way to reach a producer. Email and SMS adapters implement this with their own transport; `log` is the default. */
export interface NotificationChannel {
  readonly name: string;
  send(message: OutgoingMessage): Promise<void>;
}

export const NOTIFICATION_CHANNELS = Symbol('NOTIFICATION_CHANNELS');
