import { agencyCodeOfSubject } from '@ocop/contracts';
import { agencyPermissions } from './agency-credentials';

describe('agency permissions', () => {
  it('allow publishing in the agency space and on its own consumers, and subscribing to its inbox and its granted events only', () => {
    expect(agencyPermissions('ocop', 'OCOP_EVENTS', { agencyCode: 'SYT', eventTypes: ['certification.certificate-issued.v1'] })).toEqual({
      pub: {
        allow: [
          'ocop.agency.SYT.>',
          'JS.ocop.API.CONSUMER.INFO.OCOP_EVENTS.agency-SYT-certification_certificate-issued_v1',
          'JS.ocop.API.CONSUMER.MSG.NEXT.OCOP_EVENTS.agency-SYT-certification_certificate-issued_v1',
          '$JS.ACK.OCOP_EVENTS.agency-SYT-certification_certificate-issued_v1.>',
        ],
      },
      sub: { allow: ['_INBOX_SYT.>', 'ocop.events.certification.certificate-issued.v1'] },
    });
  });

  it('refuse a code that could widen a subject (wildcards, dots, lower case)', () => {
    for (const agencyCode of ['*', '>', 'SYT.>', 'S T', 'syt', '', 'S', '_SYT']) {
      expect(() => agencyPermissions('ocop', 'OCOP_EVENTS', { agencyCode, eventTypes: [] })).toThrow(/is not 2-20 upper-case letters/);
    }
  });

  it('read the agency from a subject of the agencies space only', () => {
    expect(agencyCodeOfSubject('ocop', 'ocop.agency.SCT.events.market-surveillance-reported.v1')).toBe('SCT');
    expect(agencyCodeOfSubject('ocop', 'ocop.events.agency.market-surveillance-reported.v1')).toBeUndefined();
    expect(agencyCodeOfSubject('ocop', 'other.agency.SCT.x')).toBeUndefined();
    expect(agencyCodeOfSubject('ocop', 'ocop.agency.sct.x')).toBeUndefined();
  });
});
