import { Injectable } from '@nestjs/common';
import type { Actor, ListMessagesQuery as Query, MessageView } from '@ocop/contracts';
import { MessagesRepository } from './messages.repository';

/** The caller's own messages (an organiser's, a sales point operator's), newest first: nobody reads another's. */
@Injectable()
export class ListMessagesQuery {
  constructor(private readonly messages: MessagesRepository) {}

  async execute(actor: Actor, q: Query): Promise<MessageView[]> {
    return (await this.messages.listFor(actor.id, q)).map((m) => ({
      id: m.id,
      recipientUserId: m.recipientUserId,
      template: m.template,
      subjectVi: m.subjectVi,
      bodyVi: m.bodyVi,
      eventId: m.promotionEventId,
      createdAt: m.createdAt.toISOString(),
    }));
  }
}
