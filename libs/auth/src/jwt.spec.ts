import { SignJWT } from 'jose';
import { Role, type Actor } from '@ocop/contracts';
import { CLOCK_TOLERANCE_SECONDS, TokenService } from './jwt';

const SECRET = 'a-unit-test-secret-of-at-least-32-bytes';
const actor: Actor = {
  id: 'u-1',
  username: 'commune.officer',
  role: Role.COMMUNE_OFFICER,
  scope: { provinceCode: '38', communeCode: '16279' },
};
const T0 = new Date('2026-12-01T08:00:00Z');

describe('TokenService.verify', () => {
  beforeEach(() => jest.useFakeTimers({ now: T0, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] }));
  afterEach(() => jest.useRealTimers());

  it('accepts its own token again and again, and no longer once it expired, though it was verified before', async () => {
    const tokens = new TokenService(SECRET, 600);
    const { accessToken } = await tokens.issue(actor);
    expect(await tokens.verify(accessToken)).toEqual(actor);
    jest.setSystemTime(T0.getTime() + 599_000);
    expect(await tokens.verify(accessToken)).toEqual(actor);
    jest.setSystemTime(T0.getTime() + (600 + CLOCK_TOLERANCE_SECONDS) * 1000);
    expect(await tokens.verify(accessToken)).toBeUndefined();
  });

  it('refuses a token signed with another secret, or with a changed payload', async () => {
    const tokens = new TokenService(SECRET);
    const other = await new TokenService('another-secret-of-at-least-32-bytes!!').issue(actor);
    expect(await tokens.verify(other.accessToken)).toBeUndefined();
    const { accessToken } = await tokens.issue(actor);
    const [h, p, sig] = accessToken.split('.');
    const tampered = JSON.parse(Buffer.from(p!, 'base64url').toString());
    tampered.role = Role.ADMIN;
    expect(await tokens.verify(`${h}.${Buffer.from(JSON.stringify(tampered)).toString('base64url')}.${sig}`)).toBeUndefined();
  });

  it('refuses a token issued in the future until its time comes (nothing is remembered of a refusal)', async () => {
    const tokens = new TokenService(SECRET, 600);
    const key = new TextEncoder().encode(SECRET);
    const iat = Math.floor(T0.getTime() / 1000) + 120;
    const early = await new SignJWT({ username: actor.username, role: actor.role, scope: actor.scope })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(actor.id)
      .setIssuer('ocop-platform')
      .setAudience('ocop-api')
      .setIssuedAt(iat)
      .setExpirationTime(iat + 600)
      .sign(key);
    expect(await tokens.verify(early)).toBeUndefined();
    jest.setSystemTime((iat - CLOCK_TOLERANCE_SECONDS + 1) * 1000);
    expect(await tokens.verify(early)).toEqual(actor);
  });
});
