import { SignJWT, jwtVerify, errors } from 'jose';
import type { Actor, Role, Scope } from '@ocop/contracts';

const ISSUER = 'ocop-platform';
const AUDIENCE = 'ocop-api';
/** Seconds of clock difference allowed between the issuing and the verifying replica. */
export const CLOCK_TOLERANCE_SECONDS = 30;

/** How many verified tokens a process remembers (the oldest is forgotten first). */
const VERIFIED_TOKENS_KEPT = 10_000;

interface Verified {
  actor: Actor;
  exp: number;
  iat: number;
}

/**
 * Issues and verifies access tokens (HS256 with a secret from config; at least 32 bytes). A token that verified once is
 * remembered with its times, so the next request with it checks only those times (what changes with the clock), not
 * the signature, issuer and audience again (what cannot).
 */
export class TokenService {
  private readonly key: Uint8Array;
  private readonly verified = new Map<string, Verified>();
  constructor(
    secret: string,
    private readonly ttlSeconds = 3600,
  ) {
    if (Buffer.byteLength(secret) < 32) throw new Error('JWT secret must be at least 32 bytes');
    this.key = new TextEncoder().encode(secret);
  }

  async issue(actor: Actor): Promise<{ accessToken: string; expiresIn: number }> {
    const accessToken = await new SignJWT({ username: actor.username, role: actor.role, scope: actor.scope })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(actor.id)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${this.ttlSeconds}s`)
      .sign(this.key);
    return { accessToken, expiresIn: this.ttlSeconds };
  }

  /**
   * Returns the actor, or undefined when the token is missing, forged, expired or malformed. `exp`, `iat`, the
   * issuer and the audience are required; `iat` may not lie in the future nor further back than the token
   * lifetime (so even a token signed with the real secret lives no longer than one we issue), each within
   * CLOCK_TOLERANCE_SECONDS.
   */
  async verify(token: string): Promise<Actor | undefined> {
    const known = this.verified.get(token);
    if (known) return this.timely(known) ? known.actor : undefined;
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
        requiredClaims: ['exp', 'iat', 'sub'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        maxTokenAge: this.ttlSeconds,
      });
      if (typeof payload.sub !== 'string' || typeof payload.role !== 'string' || typeof payload.scope !== 'object') return undefined;
      const actor = { id: payload.sub, username: String(payload.username), role: payload.role as Role, scope: payload.scope as Scope };
      if (this.verified.size >= VERIFIED_TOKENS_KEPT) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(token, { actor, exp: payload.exp!, iat: payload.iat! });
      return actor;
    } catch (err) {
      if (err instanceof errors.JOSEError) return undefined;
      throw err;
    }
  }

  /**
   * The time checks of `verify`, as jose makes them (whole seconds, with the same tolerance). A token lives in the wall
   * clock's time, as jose checks it, not in a request's as-of instant: driving the platform through time from outside
   * must not expire, or revive, the tokens of the people doing it.
   */
  private timely(v: Verified): boolean {
    const now = Math.floor(Date.now() / 1000);
    const age = now - v.iat;
    return v.exp > now - CLOCK_TOLERANCE_SECONDS && age - CLOCK_TOLERANCE_SECONDS <= this.ttlSeconds && age >= -CLOCK_TOLERANCE_SECONDS;
  }
}
