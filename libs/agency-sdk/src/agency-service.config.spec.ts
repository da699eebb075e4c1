import { loadAgencyServiceConfig } from './agency-service.config';

const loadHealthAgencyConfig = (env: NodeJS.ProcessEnv) => loadAgencyServiceConfig(env, 'SYT');

describe('loadAgencyServiceConfig', () => {
  it("defaults to the service's agency code on the local NATS, prefix ocop, stream OCOP_EVENTS", () => {
    expect(loadHealthAgencyConfig({})).toEqual({
      mode: 'development',
      agencyCode: 'SYT',
      natsUrl: 'nats://127.0.0.1:4222',
      prefix: 'ocop',
      stream: 'OCOP_EVENTS',
      logLevels: ['log', 'warn', 'error', 'fatal'],
      logFormat: 'pretty',
    });
  });

  it('reads every setting from the environment', () => {
    const c = loadHealthAgencyConfig({
      OCOP_MODE: 'production',
      AGENCY_CODE: 'SYT_TH',
      NATS_URL: 'tls://nats.example:4222',
      NATS_CREDS_FILE: '/run/secrets/syt.creds',
      OCOP_SUBJECT_PREFIX: 'th',
      OCOP_STREAM: 'TH_EVENTS',
      LOG_LEVEL: 'warn',
    });
    expect(c).toEqual({
      mode: 'production',
      agencyCode: 'SYT_TH',
      natsUrl: 'tls://nats.example:4222',
      natsCredsFile: '/run/secrets/syt.creds',
      prefix: 'th',
      stream: 'TH_EVENTS',
      logLevels: ['warn', 'error', 'fatal'],
      logFormat: 'json',
    });
  });

  it.each([
    [{ OCOP_MODE: 'staging' }, /OCOP_MODE/],
    [{ AGENCY_CODE: 'syt' }, /AGENCY_CODE/],
    [{ OCOP_MODE: 'production' }, /NATS_CREDS_FILE is required in production/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ OCOP_MODE: 'production', NATS_CREDS_FILE: '/x', LOG_FORMAT: 'pretty' }, /production writes JSON/],
  ])('refuses %j', (env, message) => {
    expect(() => loadHealthAgencyConfig(env)).toThrow(message);
  });
});
