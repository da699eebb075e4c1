import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { JWK } from 'jose';

/** An issuer key ever used (the trust list): the public part only; private keys live only in configuration. */
@Entity({ name: 'signing_key' })
export class SigningKey {
  @PrimaryColumn('text') kid: string;
  @Column('text') alg: string;
  @Column({ name: 'public_jwk', type: 'jsonb' }) publicJwk: JWK;
  @Column({ name: 'first_used_at', type: 'timestamptz', default: () => 'now()' }) firstUsedAt: Date;
  @Column({ name: 'active_since', type: 'timestamptz', nullable: true }) activeSince: Date | null;
  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true }) retiredAt: Date | null;
  @Column({ name: 'compromised_at', type: 'timestamptz', nullable: true }) compromisedAt: Date | null;
}
