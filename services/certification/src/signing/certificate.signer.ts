import { createPrivateKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CompactSign, importJWK, type JWK } from 'jose';
import type { Tx } from '@ocop/persistence';
import { CERTIFICATION_CONFIG } from '../certification.tokens';
import { DEV_KID, DEV_SIGNING_SEED_HEX, type CertificationConfig } from '../config/certification.config';
import { SIGNATURE_ALG, type CertificateClaims } from '@ocop/verification';
import { SigningKeysRepository } from './signing-keys.repository';

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
    private readonly keys: SigningKeysRepository,
  ) {}

  /** Records the configured keys in the trust list; refuses a kid whose public key changed. */
  async init(now: Date): Promise<void> {
    const keys = this.config.signingKeys.length ? this.config.signingKeys : [ed25519FromSeed(DEV_SIGNING_SEED_HEX, DEV_KID)];
    for (const k of keys) {
      const pub = publicPart(k);
      const recorded = await this.keys.record(k.kid as string, SIGNATURE_ALG, pub);
      if (recorded?.x !== pub.x)
        throw new Error(`signing key ${k.kid} differs from the key recorded under that kid: a kid may never be reused`);
    }
    const activeJwk = keys.find((k) => k.kid === this.config.activeKid);
    if (!activeJwk) throw new Error(`no signing key ${this.config.activeKid}`);
    await this.keys.activate(activeJwk.kid as string, now);
    await this.keys.retireAllBut(activeJwk.kid as string, now);
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
    await this.keys.backdateFirstUse(tx, this.kid, issuedAt);
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
    const rows = await this.keys.listAll();
    return {
      keys: rows
        .filter((r) => !r.compromisedAt)
        .map((r) => ({
          ...r.publicJwk,
          status: r.retiredAt ? 'RETIRED' : r.activeSince ? 'ACTIVE' : 'STANDBY',
          activeSince: r.activeSince?.toISOString() ?? null,
          retiredAt: r.retiredAt?.toISOString() ?? null,
        })),
    };
  }
}
