import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEFAULT_PAGE } from '@ocop/contracts';
import type { Tx } from '@ocop/persistence';
import { Message } from './message.entity';

@Injectable()
export class MessagesRepository {
  constructor(private readonly ds: DataSource) {}

  /** Stores the message unless the same cause already sent it to the same recipient; whether it did. */
  async insertIfNew(tx: Tx, m: Message): Promise<boolean> {
    const r = await tx.createQueryBuilder().insert().into(Message).values(m).orIgnore().returning(['id']).execute();
    return (r.raw as unknown[]).length > 0;
  }

  /** A page of the recipient's own messages, newest first. */
  listFor(recipientUserId: string, page: { limit?: number; offset?: number }): Promise<Message[]> {
    return this.ds.manager.find(Message, {
      where: { recipientUserId },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: page.limit ?? DEFAULT_PAGE.limit,
      skip: page.offset ?? DEFAULT_PAGE.offset,
    });
  }
}
