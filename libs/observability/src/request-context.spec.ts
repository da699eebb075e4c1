import { currentContext, now, runAsOf, runInContext } from './request-context';

describe('now()', () => {
  it('is the wall clock outside any context or without an as-of', () => {
    const before = Date.now();
    expect(now().getTime()).toBeGreaterThanOrEqual(before);
    runInContext({ correlationId: 'c-1' }, () => expect(now().getTime()).toBeGreaterThanOrEqual(before));
  });

  it("is the context's as-of instant", () => {
    runInContext({ correlationId: 'c-1', asOf: '2024-03-05T02:00:00.000Z', asOfSource: 'request' }, () => {
      expect(now().toISOString()).toBe('2024-03-05T02:00:00.000Z');
    });
  });

  it('runAsOf keeps the context (correlation id, actor) and only moves the clock, for the call alone', () => {
    runInContext(
      { correlationId: 'c-2', actor: { id: 'u', role: 'ADMIN' }, asOf: '2024-03-05T02:00:00.000Z', asOfSource: 'request' },
      () => {
        runAsOf(new Date('2027-04-01T02:00:00.000Z'), 'job', () => {
          expect(now().toISOString()).toBe('2027-04-01T02:00:00.000Z');
          expect(currentContext()).toMatchObject({ correlationId: 'c-2', actor: { id: 'u' }, asOfSource: 'job' });
        });
        expect(now().toISOString()).toBe('2024-03-05T02:00:00.000Z');
      },
    );
  });
});
