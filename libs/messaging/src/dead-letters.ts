import type { DataSource } from 'typeorm';
import { AppError, deadLetterSubjects } from '@ocop/contracts';
import { DeadLetterRow } from '@ocop/persistence';
import type { DurableEventConsumer } from './event-consumer';
import type { RpcRoute } from './rpc';
import { requireRole } from './guards';

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

/** Admin routes of a service: `<service>.admin.dead-letters.list` and `.replay`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- payloads checked by hand below
export function deadLetterRoutes(service: string, ds: DataSource, consumers: DurableEventConsumer[]): RpcRoute<any, unknown>[] {
  return [
    {
      subject: deadLetterSubjects(service).list,
      async handle(_req, ctx) {
        requireRole(ctx, ['ADMIN']);
        const rows = await ds.getRepository(DeadLetterRow).find({ order: { createdAt: 'DESC' }, take: 500 });
        return rows.map(view);
      },
    },
    {
      subject: deadLetterSubjects(service).replay,
      async handle(req: { id?: unknown }, ctx) {
        requireRole(ctx, ['ADMIN']);
        if (typeof req.id !== 'string' || !/^[0-9a-f-]{36}$/i.test(req.id))
          throw AppError.validation('VALIDATION_FAILED', 'id must be a UUID', 'id');
        const row = await ds.getRepository(DeadLetterRow).findOneBy({ id: req.id });
        if (!row) throw AppError.notFound('DEAD_LETTER_NOT_FOUND', 'no such dead letter');
        if (row.replayedAt) throw AppError.conflict('DEAD_LETTER_ALREADY_REPLAYED', 'this dead letter was already replayed');
        const consumer = consumers.find((c) => c.name === row.consumer);
        if (!consumer) throw AppError.conflict('DEAD_LETTER_CONSUMER_UNKNOWN', `no consumer ${row.consumer} in this service`);
        try {
          await consumer.replay(row);
        } catch (err) {
          throw AppError.rule('DEAD_LETTER_REPLAY_FAILED', `replay failed: ${(err as Error).message}`);
        }
        return view(await ds.getRepository(DeadLetterRow).findOneByOrFail({ id: row.id }));
      },
    },
  ];
}
