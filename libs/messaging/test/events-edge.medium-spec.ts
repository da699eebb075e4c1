import { randomUUID } from 'node:crypto';
import { Ctx, Payload } from '@nestjs/microservices';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import {
  RegistrationEvents as E,
  RegistrationSubjects as S,
  type ProducerRegisteredData,
  type ProductRegisteredData,
} from '@ocop/contracts';
import {
  EventContext,
  EventOutbox,
  Handles,
  OnEvent,
  PrepareEvent,
  RpcController,
  UnrecoverableEventError,
  type EventConsumerSpec,
} from '@ocop/messaging';
import { createServiceApp } from '@ocop/service-kit';
import { createTestEnv, eventually, type TestEnv } from '@ocop/testing';
import { SCHEMA, msgTestServiceSpec, countOf, deadLettersOf, effectsOf } from './support/msgtest-db';

const PRODUCERS: EventConsumerSpec = { name: 'producers', concurrency: 1 };
const PICKY: EventConsumerSpec = { name: 'picky', concurrency: 1 };
const seen: { prepared: unknown; prepareHadTx: boolean; name: string }[] = [];

/** One feature handler declares its requests and its consumers: `@Handles` and `@OnEvent` side by side. */
@RpcController()
class FeatureHandler {
  @Handles(S.unitsList)
  units() {
    return [];
  }

  @OnEvent(PRODUCERS, E.producerRegistered)
  async producer(@Payload() d: ProducerRegisteredData, @Ctx() ctx: EventContext) {
    await ctx.tx.query(`INSERT INTO ${SCHEMA}.effect (consumer, event_id, value, pid) VALUES ($1, $2, $3, $4)`, [
      'registration-producers',
      ctx.event.id,
      d.name.length,
      process.pid,
    ]);
  }

  /** Of all types, only producers whose name starts with "keep": the others are acknowledged with no transaction. */
  @OnEvent(PICKY, '*', { when: (e) => String((e.data as { name?: unknown }).name).startsWith('keep') })
  async picky(@Ctx() ctx: EventContext) {
    await ctx.tx.query(`INSERT INTO ${SCHEMA}.effect (consumer, event_id, value, pid) VALUES ($1, $2, $3, $4)`, [
      'registration-picky',
      ctx.event.id,
      1,
      process.pid,
    ]);
  }

  @PrepareEvent(PRODUCERS, E.productRegistered)
  prepare(@Payload() d: ProductRegisteredData, @Ctx() ctx: EventContext) {
    let hadTx = true;
    try {
      void ctx.tx;
    } catch {
      hadTx = false;
    }
    return { upper: d.name.toUpperCase(), hadTx };
  }

  @OnEvent(PRODUCERS, E.productRegistered)
  product(@Payload() d: ProductRegisteredData, @Ctx() ctx: EventContext<{ upper: string; hadTx: boolean }>) {
    if (d.name === 'never') throw new UnrecoverableEventError('this product can never be applied');
    seen.push({ prepared: ctx.prepared.upper, prepareHadTx: ctx.prepared.hadTx, name: d.name });
  }
}

/**
 * Domain events consumed through Nest: the JetStream transport strategy turns `@OnEvent` methods into the handlers of the
 * service's durable consumers (inbox in the handler's transaction, retries, dead letters), with an optional prepare step
 * outside the transaction; a handler's error reaches the consumer unchanged; start-up refuses an undeclared type.
 */
