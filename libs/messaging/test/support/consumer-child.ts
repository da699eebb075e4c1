/**
 * A consumer process for consumer-crash.medium-spec.ts, killed with SIGKILL mid-handler by the test.
 * Run with `node tools/run-node.js libs/messaging/test/support/consumer-child.ts` and:
 *   DATABASE_URL, NATS_URL, PREFIX, STREAM, DURABLE, EVENT_TYPE, SLOW_MS
 * Each handler call records an attempt (autocommit, survives the kill), inserts the effect in the
 * event's transaction, then sleeps SLOW_MS before the commit, so a kill lands between effect and commit.
 * Prints `ready` on stdout once it consumes.
 */
import { eventsWildcard } from '@ocop/contracts';
import { connectNats, DurableEventConsumer } from '@ocop/messaging';
import { createLogger, type LogLevel } from '@ocop/observability';
import { effectHandler, openMsgTestDatabase, recordAttempt, sleep, thingPayloads } from './msgtest-db';

function required(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is required`);
  return v;
}

async function main(): Promise<void> {
  const durable = required('DURABLE');
  const type = required('EVENT_TYPE');
  const slowMs = Number(required('SLOW_MS'));
  const logger = createLogger('msgtest-child', (process.env.TEST_LOG_LEVEL ?? 'silent') as LogLevel);
  const ds = await openMsgTestDatabase(required('DATABASE_URL'), `msgtest-child-${process.pid}`);
  const nc = await connectNats(required('NATS_URL'), `msgtest-child-${process.pid}`);
  const apply = effectHandler(durable);
  const consumer = new DurableEventConsumer(
    nc,
    ds,
    {
      durable,
      stream: required('STREAM'),
      filterSubject: eventsWildcard(required('PREFIX')),
      handlers: {
        [type]: async (event, tx) => {
          await recordAttempt(ds, durable, event.id);
          await apply(event, tx);
          await sleep(slowMs);
        },
      },
      extraPayloads: thingPayloads(type),
      // Short ack wait: what the killed process had in flight comes back quickly. maxDeliver leaves
      // room for that redelivery (the test expects no dead letters).
      maxDeliver: 5,
      backoffMs: [100, 200],
      ackWaitMs: Number(process.env.ACK_WAIT_MS ?? 1500),
      concurrency: 4,
    },
    logger,
  );
  await consumer.start();
  process.stdout.write('ready\n');

  const shutdown = async (): Promise<void> => {
    await consumer.stop();
    await nc.drain();
    await ds.destroy();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown());
  process.once('SIGINT', () => void shutdown());
}

main().catch((err: unknown) => {
  process.stderr.write(`consumer-child failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
