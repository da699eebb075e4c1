import { SignJWT, jwtVerify, errors } from 'jose';
import type { Actor, Role, Scope } from '@ocop/contracts';

const ISSUER = 'ocop-platform';
const AUDIENCE = 'ocop-api';
/** Seconds of clock difference allowed between the issuing and the verifying replica. */
export const CLOCK_TOLERANCE_SECONDS = 30;

/** Issues and verifies access tokens (HS256 with a secret from config; at least 32 bytes). */
export class TokenService {
  private readonly key: Uint8Array;
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
      return { id: payload.sub, username: String(payload.username), role: payload.role as Role, scope: payload.scope as Scope };
    } catch (err) {
      if (err instanceof errors.JOSEError) return undefined;
      throw err;
    }
  }
}