describe('JetStreamServer and @OnEvent handlers', () => {
  let env: TestEnv;
  let app: NestFastifyApplication;
  let ds: DataSource;

  const spec = (controllers: (new () => object)[]) => msgTestServiceSpec(env, controllers);

  const publish = async (type: string, data: object) => {
    const outbox = app.get(EventOutbox);
    return ds.transaction((tx) => outbox.enqueue(tx, type, undefined, data));
  };

  beforeAll(async () => {
    env = await createTestEnv();
    app = await createServiceApp(spec([FeatureHandler]));
    await app.init();
    ds = app.get(DataSource);
  }, 30_000);

  afterAll(async () => {
    await app?.close();
    await env?.cleanup();
  });

  it('applies an event in the inbox transaction of its consumer', async () => {
    const e = await publish(E.producerRegistered, {
      producerId: randomUUID(),
      name: 'HTX Xuân Lập',
      type: 'COOPERATIVE',
      communeCode: '16279',
      provinceCode: '38',
    });
    await eventually(async () => (await effectsOf(ds, 'registration-producers', e.id)) === 1, 15_000, 'the effect');
    expect(
      await countOf(ds, `SELECT count(*) AS n FROM ${SCHEMA}.inbox WHERE consumer = $1 AND event_id = $2`, [
        'registration-producers',
        e.id,
      ]),
    ).toBe(1);
  });

  it('skips what a handler does not accept with no inbox row, in stream order with what it applies', async () => {
    const producer = (name: string) => ({ producerId: randomUUID(), name, type: 'COOPERATIVE', communeCode: '16279', provinceCode: '38' });
    const dropped = await publish(E.producerRegistered, producer('drop me'));
    const kept = await publish(E.producerRegistered, producer('keep me'));
    await eventually(async () => (await effectsOf(ds, 'registration-picky', kept.id)) === 1, 15_000, 'the accepted event');
    const inbox = (id: string) =>
      countOf(ds, `SELECT count(*) AS n FROM ${SCHEMA}.inbox WHERE consumer = $1 AND event_id = $2`, ['registration-picky', id]);
    expect(await inbox(kept.id)).toBe(1);
    expect(await inbox(dropped.id)).toBe(0); // handled before the kept one (concurrency 1), and skipped
    expect(await effectsOf(ds, 'registration-picky', dropped.id)).toBe(0);
  });

  it('runs the prepare step outside the transaction and hands its result to the handler', async () => {
    await publish(E.productRegistered, { productId: randomUUID(), producerId: randomUUID(), name: 'chè', productSetCode: '0101' });
    await eventually(async () => seen.some((s) => s.name === 'chè'), 15_000, 'the handler');
    expect(seen.find((s) => s.name === 'chè')).toEqual({ prepared: 'CHÈ', prepareHadTx: false, name: 'chè' });
  });

  it("gives the consumer the handler's own error (an unrecoverable one is dead-lettered at once) and refuses a bad payload before the handler", async () => {
    const never = await publish(E.productRegistered, {
      productId: randomUUID(),
      producerId: randomUUID(),
      name: 'never',
      productSetCode: '0101',
    });
    const bad = await publish(E.productRegistered, {
      productId: 'not-a-uuid',
      producerId: randomUUID(),
      name: 'bad',
      productSetCode: '0101',
    });
    await eventually(async () => (await deadLettersOf(ds, 'registration-producers')) === 2, 15_000, 'two dead letters');
    const rows: { event_id: string; error: string; deliveries: number }[] = await ds.query(
      `SELECT event_id, error, deliveries FROM ${SCHEMA}.dead_letter WHERE consumer = 'registration-producers'`,
    );
    expect(rows.find((r) => r.event_id === never.id)).toMatchObject({
      deliveries: 1,
      error: expect.stringMatching(/^UnrecoverableEventError: this product/),
    });
    expect(rows.find((r) => r.event_id === bad.id)?.error).toMatch(/PAYLOAD_INVALID: data\.productId/);
    expect(seen.map((s) => s.name)).not.toContain('bad');
  });

  it('refuses to start with a handler for an event type no contract declares, or two handlers for one type in one consumer', async () => {
    @RpcController()
    class Unknown {
      @OnEvent(PRODUCERS, 'registration.nothing-happened.v1')
      nothing() {}
    }
    await expect(createServiceApp(spec([Unknown]))).rejects.toThrow(/registration\.nothing-happened\.v1, which no contract declares/);
    @RpcController()
    class Twice {
      @OnEvent(PRODUCERS, E.producerRegistered)
      again() {}
    }
    await expect(createServiceApp(spec([FeatureHandler, Twice]))).rejects.toThrow(
      /two apply handlers for registration\.producer-registered\.v1/,
    );
  });
});
