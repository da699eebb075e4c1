import { intSetting, loadHostConfig, loadServiceConfig } from './host-config';

describe('loadHostConfig', () => {
  it('reads what every process shares, with local defaults', () => {
    const c = loadHostConfig({ OCOP_MODE: 'test', NATS_URL: 'nats://n:4222', RPC_TIMEOUT_MS: '2500' }, 3002);
    expect(c).toMatchObject({
      mode: 'test',
      httpPort: 3002,
      natsUrl: 'nats://n:4222',
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/ocop',
      prefix: 'ocop',
      rpcTimeoutMs: 2500,
    });
  });

  it('is production when NODE_ENV says so, and refuses an unknown mode', () => {
    expect(loadHostConfig({ NODE_ENV: 'production' }, 1).mode).toBe('production');
    expect(() => loadHostConfig({ OCOP_MODE: 'staging' }, 1)).toThrow(/OCOP_MODE/);
  });

  it.each([
    ['HTTP_PORT', '70000'],
    ['HTTP_PORT', 'abc'],
    ['RPC_TIMEOUT_MS', '0'],
  ])('refuses %s=%s', (name, value) => {
    expect(() => loadHostConfig({ OCOP_MODE: 'test', [name]: value }, 1)).toThrow(new RegExp(name));
  });

  it('gives a service its event stream besides', () => {
    expect(loadServiceConfig({ OCOP_MODE: 'test', OCOP_STREAM: 'S1' }, 1).stream).toBe('S1');
  });
});

describe('intSetting', () => {
  it('takes the fallback when empty or absent, and refuses what is not an integer ≥ min', () => {
    expect(intSetting({}, 'X', 7)).toBe(7);
    expect(intSetting({ X: '' }, 'X', 7)).toBe(7);
    expect(intSetting({ X: '12' }, 'X', 7)).toBe(12);
    expect(() => intSetting({ X: '1.5' }, 'X', 7)).toThrow(/X must be an integer ≥ 0/);
    expect(() => intSetting({ X: '2' }, 'X', 7, 3)).toThrow(/≥ 3/);
  });
});
