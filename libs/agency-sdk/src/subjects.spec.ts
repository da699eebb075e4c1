import {
  AGENCY_CODE,
  AGENCY_EVENT_PREFIX,
  HEADERS,
  agencyApiSubject as contractApiSubject,
  agencyEventSubject as contractEventSubject,
  agencyInboxPrefix as contractInboxPrefix,
  eventSubject,
} from '@ocop/contracts';
import {
  AGENCY_CODE_RULE,
  AGENCY_EVENT_TYPE_PREFIX,
  SDK_HEADERS,
  agencyApiSubject,
  agencyConsumerName,
  agencyEventSubject,
  agencyInboxPrefix,
  defaultConsumerName,
  platformEventSubject,
} from './subjects';

// The SDK carries its own copy of the subject rules (it is packed without libs/contracts): they must agree.
describe('SDK subjects agree with libs/contracts', () => {
  it.each(['ocop', 't12ab34cd5', 'prov.hn'])('prefix %s', (prefix) => {
    expect(platformEventSubject(prefix, 'registration.opinion-requested.v1')).toBe(
      eventSubject(prefix, 'registration.opinion-requested.v1'),
    );
    expect(agencyApiSubject(prefix, 'SYT', 'opinion.give')).toBe(contractApiSubject(prefix, 'SYT', 'opinion.give'));
    expect(agencyEventSubject(prefix, 'SYT', 'agency.market-surveillance-reported.v1')).toBe(
      contractEventSubject(prefix, 'SYT', 'agency.market-surveillance-reported.v1'),
    );
  });

  it('the inbox prefix, agency code rule, type prefix and headers', () => {
    expect(agencyInboxPrefix('SYT')).toBe(contractInboxPrefix('SYT'));
    expect(AGENCY_CODE_RULE.source).toBe(AGENCY_CODE.source);
    expect(AGENCY_EVENT_TYPE_PREFIX).toBe(AGENCY_EVENT_PREFIX);
    expect(SDK_HEADERS.asOf).toBe(HEADERS.asOf);
    expect(SDK_HEADERS.correlationId).toBe(HEADERS.correlationId);
  });

  it('refuses a platform type on an agency subject', () => {
    expect(() => agencyEventSubject('ocop', 'SYT', 'registration.opinion-requested.v1')).toThrow(/not an agency event type/);
  });

  it('names consumers agency-<CODE>-<name>, by default from the type', () => {
    expect(agencyConsumerName('agency-SYT', 'opinions')).toBe('agency-SYT-opinions');
    expect(defaultConsumerName('registration.opinion-requested.v1')).toBe('registration_opinion-requested_v1');
  });
});
