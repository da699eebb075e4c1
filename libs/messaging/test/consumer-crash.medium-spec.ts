import { JetStreamPublisher, OutboxRelay } from '@ocop/messaging';
import { eventually } from '@ocop/testing';
import { ChildNode } from './support/child-process';
import { consumerIdle, enqueue, relayAll, startHarness, type MsgHarness } from './support/harness';
import { countOf, deadLettersOf, effectsOf, inboxOf, SCHEMA } from './support/msgtest-db';

const N = 60;
const DURABLE = 'crash-reader';
const TYPE = 'crash.thing-happened.v1';

// The per-project testTimeout in jest.config.cjs is not applied by jest-circus (it reads only the global one).
jest.setTimeout(60_000);

describe('DurableEventConsumer in a process that is killed', () => {
  let h: MsgHarness;
  const children: ChildNode[] = [];

  const startChild = async (): Promise<ChildNode> => {
    const child = new ChildNode('libs/messaging/test/support/consumer-child.ts', {
      DATABASE_URL: h.env.databaseUrl,
      NATS_URL: h.env.natsUrl,
      PREFIX: h.env.prefix,
      STREAM: h.env.stream,
      DURABLE,
      EVENT_TYPE: TYPE,
      SLOW_MS: '250',
      ACK_WAIT_MS: '1500',
    });
    children.push(child);
    await child.ready();
    return child;
  };

  const attemptsBy = (pid: number): Promise<number> =>
    countOf(h.ds, `SELECT count(*) AS n FROM ${SCHEMA}.effect_attempt WHERE consumer = $1 AND pid = $2`, [DURABLE, pid]);
  const effectsBy = (pid: number): Promise<number> =>
    countOf(h.ds, `SELECT count(*) AS n FROM ${SCHEMA}.effect WHERE consumer = $1 AND pid = $2`, [DURABLE, pid]);

  beforeAll(async () => {
    h = await startHarness('msgtest-crash');
  });

  afterAll(async () => {
    await Promise.allSettled(children.map((c) => c.kill('SIGKILL')));
    await h?.close();
  });

  it('a consumer killed (SIGKILL) mid-handler loses nothing and duplicates nothing after restart', async () => {
    const first = await startChild();

    const events = await enqueue(
      h,
      TYPE,
      Array.from({ length: N }, (_, i) => ({ value: i })),
    );
    expect(await relayAll(new OutboxRelay(h.ds, new JetStreamPublisher(h.nc), h.relayOptions, h.logger))).toBe(N);

    // The first process is under way: some events committed, others in their slow transaction.
    await eventually(
      // Some events committed, and more attempted than committed: a transaction (a batch) is open right now.
      async () => (await effectsBy(first.pid)) >= 4 && (await attemptsBy(first.pid)) >= (await effectsBy(first.pid)) + 2,
      30_000,
      'the first consumer to be mid-stream',
    );
    const killed = await first.kill('SIGKILL');
    expect(killed.signal).toBe('SIGKILL');
    const appliedBeforeKill = await effectsBy(first.pid);
    expect(appliedBeforeKill).toBeLessThan(N);

    const second = await startChild();
    await eventually(async () => (await effectsOf(h.ds, DURABLE)) === N, 30_000, `${N} effects`);
    await consumerIdle(h, DURABLE);

    // Nothing lost, nothing applied twice.
    expect(await effectsOf(h.ds, DURABLE)).toBe(N);
    for (const e of events) expect(await effectsOf(h.ds, DURABLE, e.id)).toBe(1);
    expect(await inboxOf(h.ds, DURABLE)).toBe(N);
    expect(await deadLettersOf(h.ds, DURABLE)).toBe(0);
    // What the killed process had committed stayed; the rest was applied by the second one.
    expect(await effectsBy(first.pid)).toBe(appliedBeforeKill);
    expect(await effectsBy(second.pid)).toBe(N - appliedBeforeKill);

    // The kill did land mid-handler: some event was attempted by the killed process without its
    // transaction committing, and was then delivered again and applied by the second process.
    const interrupted: Array<{ event_id: string }> = await h.ds.query(
      `SELECT a.event_id FROM ${SCHEMA}.effect_attempt a
        WHERE a.consumer = $1 AND a.pid = $2
          AND NOT EXISTS (SELECT 1 FROM ${SCHEMA}.effect f WHERE f.consumer = a.consumer AND f.event_id = a.event_id AND f.pid = $2)`,
      [DURABLE, first.pid],
    );
    expect(interrupted.length).toBeGreaterThanOrEqual(1);
    for (const { event_id } of interrupted) {
      expect(
        await countOf(h.ds, `SELECT count(*) AS n FROM ${SCHEMA}.effect WHERE consumer = $1 AND event_id = $2 AND pid = $3`, [
          DURABLE,
          event_id,
          second.pid,
        ]),
      ).toBe(1);
    }
    const redelivered = await countOf(
      h.ds,
      `SELECT count(*) AS n FROM (SELECT event_id FROM ${SCHEMA}.effect_attempt WHERE consumer = $1 GROUP BY event_id HAVING count(*) > 1) x`,
      [DURABLE],
    );
    expect(redelivered).toBeGreaterThanOrEqual(1);

    expect(second.alive).toBe(true);
    await second.kill('SIGTERM');
  });
});
