import { isEventEnvelope, isUuid, stableEventId } from './envelope';

describe('stableEventId', () => {
  it('gives the same version-5 UUID for the same parts, another for other parts', () => {
    const a = stableEventId('SYT', 'report 125');
    expect(a).toBe(stableEventId('SYT', 'report 125'));
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stableEventId('SCT', 'report 125')).not.toBe(a);
    // Parts are kept apart: ('AB', 'C') is not ('A', 'BC').
    expect(stableEventId('AB', 'C')).not.toBe(stableEventId('A', 'BC'));
    expect(isUuid(a)).toBe(true);
  });
});

describe('isEventEnvelope', () => {
  const envelope = {
    specversion: '1.0',
    id: '0f8fad5b-d9cb-469f-a165-70867728950e',
    source: 'ocop/registration',
    type: 'registration.opinion-requested.v1',
    time: '2026-03-02T01:00:00.000Z',
    datacontenttype: 'application/json',
    data: {},
    correlationid: 'c1',
  };

  it('takes a CloudEvents envelope with a UUID id', () => {
    expect(isEventEnvelope(envelope)).toBe(true);
  });

  it.each([
    ['no data', Object.fromEntries(Object.entries(envelope).filter(([k]) => k !== 'data'))],
    ['an id that is no UUID', { ...envelope, id: 'evt-1' }],
    ['another specversion', { ...envelope, specversion: '0.3' }],
    ['not an object', 'text'],
  ])('refuses %s', (_what, value) => {
    expect(isEventEnvelope(value)).toBe(false);
  });
});
