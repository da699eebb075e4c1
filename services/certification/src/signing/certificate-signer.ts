import { createPrivateKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CompactSign, importJWK, type JWK } from 'jose';
import { DataSource } from 'typeorm';
import type { Tx } from '@ocop/persistence';
import { CERTIFICATION_CONFIG } from '../certification.tokens';
import { DEV_KID, DEV_SIGNING_SEED_HEX, type CertificationConfig } from '../config/certification.config';
import { SIGNATURE_ALG, type CertificateClaims } from './offline-verifier';

type SigningKey = Awaited<ReturnType<typeof importJWK>>;

/** Ed25519 private key (PKCS#8 DER) from a 32-byte seed. */
function ed25519FromSeed(seedHex: string, kid: string): JWK {
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), Buffer.from(seedHex, 'hex')]);
  return { ...(createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }).export({ format: 'jwk' }) as JWK), kid };
}

const publicPart = (k: JWK): JWK => ({ kty: k.kty, crv: k.crv, x: k.x, kid: k.kid, alg: SIGNATURE_ALG, use: 'sig' });

/**
 * Signs certificates and the status list with the active issuer key, and keeps the trust list: every key
 * ever configured is recorded (public part only) and stays valid for verifying what it signed after
 * rotation, unless marked compromised.
 */
@Injectable()
export class CertificateSigner {
  private active?: { kid: string; key: SigningKey };

  constructor(
    @Inject(CERTIFICATION_CONFIG) private readonly config: CertificationConfig,
    private readonly ds: DataSource,
  ) {}

  /** Records the configured keys in the trust list; refuses a kid whose public key changed. */
  async init(now: Date): Promise<void> {
    const keys = this.config.signingKeys.length ? this.config.signingKeys : [ed25519FromSeed(DEV_SIGNING_SEED_HEX, DEV_KID)];
    for (const k of keys) {
      const pub = publicPart(k);
      const rows: { public_jwk: JWK }[] = await this.ds.query(
        `INSERT INTO certification.signing_key (kid, alg, public_jwk) VALUES ($1, $2, $3)
         ON CONFLICT (kid) DO UPDATE SET kid = EXCLUDED.kid RETURNING public_jwk`,
        [k.kid, SIGNATURE_ALG, pub],
      );
      if (rows[0]?.public_jwk.x !== pub.x)
        throw new Error(`signing key ${k.kid} differs from the key recorded under that kid: a kid may never be reused`);
    }
    const activeJwk = keys.find((k) => k.kid === this.config.activeKid);
    if (!activeJwk) throw new Error(`no signing key ${this.config.activeKid}`);
    await this.ds.query(
      `UPDATE certification.signing_key SET active_since = $2, retired_at = NULL WHERE kid = $1 AND active_since IS NULL`,
      [activeJwk.kid, now],
    );
    await this.ds.query(
      `UPDATE certification.signing_key SET retired_at = $2 WHERE kid <> $1 AND retired_at IS NULL AND active_since IS NOT NULL`,
      [activeJwk.kid, now],
    );
    this.active = { kid: activeJwk.kid as string, key: await importJWK(activeJwk, SIGNATURE_ALG) };
  }

  get kid(): string {
    if (!this.active) throw new Error('CertificateSigner.init() was not called');
    return this.active.kid;
  }

  /**
   * A compact JWS over the certificate's key fields (small enough for a QR code). The key's activeSince (and
   * first use) never postdate a certificate it signs: a certificate issued as of an earlier instant (a decision
   * dated in the past, a test driving time) moves them back to that instant, in the issuing transaction.
   */
  async signCertificate(tx: Tx, claims: CertificateClaims, issuedAt: Date): Promise<string> {
    await tx.query(
      `UPDATE certification.signing_key SET active_since = LEAST(active_since, $2), first_used_at = LEAST(first_used_at, $2)
        WHERE kid = $1 AND (active_since > $2 OR first_used_at > $2)`,
      [this.kid, issuedAt],
    );
    return this.sign(claims, 'ocop-cert');
  }

  async sign(payload: unknown, typ: string): Promise<string> {
    if (!this.active) throw new Error('CertificateSigner.init() was not called');
    return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
      .setProtectedHeader({ alg: SIGNATURE_ALG, kid: this.active.kid, typ })
      .sign(this.active.key);
  }

  /** The trust list as a JWKS: every key that signed or signs certificates, with its state. */
  async trustList(): Promise<{ keys: (JWK & { status: string; activeSince: string | null; retiredAt: string | null })[] }> {
    const rows: { public_jwk: JWK; active_since: Date | null; retired_at: Date | null; compromised_at: Date | null }[] =
      await this.ds.query(
        `SELECT public_jwk, active_since, retired_at, compromised_at FROM certification.signing_key ORDER BY first_used_at, kid`,
      );
    return {
      keys: rows
        .filter((r) => !r.compromised_at)
        .map((r) => ({
          ...r.public_jwk,
          status: r.retired_at ? 'RETIRED' : r.active_since ? 'ACTIVE' : 'STANDBY',
          activeSince: r.active_since?.toISOString() ?? null,
          retiredAt: r.retired_at?.toISOString() ?? null,
        })),
    };
  }
}
