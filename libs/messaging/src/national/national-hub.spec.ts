import { nationalHubPlan, nationalSubjects, provinceLeafMappings, provinceLeafPermissions, NATIONAL_EVENT_TYPES } from './national-hub';

const P38 = { domain: 'province38' };
const TWO_HOURS_NS = 2 * 60 * 60 * 1000 * 1_000_000;

describe('national hub plan', () => {
  it('shares the forwarded dossiers and the submitted reports, on their event subjects', () => {
    expect(NATIONAL_EVENT_TYPES).toEqual(['registration.dossier-forwarded.v1', 'programme.report-submitted.v1']);
    expect(nationalSubjects('ocop')).toEqual([
      'ocop.events.registration.dossier-forwarded.v1',
      'ocop.events.programme.report-submitted.v1',
    ]);
  });

  it('gives each province one staging stream per type, with one filtered source through its domain, and the national stream sources them', () => {
    const { streams } = nationalHubPlan({ provinces: [P38, { domain: 'hcm', stream: 'EVENTS', prefix: 'p' }], serverVersion: '2.14.0' });
    expect(streams.map((s) => s.name)).toEqual([
      'NATIONAL_province38_registration_dossier-forwarded_v1',
      'NATIONAL_province38_programme_report-submitted_v1',
      'NATIONAL_hcm_registration_dossier-forwarded_v1',
      'NATIONAL_hcm_programme_report-submitted_v1',
      'NATIONAL',
    ]);
    expect(streams[0]!.sources).toEqual([
      {
        name: 'OCOP_EVENTS',
        filter_subject: 'ocop.events.registration.dossier-forwarded.v1',
        external: { api: '$JS.province38.API', deliver: 'national.deliver.province38' },
      },
    ]);
    expect(streams[3]!.sources).toEqual([
      {
        name: 'EVENTS',
        filter_subject: 'p.events.programme.report-submitted.v1',
        external: { api: '$JS.hcm.API', deliver: 'national.deliver.hcm' },
      },
    ]);
    expect(streams[4]!.sources).toEqual(streams.slice(0, 4).map((s) => ({ name: s.name })));
  });

  it('lets the streams drop a repeated event id only on a server that skips a sourced duplicate (2.12.6 and later)', () => {
    const plan = (serverVersion?: string) => nationalHubPlan({ provinces: [P38], serverVersion });
    for (const v of ['2.12.6', '2.12.7', '2.14.0', '3.0.0', 'v2.13.1-RC.1']) {
      expect(plan(v)).toMatchObject({ dedupInStream: true, streams: [{ duplicate_window: TWO_HOURS_NS }, {}, {}] });
    }
    for (const v of ['2.9.10', '2.10.24', '2.11.9', '2.12.5', undefined, 'unknown']) {
      expect(plan(v)).toMatchObject({ dedupInStream: false, streams: [{ duplicate_window: 100_000_000 }, {}, {}] });
    }
    expect(nationalHubPlan({ provinces: [P38], serverVersion: '2.14.0', duplicateWindowMs: 60_000 }).streams[2]!.duplicate_window).toBe(
      60_000 * 1_000_000,
    );
  });

  it('refuses a domain, stream or prefix that could widen a subject or a name, and a province listed twice', () => {
    for (const domain of ['', '*', '>', 'a.b', 'a b', 'a_b', '-x']) {
      expect(() => nationalHubPlan({ provinces: [{ domain }] })).toThrow(/not a valid JetStream domain/);
    }
    expect(() => nationalHubPlan({ provinces: [{ domain: 'p1', stream: 'A.B' }] })).toThrow(/not a valid stream name/);
    expect(() => nationalHubPlan({ provinces: [{ domain: 'p1', prefix: 'ocop.>' }] })).toThrow(/not a valid subject prefix/);
    expect(() => nationalHubPlan({ provinces: [P38], types: ['registration.*'] })).toThrow(/not a valid event type/);
    expect(() => nationalHubPlan({ provinces: [P38], types: [] })).toThrow(/at least one/);
    expect(() => nationalHubPlan({ provinces: [P38, P38] })).toThrow(/listed twice/);
  });
});

describe("a province's leaf on the hub", () => {
  it('may publish its sourcing deliveries and the answers to their creation, and be asked only for consumers on the shared subjects', () => {
    expect(provinceLeafPermissions(P38)).toEqual({
      publish: { allow: ['national.deliver.province38.>', '$JSC.R.>'] },
      subscribe: {
        allow: [
          '$JS.province38.API.CONSUMER.CREATE.OCOP_EVENTS.*.ocop.events.registration.dossier-forwarded.v1',
          '$JS.province38.API.CONSUMER.CREATE.OCOP_EVENTS.*.ocop.events.programme.report-submitted.v1',
          '$JS.FC.OCOP_EVENTS.>',
        ],
      },
    });
  });

  it('is told those consumer creations by mappings of the province server to its own API', () => {
    expect(provinceLeafMappings(P38)).toEqual({
      '$JS.province38.API.CONSUMER.CREATE.OCOP_EVENTS.*.ocop.events.registration.dossier-forwarded.v1':
        '$JS.API.CONSUMER.CREATE.OCOP_EVENTS.{{wildcard(1)}}.ocop.events.registration.dossier-forwarded.v1',
      '$JS.province38.API.CONSUMER.CREATE.OCOP_EVENTS.*.ocop.events.programme.report-submitted.v1':
        '$JS.API.CONSUMER.CREATE.OCOP_EVENTS.{{wildcard(1)}}.ocop.events.programme.report-submitted.v1',
    });
  });
});
