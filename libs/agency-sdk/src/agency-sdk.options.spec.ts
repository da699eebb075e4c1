import { backoffDelay, resolveAgencySdkOptions, resolveConsumerSettings, DEFAULT_CONSUMER } from './agency-sdk.options';

describe('resolveAgencySdkOptions', () => {
  it('applies the defaults', () => {
    const o = resolveAgencySdkOptions({ agencyCode: 'SYT', natsUrl: 'nats://127.0.0.1:4222' });
    expect(o).toMatchObject({
      prefix: 'ocop',
      stream: 'OCOP_EVENTS',
      consumerPrefix: 'agency-SYT',
      connectionName: 'agency-SYT',
      requestTimeoutMs: 10_000,
      retries: 2,
      consumer: DEFAULT_CONSUMER,
    });
    expect(o.credsFile).toBeUndefined();
  });

  it.each([
    [{ agencyCode: 'syt' }, /agencyCode/],
    [{ agencyCode: 'S.YT' }, /agencyCode/],
    [{ prefix: 'ocop.*' }, /prefix/],
    [{ consumerPrefix: 'agency.SYT' }, /consumerPrefix/],
    [{ retries: -1 }, /retries/],
    [{ consumer: { maxDeliver: 0 } }, /maxDeliver/],
    [{ consumer: { backoffMs: [] } }, /backoffMs/],
  ])('refuses %j', (bad, message) => {
    expect(() => resolveAgencySdkOptions({ agencyCode: 'SYT', natsUrl: 'nats://x', ...bad })).toThrow(message);
  });
});

describe('consumer settings and backoff', () => {
  it('a handler overrides only what it gives', () => {
    expect(resolveConsumerSettings(DEFAULT_CONSUMER, { maxDeliver: 2, backoffMs: undefined })).toEqual({
      ...DEFAULT_CONSUMER,
      maxDeliver: 2,
    });
  });

  it('the n-th retry waits the n-th delay, the last one repeating', () => {
    expect([1, 2, 3, 9].map((n) => backoffDelay([10, 20, 30], n))).toEqual([10, 20, 30, 30]);
  });
});
