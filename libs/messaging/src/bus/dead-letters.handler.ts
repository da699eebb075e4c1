import { Inject, Injectable, type Type } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { AppError, DeadLetterReplayCommand, deadLetterSubjects } from '@ocop/contracts';
import { DeadLetterRow } from '@ocop/persistence';
import type { DurableEventConsumer } from '../event-consumer';
import { Handles, RpcController } from './rpc-edge';

export interface DeadLetterView {
  id: string;
  consumer: string;
  eventId: string;
  subject: string;
  error: string;
  deliveries: number;
  createdAt: string;
  replayedAt: string | null;
  replayError: string | null;
  payload: string;
}

const view = (r: DeadLetterRow): DeadLetterView => ({
  id: r.id,
  consumer: r.consumer,
  eventId: r.eventId,
  subject: r.subject,
  error: r.error,
  deliveries: r.deliveries,
  createdAt: r.createdAt.toISOString(),
  replayedAt: r.replayedAt?.toISOString() ?? null,
  replayError: r.replayError,
  payload: r.payload,
});

/** A service's dead letters: listed newest first, replayed in-process through the consumer that gave up on them. */
@Injectable()
export class DeadLetters {
  private consumers: DurableEventConsumer[] = [];

  constructor(private readonly ds: DataSource) {}

  /** The service's consumers, once its messaging has started. */
  attach(consumers: DurableEventConsumer[]): void {
    this.consumers = consumers;
  }

  async list(): Promise<DeadLetterView[]> {
    const rows = await this.ds.getRepository(DeadLetterRow).find({ order: { createdAt: 'DESC' }, take: 500 });
    return rows.map(view);
  }

  async replay(id: string): Promise<DeadLetterView> {
    const repo = this.ds.getRepository(DeadLetterRow);
    const row = await repo.findOneBy({ id });
    if (!row) throw AppError.notFound('DEAD_LETTER_NOT_FOUND', 'no such dead letter');
    if (row.replayedAt) throw AppError.conflict('DEAD_LETTER_ALREADY_REPLAYED', 'this dead letter was already replayed');
    const consumer = this.consumers.find((c) => c.name === row.consumer);
    if (!consumer) throw AppError.conflict('DEAD_LETTER_CONSUMER_UNKNOWN', `no consumer ${row.consumer} in this service`);
    try {
      await consumer.replay(row);
    } catch (err) {
      throw AppError.rule('DEAD_LETTER_REPLAY_FAILED', `replay failed: ${(err as Error).message}`);
    }
    return view(await repo.findOneByOrFail({ id: row.id }));
  }
}

/** The admin edge of a service's dead letters: `<service>.admin.dead-letters.list` and `.replay`. */
export function deadLettersHandler(service: string): Type {
  const subjects = deadLetterSubjects(service);

  @RpcController()
  class DeadLettersHandler {
    constructor(@Inject(DeadLetters) private readonly deadLetters: DeadLetters) {}

    @Handles(subjects.list)
    list(): Promise<DeadLetterView[]> {
      return this.deadLetters.list();
    }

    @Handles(subjects.replay)
    replay(@Payload() c: DeadLetterReplayCommand): Promise<DeadLetterView> {
      return this.deadLetters.replay(c.id);
    }
  }
  return DeadLettersHandler;
}
