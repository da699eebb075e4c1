import { loadIndustryTradeAgencyConfig } from './industry-trade-agency.config';

describe('loadIndustryTradeAgencyConfig', () => {
  it('defaults to SCT on the local NATS, prefix ocop, stream OCOP_EVENTS, HTTP on 3102', () => {
    expect(loadIndustryTradeAgencyConfig({})).toEqual({
      mode: 'development',
      agencyCode: 'SCT',
      natsUrl: 'nats://127.0.0.1:4222',
      prefix: 'ocop',
      stream: 'OCOP_EVENTS',
      httpPort: 3102,
      logLevels: ['log', 'warn', 'error', 'fatal'],
      logFormat: 'pretty',
    });
  });

  it('reads every setting from the environment', () => {
    const c = loadIndustryTradeAgencyConfig({
      OCOP_MODE: 'production',
      AGENCY_CODE: 'SCT_TH',
      NATS_URL: 'tls://nats.example:4222',
      NATS_CREDS_FILE: '/run/secrets/sct.creds',
      OCOP_SUBJECT_PREFIX: 'th',
      OCOP_STREAM: 'TH_EVENTS',
      HTTP_PORT: '8080',
      LOG_LEVEL: 'warn',
    });
    expect(c).toEqual({
      mode: 'production',
      agencyCode: 'SCT_TH',
      natsUrl: 'tls://nats.example:4222',
      natsCredsFile: '/run/secrets/sct.creds',
      prefix: 'th',
      stream: 'TH_EVENTS',
      httpPort: 8080,
      logLevels: ['warn', 'error', 'fatal'],
      logFormat: 'json',
    });
  });

  it('takes HTTP_PORT=0 (any free port, for tests)', () => {
    expect(loadIndustryTradeAgencyConfig({ HTTP_PORT: '0' }).httpPort).toBe(0);
  });

  it.each([
    [{ OCOP_MODE: 'staging' }, /OCOP_MODE/],
    [{ AGENCY_CODE: 'sct' }, /AGENCY_CODE/],
    [{ OCOP_MODE: 'production' }, /NATS_CREDS_FILE is required in production/],
    [{ HTTP_PORT: '70000' }, /HTTP_PORT/],
    [{ HTTP_PORT: '31o2' }, /HTTP_PORT/],
    [{ HTTP_PORT: '-1' }, /HTTP_PORT/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ OCOP_MODE: 'production', NATS_CREDS_FILE: '/x', LOG_FORMAT: 'pretty' }, /production writes JSON/],
  ])('refuses %j', (env, message) => {
    expect(() => loadIndustryTradeAgencyConfig(env)).toThrow(message);
  });
});
