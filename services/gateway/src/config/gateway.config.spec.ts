import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOperatorSetup, publicKeyOf } from '@ocop/messaging';
import { AgencyNatsAuthority } from '../agencies/agency-nats.authority';
import { loadGatewayConfig, parseAgencyNats, parseTrustProxy } from './gateway.config';

describe('TRUST_PROXY', () => {
  it('trusts no proxy by default', () => {
    expect(loadGatewayConfig({ OCOP_MODE: 'test' }).trustProxy).toEqual([]);
    expect(parseTrustProxy('')).toEqual([]);
  });

  it('takes a comma-separated list of addresses, CIDRs and proxy-addr keywords', () => {
    expect(parseTrustProxy(' 10.0.0.1, 10.1.0.0/16,fd00::/8 ,loopback')).toEqual(['10.0.0.1', '10.1.0.0/16', 'fd00::/8', 'loopback']);
  });

  it.each(['true', '*', 'proxy.example', '10.0.0.0/33', '10.0.0.1/8/8', '::1/129'])('refuses %s', (v) => {
    expect(() => parseTrustProxy(v)).toThrow(/TRUST_PROXY/);
  });
});

describe('agency NATS settings', () => {
  const envOf = async () => {
    const setup = await createOperatorSetup('ocop');
    const file = join(mkdtempSync(join(tmpdir(), 'ocop-config-')), 'sys.creds');
    writeFileSync(file, 'system creds');
    return {
      setup,
      env: {
        OCOP_MODE: 'test',
        NATS_AGENCIES_ACCOUNT_SEED: setup.seeds.agencies,
        NATS_AGENCIES_SIGNING_SEED: setup.seeds.agenciesSigning,
        NATS_OPERATOR_SIGNING_SEED: setup.seeds.operatorSigning,
        NATS_PLATFORM_ACCOUNT: publicKeyOf(setup.seeds.platform),
        NATS_SYSTEM_CREDS_FILE: file,
      } as NodeJS.ProcessEnv,
    };
  };

  it('are absent by default, and the credential routes then answer 409 AGENCY_CREDENTIALS_NOT_CONFIGURED', () => {
    expect(loadGatewayConfig({ OCOP_MODE: 'test' }).agencyNats).toBeUndefined();
    expect(() => new AgencyNatsAuthority(undefined).requireIssuer()).toThrow(
      expect.objectContaining({ code: 'AGENCY_CREDENTIALS_NOT_CONFIGURED', kind: 'CONFLICT' }),
    );
  });

  it('read the keys, the system creds file and the resolver (NATS_URL by default)', async () => {
    const { setup, env } = await envOf();
    const settings = loadGatewayConfig({ ...env, NATS_URL: 'nats://nats:4222' }).agencyNats!;
    expect(settings.keys).toEqual({
      prefix: 'ocop',
      stream: 'OCOP_EVENTS',
      agenciesAccountSeed: setup.seeds.agencies,
      agenciesSigningSeed: setup.seeds.agenciesSigning,
      operatorSigningSeed: setup.seeds.operatorSigning,
      platformAccount: publicKeyOf(setup.seeds.platform),
    });
    expect(settings).toMatchObject({ resolverUrl: 'nats://nats:4222', systemCreds: 'system creds' });
    expect(parseAgencyNats({ ...env, NATS_RESOLVER_URL: 'tls://resolver:4222' }, 'ocop', 'nats://x', 'OCOP_EVENTS')?.resolverUrl).toBe(
      'tls://resolver:4222',
    );
  });

  it('refuse a partial set, a seed of the wrong kind and an unreadable creds file', async () => {
    const { env } = await envOf();
    expect(() => parseAgencyNats({ ...env, NATS_PLATFORM_ACCOUNT: '' }, 'ocop', 'nats://x', 'OCOP_EVENTS')).toThrow(
      /missing NATS_PLATFORM_ACCOUNT/,
    );
    expect(() =>
      parseAgencyNats({ ...env, NATS_OPERATOR_SIGNING_SEED: env.NATS_AGENCIES_SIGNING_SEED }, 'ocop', 'nats://x', 'OCOP_EVENTS'),
    ).toThrow(/NATS_OPERATOR_SIGNING_SEED must be an NKey seed starting with SO/);
    expect(() => parseAgencyNats({ ...env, NATS_SYSTEM_CREDS_FILE: '/nonexistent/sys.creds' }, 'ocop', 'nats://x', 'OCOP_EVENTS')).toThrow(
      /cannot be read/,
    );
  });
});
