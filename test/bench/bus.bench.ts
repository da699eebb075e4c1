/**
 * npm run bench:bus — domain events per second through the platform's path
 *   transaction (state + outbox row) → relay → JetStream → durable consumer → inbox + effect committed
 * side by side with raw JetStream publish + durable consume/ack of the same number of messages,
 * measured in the same run on the same server. Reports medians of RUNS runs and the ratio.
 */
import { randomBytes } from 'node:crypto';
import { jetstream, jetstreamManager, AckPolicy } from '@nats-io/jetstream';
import { connectNats, DurableEventConsumer, EventOutbox, JetStreamPublisher, OutboxRelay, ensureEventStream } from '@ocop/messaging';
import { eventsWildcard } from '@ocop/contracts';
import { createLogger } from '@ocop/observability';
import { adminQuery, dropDatabase, withDatabase } from '@ocop/testing';
import { loadToolConfig } from '../../tools/config';
import { SCHEMA, effectHandler, openMsgTestDatabase, countOf, thingPayloads } from '../../libs/messaging/test/support/msgtest-db';

const { events: N, runs: RUNS } = loadToolConfig().bench;
const WRITERS = 16; // concurrent "commands", one event per transaction
const logger = createLogger('bench', 'silent');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function rawJetStream(natsUrl: string): Promise<number> {
  const nc = await connectNats(natsUrl, 'bench-raw');
  const id = `b${randomBytes(4).toString('hex')}`;
  const jsm = await jetstreamManager(nc);
  await jsm.streams.add({ name: `${id.toUpperCase()}_RAW`, subjects: [`${id}.raw.>`] });
  await jsm.consumers.add(`${id.toUpperCase()}_RAW`, { durable_name: 'raw', ack_policy: AckPolicy.Explicit });
  const js = jetstream(nc);
  const consumer = await js.consumers.get(`${id.toUpperCase()}_RAW`, 'raw');
  const payload = JSON.stringify({ specversion: '1.0', id: 'x'.repeat(36), type: 'bench.thing-happened.v1', data: { value: 1 } });
  const started = process.hrtime.bigint();
  let received = 0;
  const done = (async () => {
    const messages = await consumer.consume({ max_messages: 256 });
    for await (const m of messages) {
      m.ack();
      if (++received === N) break;
    }
  })();
  for (let i = 0; i < N; i += 256) {
    await Promise.all(
      Array.from({ length: Math.min(256, N - i) }, (_, k) => js.publish(`${id}.raw.thing`, payload, { msgID: `${id}-${i + k}` })),
    );
  }
  await done;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await jsm.streams.delete(`${id.toUpperCase()}_RAW`);
  await nc.drain();
  return N / seconds;
}

async function platformPath(serverUrl: string, natsUrl: string): Promise<number> {
  const id = `b${randomBytes(4).toString('hex')}`;
  const dbName = `ocop_bench_${id}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${dbName}"`);
  const url = withDatabase(serverUrl, dbName);
  const ds = await openMsgTestDatabase(url, 'bench');
  const nc = await connectNats(natsUrl, 'bench-platform');
  const stream = `${id.toUpperCase()}_EVENTS`;
  await ensureEventStream(nc, { name: stream, prefix: id });
  const consumer = new DurableEventConsumer(
    nc,
    ds,
    {
      durable: 'bench',
      stream,
      filterSubject: eventsWildcard(id),
      handlers: { 'bench.thing-happened.v1': effectHandler('bench') },
      extraPayloads: thingPayloads('bench.thing-happened.v1'),
      concurrency: 32,
    },
    logger,
  );
  const relay = new OutboxRelay(ds, new JetStreamPublisher(nc), { batchSize: 200, pollIntervalMs: 50 }, logger);
  await consumer.start();
  await relay.start();
  const outbox = new EventOutbox('ocop/bench', id);
  const started = process.hrtime.bigint();
  let next = 0;
  await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      while (next < N) {
        const value = next++;
        await ds.transaction((tx) => outbox.enqueue(tx, 'bench.thing-happened.v1', undefined, { value }));
      }
    }),
  );
  while ((await countOf(ds, `SELECT count(*) AS n FROM ${SCHEMA}.effect`)) < N) await new Promise((r) => setTimeout(r, 20));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const effects = await countOf(ds, `SELECT count(DISTINCT event_id) AS n FROM ${SCHEMA}.effect`);
  if (effects !== N) throw new Error(`expected ${N} distinct effects, got ${effects}`);
  await relay.stop();
  await consumer.stop();
  await (await jetstreamManager(nc)).streams.delete(stream);
  await nc.drain();
  await ds.destroy();
  await dropDatabase(serverUrl, dbName);
  return N / seconds;
}

async function main(): Promise<void> {
  const urls = loadToolConfig().infra;
  const raw: number[] = [];
  const platform: number[] = [];
  for (let run = 1; run <= RUNS; run++) {
    raw.push(await rawJetStream(urls.natsUrl));
    platform.push(await platformPath(urls.databaseUrl, urls.natsUrl));
    console.log(`run ${run}: raw JetStream ${raw.at(-1)!.toFixed(0)} msg/s, platform path ${platform.at(-1)!.toFixed(0)} events/s`);
  }
  const r = median(raw),
    p = median(platform);
  console.log(`\nbench:bus  events=${N} runs=${RUNS} writers=${WRITERS}`);
  console.log(
    `raw JetStream publish+consume (256 in flight): median ${r.toFixed(0)} msg/s  [${Math.min(...raw).toFixed(0)}–${Math.max(...raw).toFixed(0)}]`,
  );
  console.log(
    `outbox → relay → JetStream → consumer → effect: median ${p.toFixed(0)} events/s  [${Math.min(...platform).toFixed(0)}–${Math.max(...platform).toFixed(0)}]`,
  );
  console.log(`ratio platform/raw: ${(p / r).toFixed(3)}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
