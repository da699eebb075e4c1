import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, Not } from 'typeorm';
import type { JWK } from 'jose';
import type { Tx } from '@ocop/persistence';
import { SigningKey } from './signing-key.entity';

@Injectable()
export class SigningKeysRepository {
  constructor(private readonly ds: DataSource) {}

  /** Records a key in the trust list (first time only) and returns the public key recorded under its kid. */
  async record(kid: string, alg: string, publicJwk: JWK): Promise<JWK | undefined> {
    const rows: { public_jwk: JWK }[] = await this.ds.query(
      `INSERT INTO certification.signing_key (kid, alg, public_jwk) VALUES ($1, $2, $3)
         ON CONFLICT (kid) DO UPDATE SET kid = EXCLUDED.kid RETURNING public_jwk`,
      [kid, alg, publicJwk],
    );
    return rows[0]?.public_jwk;
  }

  /** The key becomes active as of `at`, unless it already was. */
  async activate(kid: string, at: Date): Promise<void> {
    await this.ds.getRepository(SigningKey).update({ kid, activeSince: IsNull() }, { activeSince: at, retiredAt: null });
  }

  /** Every other key that was ever active and is not retired yet is retired as of `at`. */
  async retireAllBut(kid: string, at: Date): Promise<void> {
    await this.ds.getRepository(SigningKey).update({ kid: Not(kid), retiredAt: IsNull(), activeSince: Not(IsNull()) }, { retiredAt: at });
  }

  /** Moves the key's activeSince and first use back to `at` when they postdate it (a certificate signed as of an earlier instant). */
  async backdateFirstUse(tx: Tx, kid: string, at: Date): Promise<void> {
    await tx.query(
      `UPDATE certification.signing_key SET active_since = LEAST(active_since, $2), first_used_at = LEAST(first_used_at, $2)
        WHERE kid = $1 AND (active_since > $2 OR first_used_at > $2)`,
      [kid, at],
    );
  }

  /** Every key ever recorded, in order of first use. */
  listAll(): Promise<SigningKey[]> {
    return this.ds.getRepository(SigningKey).find({ order: { firstUsedAt: 'ASC', kid: 'ASC' } });
  }
}
