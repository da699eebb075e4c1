import { consumerFilterSubject } from './subjects';
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
