import type { LoggerService } from '@nestjs/common';
import { PermanentEventError } from './agency-request.error';
import { DEFAULT_CONSUMER } from './agency-sdk.options';
import type { EventEnvelope } from './envelope';
import { HandledEventIds } from './handled-event-ids';
import { PlatformEventConsumer, type ConsumerBus, type DeliveredMessage } from './platform-event-consumer';
import type { DiscoveredHandler } from './platform-event-handlers';

const TYPE = 'registration.opinion-requested.v1';

const envelope = (id: string, type = TYPE): EventEnvelope => ({
  specversion: '1.0',
  id,
  source: 'ocop/registration',
  type,
  time: '2026-03-02T01:00:00.000Z',
  datacontenttype: 'application/json',
  data: { dossierCode: 'D-1' },
  correlationid: 'corr-1',
});

const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

/** A delivered message that records how it was settled. */
function message(body: unknown, deliveryCount = 1): DeliveredMessage & { settled: string[] } {
  const settled: string[] = [];
  return {
    subject: `ocop.events.${TYPE}`,
    info: { deliveryCount },
    settled,
    string: () => (typeof body === 'string' ? body : JSON.stringify(body)),
    ack: () => settled.push('ack'),
    nak: (ms?: number) => settled.push(`nak ${ms}`),
    term: () => settled.push('term'),
    working: () => undefined,
  };
}

const logger: LoggerService = { log: jest.fn(), warn: jest.fn(), error: jest.fn() };

function consumerWith(handle: DiscoveredHandler['handle'], settings: Partial<DiscoveredHandler['settings']> = {}) {
  const handler: DiscoveredHandler = {
    name: 'opinions',
    type: TYPE,
    where: 'Handlers.onRequested',
    settings: { ...DEFAULT_CONSUMER, maxDeliver: 3, backoffMs: [100, 250], ...settings },
    handle,
  };
  const placement = { stream: 'S', durable: 'agency-SYT-opinions', filterSubject: `ocop.events.${TYPE}`, streamWaitMs: 0, create: true };
  return new PlatformEventConsumer(handler, placement, {} as ConsumerBus, new HandledEventIds(100), logger);
}

describe('PlatformEventConsumer: how a delivery is settled', () => {
  it('calls the handler with (data, envelope) and acks', async () => {
    const handle = jest.fn().mockResolvedValue(undefined);
    const m = message(envelope(ID));
    expect(await consumerWith(handle).handle(m)).toBe('handled');
    expect(handle).toHaveBeenCalledWith({ dossierCode: 'D-1' }, envelope(ID));
    expect(m.settled).toEqual(['ack']);
  });

  it('naks a handler that threw with the backoff of its delivery, then terminates on the last delivery', async () => {
    const handle = jest.fn().mockRejectedValue(new Error('registration is down'));
    const c = consumerWith(handle);
    const tries = [message(envelope(ID), 1), message(envelope(ID), 2), message(envelope(ID), 3)];
    const outcomes = [];
    for (const m of tries) outcomes.push(await c.handle(m));
    expect(outcomes).toEqual(['retry', 'retry', 'terminated']);
    expect(tries.map((m) => m.settled)).toEqual([['nak 100'], ['nak 250'], ['term']]);
    expect(handle).toHaveBeenCalledTimes(3);
  });

  it('terminates at once on PermanentEventError', async () => {
    const m = message(envelope(ID), 1);
    expect(await consumerWith(jest.fn().mockRejectedValue(new PermanentEventError('never'))).handle(m)).toBe('terminated');
    expect(m.settled).toEqual(['term']);
  });

  it('acks a redelivery of a handled id without calling the handler again', async () => {
    const handle = jest.fn().mockResolvedValue(undefined);
    const c = consumerWith(handle);
    await c.handle(message(envelope(ID), 1));
    const again = message(envelope(ID), 2);
    expect(await c.handle(again)).toBe('duplicate');
    expect(again.settled).toEqual(['ack']);
    expect(handle).toHaveBeenCalledTimes(1);
  });

  it('a failed event is not remembered: its redelivery runs the handler', async () => {
    const handle = jest.fn().mockRejectedValueOnce(new Error('once')).mockResolvedValueOnce(undefined);
    const c = consumerWith(handle);
    expect(await c.handle(message(envelope(ID), 1))).toBe('retry');
    expect(await c.handle(message(envelope(ID), 2))).toBe('handled');
    expect(handle).toHaveBeenCalledTimes(2);
  });

  it('a copy delivered while the first is being handled waits for it and is acked as a duplicate', async () => {
    let release!: () => void;
    const handle = jest.fn().mockImplementation(() => new Promise<void>((r) => (release = r)));
    const c = consumerWith(handle, { concurrency: 2 });
    const first = c.handle(message(envelope(ID), 1));
    const copy = message(envelope(ID), 2);
    const second = c.handle(copy);
    await new Promise((r) => setImmediate(r));
    release();
    expect(await Promise.all([first, second])).toEqual(['handled', 'duplicate']);
    expect(copy.settled).toEqual(['ack']);
    expect(handle).toHaveBeenCalledTimes(1);
  });

  it('terminates what is not an envelope of its type, without calling the handler', async () => {
    const handle = jest.fn();
    const c = consumerWith(handle);
    const notJson = message('{not json');
    const noUuid = message({ ...envelope(ID), id: 'evt-1' });
    const otherType = message(envelope(ID, 'certification.certificate-issued.v1'));
    for (const m of [notJson, noUuid, otherType]) expect(await c.handle(m)).toBe('terminated');
    expect([notJson, noUuid, otherType].map((m) => m.settled)).toEqual([['term'], ['term'], ['term']]);
    expect(handle).not.toHaveBeenCalled();
  });

  it('creates its consumer with explicit acks, one filter subject, max deliveries and ack wait', () => {
    const config = consumerWith(jest.fn(), { ackWaitMs: 2_000, deliver: 'new' }).consumerConfig();
    expect(config).toMatchObject({
      durable_name: 'agency-SYT-opinions',
      ack_policy: 'explicit',
      deliver_policy: 'new',
      filter_subject: `ocop.events.${TYPE}`,
      max_deliver: 3,
      ack_wait: 2_000_000_000,
    });
  });
});
