import { agencyEventOfSubject, agencyEventSubject, consumerFilterSubject } from './subjects';
import { EVENT_PAYLOADS } from './event-payloads';
import { CertificationEvents as C } from './certification/certification.subjects';
import { ScoringEvents as S } from './scoring/scoring.subjects';

describe('consumerFilterSubject', () => {
  it("is a type's own subject for one type, its service's subjects for one service, every event otherwise", () => {
    expect(consumerFilterSubject('p', [S.evaluationCompleted])).toBe(`p.events.${S.evaluationCompleted}`);
    expect(consumerFilterSubject('p', [C.certificateExpired, C.certificateRevoked])).toBe('p.events.certification.>');
    expect(consumerFilterSubject('p', [C.certificateIssued, S.dossierScheduled])).toBe('p.events.>');
    expect(consumerFilterSubject('p', ['*'])).toBe('p.events.>');
    expect(consumerFilterSubject('p', [S.dossierScheduled, '*'])).toBe('p.events.>');
  });

  it('relies on every declared event type being <service>.<event>.v<N>, the producing service first', () => {
    const types = Object.keys(EVENT_PAYLOADS);
    expect(types.length).toBeGreaterThan(20);
    for (const type of types) expect(type).toMatch(/^[a-z]+(-[a-z]+)*\.[a-z]+(-[a-z]+)*\.v\d+$/);
  });
});

describe("agencies' events", () => {
  const REPORT = 'agency.market-surveillance-reported.v1';

  it("travel in the agency's own space, and a consumer of them filters every agency's", () => {
    expect(agencyEventSubject('p', 'SCT', REPORT)).toBe('p.agency.SCT.events.market-surveillance-reported.v1');
    expect(() => agencyEventSubject('p', 'SCT', C.certificateIssued)).toThrow(/not an agency event type/);
    expect(consumerFilterSubject('p', [REPORT])).toBe('p.agency.*.events.market-surveillance-reported.v1');
    expect(consumerFilterSubject('p', [REPORT, 'agency.opinion-given.v1'])).toBe('p.agency.*.events.>');
    expect(() => consumerFilterSubject('p', [REPORT, C.certificateIssued])).toThrow(/not both/);
  });

  it('name their publisher and type in the subject, and no other subject does', () => {
    expect(agencyEventOfSubject('p.agency.SCT.events.market-surveillance-reported.v1')).toEqual({ agencyCode: 'SCT', type: REPORT });
    expect(agencyEventOfSubject('p.events.agency.market-surveillance-reported.v1')).toBeUndefined();
    expect(agencyEventOfSubject('p.agency.LAB01.sample-results')).toBeUndefined();
    expect(agencyEventOfSubject('p.agency.SCT.api.dossier-documents')).toBeUndefined();
  });
});
