import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  agencyEventSubject,
  consumerFilterSubject,
  eventSubject,
  RegistrationEvents,
  ScoringEvents,
  type EventEnvelope,
  type SessionClosedData,
} from '@ocop/contracts';
import {
  DurableEventConsumer,
  JetStreamPublisher,
  OutboxRelay,
  UnrecoverableEventError,
  type DurableConsumerOptions,
} from '@ocop/messaging';
import { DeadLetterRow } from '@ocop/persistence';
import { eventually } from '@ocop/testing';
import { Metrics } from '@ocop/observability';
import {
  consumerIdle,
  countByMsgId,
  enqueue,
  makeEnvelope,
  publishRaw,
  scopeFilter,
  startHarness,
  streamEntries,
  Stoppables,
  type MsgHarness,
} from './support/harness';
import { deadLettersOf, effectHandler, effectsOf, inboxOf, thingPayloads, ThingHappened } from './support/msgtest-db';

// The per-project testTimeout in jest.config.cjs is not applied by jest-circus (it reads only the global one).
jest.setTimeout(60_000);

describe('DurableEventConsumer (JetStream → inbox + effect in PostgreSQL)', () => {
  let h: MsgHarness;
  const running = new Stoppables();

  beforeAll(async () => {
    h = await startHarness('msgtest-consumer');
  });

  afterAll(async () => {
    await running.stopAll();
    await h?.close();
  });

  /** A started consumer that only sees its own test's events (types `<scope>.*`, test-only types carrying a ThingHappened). */
  async function startConsumer(
    scope: string,
    handlers: DurableConsumerOptions['handlers'],
    o: Partial<DurableConsumerOptions> = {},
  ): Promise<DurableEventConsumer> {
    const consumer = running.add(
      new DurableEventConsumer(
        h.nc,
        h.ds,
        {
          durable: `${scope}-reader`,
          stream: h.env.stream,
          filterSubject: scopeFilter(h.env.prefix, scope),
          handlers,
          extraPayloads: thingPayloads(...Object.keys(handlers).filter((type) => type.startsWith(`${scope}.`))),
          maxDeliver: 3,
          backoffMs: [100, 200],
          ackWaitMs: 2000,
          ...o,
        },
        h.logger,
      ),
    );
    await consumer.start();
    return consumer;
  }

  const deadLetter = (consumer: string, eventId: string): Promise<DeadLetterRow | null> =>
    h.ds.getRepository(DeadLetterRow).findOneBy({ consumer, eventId });

  it('a redelivered event changes state once', async () => {
    const scope = 'redelivery';
    const type = `${scope}.thing-happened.v1`;
    const durable = `${scope}-reader`;

    // Once through the outbox and the relay...
    const [event] = await enqueue(h, type, [{ value: 42 }]);
    expect(await new OutboxRelay(h.ds, new JetStreamPublisher(h.nc), h.relayOptions, h.logger).relayBatch()).toBe(1);
    // ...and twice more straight to the stream under other Nats-Msg-Ids, as a re-publish after the
    // duplicate window would arrive: the stream keeps all three.
    const body = JSON.stringify(event);
    const acks = [await publishRaw(h, type, body, `${event.id}:again-1`), await publishRaw(h, type, body, `${event.id}:again-2`)];
    expect(acks.map((a) => a.duplicate)).toEqual([false, false]);
    const copies = (await streamEntries(h)).filter((e) => (JSON.parse(e.body) as EventEnvelope).id === event.id);
    expect(copies).toHaveLength(3);

    let calls = 0;
    const apply = effectHandler(durable);
    await startConsumer(scope, {
      [type]: async (e, tx) => {
        calls++;
        await apply(e, tx);
      },
    });

    // All three copies delivered and acknowledged.
    const info = await eventually(
      async () => {
        const i = await consumerIdle(h, durable);
        return i.ack_floor.stream_seq >= acks[1].seq && i;
      },
      20_000,
      'all three copies to be acknowledged',
    );
    expect(info.delivered.consumer_seq).toBe(3);
    expect(await effectsOf(h.ds, durable, event.id)).toBe(1);
    expect(await inboxOf(h.ds, durable, event.id)).toBe(1);
    expect(calls).toBe(1); // the inbox turned the two copies away before the handler
    expect(await deadLettersOf(h.ds, durable)).toBe(0);
  });

  it('a prepared handler reads before the inbox transaction (no transaction open while it waits) and applies with what it read', async () => {
    const scope = 'prepared';
    const type = `${scope}.thing-happened.v1`;
    const durable = `${scope}-reader`;
    const openTransactions = async (): Promise<number> =>
      Number(
        (
          await h.ds.query(
            `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'`,
          )
        )[0].n,
      );
    const seenWhilePreparing: number[] = [];
    const apply = effectHandler(durable);
    await startConsumer(scope, {
      [type]: {
        prepare: async (e: EventEnvelope) => {
          await new Promise((r) => setTimeout(r, 100)); // a slow call to another service
          seenWhilePreparing.push(await openTransactions());
          return (e.data as ThingHappened).value * 10;
        },
        apply: async (e: EventEnvelope, tx, prepared: number) => apply({ ...e, data: { value: prepared } }, tx),
      },
    });
    const [event] = await enqueue(h, type, [{ value: 7 }]);
    await new OutboxRelay(h.ds, new JetStreamPublisher(h.nc), h.relayOptions, h.logger).relayBatch();
    await eventually(async () => (await effectsOf(h.ds, durable, event.id)) === 1, 15_000, 'the prepared effect');
    const [effect] = await h.ds.query(`SELECT value FROM msgtest.effect WHERE consumer = $1 AND event_id = $2`, [durable, event.id]);
    expect(Number(effect.value)).toBe(70);
    expect(seenWhilePreparing).toEqual([0]);
  });

  it('retries a handler that fails twice with backoff, applies the event once and keeps no dead letter', async () => {
    const scope = 'flaky';
    const type = `${scope}.thing-happened.v1`;
    const durable = `${scope}-reader`;
    const attemptsAt: number[] = [];
    const apply = effectHandler(durable);
    await startConsumer(scope, {
      [type]: async (e, tx) => {
        attemptsAt.push(performance.now());
        await apply(e, tx); // written, then rolled back by the failure below
        if (attemptsAt.length <= 2) throw new Error(`transient failure #${attemptsAt.length}`);
      },
    });

    const event = makeEnvelope(type, { value: 1 });
    await publishRaw(h, type, JSON.stringify(event), event.id);

    await eventually(async () => (await effectsOf(h.ds, durable, event.id)) === 1, 20_000, 'the event to be applied');
    await consumerIdle(h, durable);
    expect(attemptsAt).toHaveLength(3); // maxDeliver is 3: the third and last try succeeded
    expect(await effectsOf(h.ds, durable, event.id)).toBe(1);
    expect(await inboxOf(h.ds, durable, event.id)).toBe(1);
    expect(await deadLettersOf(h.ds, durable)).toBe(0);
    // The redeliveries waited at least the configured backoff (the server holds a nak'ed message
    // for the delay; an immediate redelivery would come back within a few milliseconds).
    expect(attemptsAt[1] - attemptsAt[0]).toBeGreaterThanOrEqual(90);
    expect(attemptsAt[2] - attemptsAt[1]).toBeGreaterThanOrEqual(180);
  });

  it('applies the events it has in hand in shared transactions; a failing one costs its batchmates only a second try', async () => {
    const scope = 'batch';
    const goodType = `${scope}.thing-happened.v1`;
    const badType = `${scope}.always-fails.v1`;
    const durable = `${scope}-reader`;
    let badAttempts = 0;
    // The backlog is in the stream before the consumer starts: it has many events in hand at once.
    const good = Array.from({ length: 60 }, (_, i) => makeEnvelope(goodType, { value: i }));
    const bad = makeEnvelope(badType, { value: -1 });
    for (const e of [...good.slice(0, 30), bad, ...good.slice(30)]) await publishRaw(h, e.type, JSON.stringify(e), e.id);
    const metrics = new Metrics('msgtest-batch');
    const handlers = {
      [goodType]: effectHandler(durable),
      [badType]: async () => {
        badAttempts++;
        throw new Error('this handler always fails');
      },
    };
    const consumer = running.add(
      new DurableEventConsumer(
        h.nc,
        h.ds,
        {
          durable,
          stream: h.env.stream,
          filterSubject: scopeFilter(h.env.prefix, scope),
          handlers,
          extraPayloads: thingPayloads(goodType, badType),
          maxDeliver: 3,
          backoffMs: [100, 200],
          ackWaitMs: 2000,
          concurrency: 4,
          batchSize: 8,
        },
        h.logger,
        metrics,
      ),
    );
    await consumer.start();
    await eventually(
      async () => (await effectsOf(h.ds, durable)) === 60 && (await deadLettersOf(h.ds, durable)) === 1,
      25_000,
      '60 effects and 1 dead letter',
    );
    await consumerIdle(h, durable);
    for (const e of good) expect(await effectsOf(h.ds, durable, e.id)).toBe(1);
    expect(await inboxOf(h.ds, durable)).toBe(60);
    expect(await deadLetter(durable, bad.id)).toMatchObject({ deliveries: 3 });
    expect(badAttempts).toBe(3); // one try per delivery, in a batch or not
    const batches = (await metrics.consumerBatch.get()).values;
    const count = batches.find((v) => v.metricName?.endsWith('_count'))?.value ?? 0;
    const sum = batches.find((v) => v.metricName?.endsWith('_sum'))?.value ?? 0;
    expect(count).toBeGreaterThan(0);
    expect(sum / count).toBeGreaterThan(1); // transactions of several events
    expect(sum).toBeGreaterThanOrEqual(40); // most events went in batches
  });

  it('a poison message goes to dead letters after its attempts and does not block the consumer', async () => {
    const scope = 'poison';
    const goodType = `${scope}.thing-happened.v1`;
    const failingType = `${scope}.always-fails.v1`;
    const garbageType = `${scope}.garbage.v1`;
    const durable = `${scope}-reader`;
    let failingAttempts = 0;
    let othersFlowedMeanwhile = false;
    await startConsumer(scope, {
      [goodType]: effectHandler(durable),
      [failingType]: async () => {
        failingAttempts++;
        if (failingAttempts === 1) {
          // Hold the first attempt (well inside the 2 s ack wait) until the good events, 14 of them
          // published after this one, are all applied: they can only be if this one blocks nothing.
          othersFlowedMeanwhile = await eventually(async () => (await effectsOf(h.ds, durable)) === 20, 1_500, 'the good events').then(
            () => true,
            () => false,
          );
        }
        throw new Error('this handler always fails');
      },
    });

    const good = Array.from({ length: 20 }, (_, i) => makeEnvelope(goodType, { value: i }));
    const failing = makeEnvelope(failingType, { value: -1 });
    const garbage = 'this is {not json';
    const garbageId = `garbage-${randomUUID()}`;
    for (const [i, e] of good.entries()) {
      if (i === 3) await publishRaw(h, garbageType, garbage, garbageId);
      if (i === 6) await publishRaw(h, failingType, JSON.stringify(failing), failing.id);
      await publishRaw(h, goodType, JSON.stringify(e), e.id);
    }

    await eventually(
      async () => (await effectsOf(h.ds, durable)) === 20 && (await deadLettersOf(h.ds, durable)) === 2,
      25_000,
      '20 effects and 2 dead letters',
    );
    await consumerIdle(h, durable); // nothing pending, nothing awaiting an ack: the dead letters were terminated

    for (const e of good) expect(await effectsOf(h.ds, durable, e.id)).toBe(1);
    expect(await effectsOf(h.ds, durable)).toBe(20);
    expect(await inboxOf(h.ds, durable)).toBe(20); // the failing event's inbox row rolled back with it

    const garbageRow = await deadLetter(durable, garbageId);
    expect(garbageRow).toMatchObject({
      deliveries: 1,
      payload: garbage,
      subject: `${h.env.prefix}.events.${garbageType}`,
      replayedAt: null,
    });
    expect(garbageRow?.error).toMatch(/not a valid event envelope/);

    const failingRow = await deadLetter(durable, failing.id);
    expect(failingRow).toMatchObject({ deliveries: 3, payload: JSON.stringify(failing), replayedAt: null });
    expect(failingRow?.error).toMatch(/this handler always fails/);
    expect(failingAttempts).toBe(3);
    expect(othersFlowedMeanwhile).toBe(true);
    expect(await deadLettersOf(h.ds, durable)).toBe(2);
  });

  describe('replay of dead letters', () => {
    const scope = 'replay';
    const type = `${scope}.thing-happened.v1`;
    const durable = `${scope}-reader`;
    let broken = true;
    let applied = 0;
    let consumer: DurableEventConsumer;
    const apply = effectHandler(durable);

    beforeAll(async () => {
      consumer = await startConsumer(scope, {
        [type]: async (e, tx) => {
          if (broken) throw new Error('handler bug');
          await apply(e, tx);
          applied++;
        },
      });
    });

    it('applies a dead-lettered event once the handler is fixed, and replaying it again is a no-op', async () => {
      const event = makeEnvelope(type, { value: 5 });
      await publishRaw(h, type, JSON.stringify(event), event.id);
      const row = await eventually(async () => (await deadLetter(durable, event.id)) ?? undefined, 20_000, 'the dead letter');
      expect(row.deliveries).toBe(3);
      expect(await effectsOf(h.ds, durable, event.id)).toBe(0);
      expect(await inboxOf(h.ds, durable, event.id)).toBe(0);

      broken = false;
      await consumer.replay(row);
      expect(applied).toBe(1);
      expect(await effectsOf(h.ds, durable, event.id)).toBe(1);
      expect(await inboxOf(h.ds, durable, event.id)).toBe(1);
      const replayed = await deadLetter(durable, event.id);
      expect(replayed?.replayedAt).toBeInstanceOf(Date);
      expect(replayed?.replayError).toBeNull();

      // Replaying an event that is already applied goes through the inbox and changes nothing.
      await consumer.replay(replayed as DeadLetterRow);
      expect(applied).toBe(1);
      expect(await effectsOf(h.ds, durable, event.id)).toBe(1);
      expect(await inboxOf(h.ds, durable, event.id)).toBe(1);
    });

    it('refuses to replay a dead letter that is not an event, and records why', async () => {
      const id = `garbage-${randomUUID()}`;
      await h.js.publish(`${h.env.prefix}.events.${scope}.garbage.v1`, '<xml/>', { msgID: id });
      const row = await eventually(async () => (await deadLetter(durable, id)) ?? undefined, 20_000, 'the dead letter');
      expect(row.deliveries).toBe(1);

      await expect(consumer.replay(row)).rejects.toBeInstanceOf(UnrecoverableEventError);
      const after = await deadLetter(durable, id);
      expect(after?.replayedAt).toBeNull();
      expect(after?.replayError).toMatch(/not an event this consumer handles/);
    });
  });

  it("takes an agency's event's publisher from its subject: the agency written in, a claimed actor and agency dropped, another type refused", async () => {
    const type = 'agency.vouch-checked.v1';
    const durable = 'vouch-reader';
    const seen: EventEnvelope[] = [];
    const apply = effectHandler(durable);
    await startConsumer(
      'vouch',
      { [type]: async (e, tx) => void (seen.push(e), await apply(e, tx)) },
      {
        filterSubject: consumerFilterSubject(h.env.prefix, [type]),
        extraPayloads: thingPayloads(type),
      },
    );
    const forged = { ...makeEnvelope(type, { value: 7 }), actorid: randomUUID(), actorrole: 'ADMIN', agencycode: 'SYT' };
    const otherType = makeEnvelope('vouch.thing-happened.v1', { value: 8 });
    const subject = agencyEventSubject(h.env.prefix, 'SCT', type);
    await h.js.publish(subject, JSON.stringify(forged), { msgID: forged.id });
    await h.js.publish(subject, JSON.stringify(otherType), { msgID: otherType.id });

    await eventually(async () => seen.length === 1 && (await deadLetter(durable, otherType.id)));
    expect(seen[0]).toMatchObject({ id: forged.id, agencycode: 'SCT' });
    expect(seen[0]).not.toHaveProperty('actorid');
    expect(seen[0]).not.toHaveProperty('actorrole');
    expect((await deadLetter(durable, otherType.id))?.error).toBe(`${subject} carries only ${type}, not vouch.thing-happened.v1`);

    // On the platform's own subjects nobody vouches for an agency: whatever the envelope claims is dropped.
    const platformSide = running.add(
      new DurableEventConsumer(
        h.nc,
        h.ds,
        {
          durable: 'vouch-platform-reader',
          stream: h.env.stream,
          filterSubject: scopeFilter(h.env.prefix, 'vouchp'),
          handlers: { 'vouchp.thing-happened.v1': async (e) => void seen.push(e) },
          extraPayloads: thingPayloads('vouchp.thing-happened.v1'),
        },
        h.logger,
      ),
    );
    await platformSide.start();
    const claimed = { ...makeEnvelope('vouchp.thing-happened.v1', { value: 9 }), agencycode: 'SCT' };
    await publishRaw(h, claimed.type, JSON.stringify(claimed), claimed.id);
    await eventually(async () => seen.length === 2);
    expect(seen[1]!.id).toBe(claimed.id);
    expect(seen[1]).not.toHaveProperty('agencycode');
  });

  it('hands the handler the envelope exactly as the producer enqueued it (outbox jsonb → stream → handler)', async () => {
    const scope = 'envelope';
    const type = `${scope}.thing-happened.v1`;
    const seen: EventEnvelope[] = [];
    await startConsumer(scope, {
      [type]: async (e) => {
        seen.push(e);
      },
    });
    const [event] = await enqueue(h, type, [{ value: 9 }]);
    expect(await new OutboxRelay(h.ds, new JetStreamPublisher(h.nc), h.relayOptions, h.logger).relayBatch()).toBe(1);
    await eventually(async () => seen.length === 1, 20_000, 'the event');
    expect(seen[0]).toEqual(event);
    expect((seen[0].data as ThingHappened).value).toBe(9);
    expect(countByMsgId(await streamEntries(h)).get(event.id)).toBe(1);
  });
  describe("payloads checked against the contracts' event registry", () => {
    const dossier = () => ({
      dossierId: randomUUID(),
      dossierCode: 'HS-38-2026-0001',
      productId: randomUUID(),
      producerId: randomUUID(),
      status: 'SUBMITTED',
      communeCode: '14801',
      provinceCode: '38',
      resubmission: false,
      legalVersion: '148+1489',
      filedAt: '2026-11-24T01:00:00.000Z',
    });
    const onlyType = (type: string): Partial<DurableConsumerOptions> => ({ filterSubject: eventSubject(h.env.prefix, type) });

    it('a payload that does not fit its class goes to dead letters at once, naming the field, and the handler never runs', async () => {
      const type = RegistrationEvents.dossierSubmitted;
      const durable = 'bad-payload-reader';
      let calls = 0;
      const consumer = await startConsumer(
        'bad-payload',
        {
          [type]: async () => {
            calls++;
          },
        },
        { ...onlyType(type), durable },
      );
      const bad = makeEnvelope(type, { ...dossier(), dossierId: 'HS-38-2026-0001' });
      const good = makeEnvelope(type, dossier());
      await publishRaw(h, type, JSON.stringify(bad), bad.id);
      await publishRaw(h, type, JSON.stringify(good), good.id);

      const row = await eventually(async () => (await deadLetter(durable, bad.id)) ?? undefined, 20_000, 'the dead letter');
      expect(row).toMatchObject({ deliveries: 1, payload: JSON.stringify(bad), replayedAt: null });
      expect(row.error).toBe('PAYLOAD_INVALID: data.dossierId must be a UUID');
      await eventually(async () => (await inboxOf(h.ds, durable, good.id)) === 1, 20_000, 'the good event');
      await consumerIdle(h, durable);
      expect(calls).toBe(1); // the good one only
      expect(await inboxOf(h.ds, durable, bad.id)).toBe(0);
      expect(await deadLettersOf(h.ds, durable)).toBe(1);

      // Replaying it changes nothing: the payload is checked there too.
      await expect(consumer.replay(row)).rejects.toThrow('PAYLOAD_INVALID: data.dossierId must be a UUID');
      expect(calls).toBe(1);
      expect((await deadLetter(durable, bad.id))?.replayError).toBe('PAYLOAD_INVALID: data.dossierId must be a UUID');
    });

    it('a payload that fits is handled, and the handler gets the envelope as published (extra fields kept)', async () => {
      const type = ScoringEvents.sessionClosed;
      const durable = 'good-payload-reader';
      const seen: EventEnvelope[] = [];
      await startConsumer(
        'good-payload',
        {
          [type]: async (e) => {
            seen.push(e);
          },
        },
        { ...onlyType(type), durable },
      );
      const data: SessionClosedData & { addedLater: string } = {
        sessionId: randomUUID(),
        councilId: randomUUID(),
        reference: '05/BB-HĐ',
        completed: 3,
        deferred: 1,
        closedAt: '2026-11-24T01:00:00.000Z',
        addedLater: 'a field of a newer producer',
      };
      // Through the outbox's typed enqueue (the data must have the shape of the type's payload class) and the relay.
      const event = await h.ds.transaction((tx) => h.outbox.enqueueEvent(tx, type, data.sessionId, data));
      expect(await new OutboxRelay(h.ds, new JetStreamPublisher(h.nc), h.relayOptions, h.logger).relayBatch()).toBe(1);
      await eventually(async () => seen.length === 1, 20_000, 'the event');
      expect(seen[0]).toEqual(event);
      expect(Object.getPrototypeOf(seen[0]!.data)).toBe(Object.prototype); // the published JSON, not a class instance
      await eventually(async () => (await inboxOf(h.ds, durable, event.id)) === 1, 20_000, 'the inbox row'); // committed after the handler ran
      expect(await deadLettersOf(h.ds, durable)).toBe(0);
    });

    it('start-up fails for a handler of a type with no payload class, or an extra class for a registered type; the catch-all is allowed', async () => {
      const consumerOf = (durable: string, o: Partial<DurableConsumerOptions>): DurableEventConsumer =>
        new DurableEventConsumer(
          h.nc,
          h.ds,
          { durable, stream: h.env.stream, filterSubject: scopeFilter(h.env.prefix, 'startup'), handlers: {}, ...o },
          h.logger,
        );
      const noop = async (): Promise<void> => undefined;
      await expect(
        consumerOf('startup-unknown', { handlers: { [ScoringEvents.sessionClosed]: noop, 'scoring.session-reopened.v1': noop } }).start(),
      ).rejects.toThrow(/startup-unknown handles event types with no payload class .*: scoring\.session-reopened\.v1$/);
      await expect(
        consumerOf('startup-shadow', {
          handlers: { [ScoringEvents.sessionClosed]: noop },
          extraPayloads: { [ScoringEvents.sessionClosed]: ThingHappened },
        }).start(),
      ).rejects.toThrow(/scoring\.session-closed\.v1 is a registered event type/);
      // Nothing was created on the server for them.
      await expect(h.jsm.consumers.info(h.env.stream, 'startup-unknown')).rejects.toThrow(/not found/i);
      const catchAll = running.add(consumerOf('startup-catch-all', { handlers: { '*': noop, [ScoringEvents.sessionClosed]: noop } }));
      await expect(catchAll.start()).resolves.toBeUndefined();
    });
  });
});
