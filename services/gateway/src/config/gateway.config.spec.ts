import { loadGatewayConfig, parseTrustProxy } from './gateway.config';

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
