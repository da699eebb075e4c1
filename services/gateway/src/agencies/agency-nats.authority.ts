import { connect, credsAuthenticator, type NatsConnection } from '@nats-io/transport-node';
import { AppError, ErrorKind } from '@ocop/contracts';
import { AgencyCredentialIssuer, ensureAgencyConsumers, pushAccountJwt, type AgencyGrant, type AgencyKeys } from '@ocop/messaging';

/** Where the platform issues and revokes agency credentials (deploy/nats/operator-mode.md). */
export interface AgencyNatsSettings {
  keys: AgencyKeys;
  /** The NATS the system user pushes account updates to (default: NATS_URL). */
  resolverUrl: string;
  /** The system user's `.creds` file content (secret). */
  systemCreds: string;
}

/**
 * The gateway's hold on the agencies' NATS account: the issuer of credentials, and a connection of the system user,
 * opened on the first revocation, that pushes the account with its revocations to the resolver.
 */
export class AgencyNatsAuthority {
  private readonly issuer?: AgencyCredentialIssuer;
  private sys?: Promise<NatsConnection>;

  constructor(private readonly settings: AgencyNatsSettings | undefined) {
    this.issuer = settings && new AgencyCredentialIssuer(settings.keys);
  }

  get prefix(): string | undefined {
    return this.settings?.keys.prefix;
  }

  get stream(): string | undefined {
    return this.settings?.keys.stream;
  }

  /** The agency's durable consumers in the platform's stream (`nc`: the platform's own connection); 503 if JetStream does not answer. */
  async ensureConsumers(nc: NatsConnection, grant: AgencyGrant): Promise<string[]> {
    const keys = this.settings!.keys;
    try {
      return await ensureAgencyConsumers(nc, keys.prefix, keys.stream, grant);
    } catch (err) {
      throw new AppError(
        ErrorKind.UNAVAILABLE,
        'NATS_JETSTREAM_UNAVAILABLE',
        `the agency's consumers could not be created, no credential was issued; try again (${(err as Error).message})`,
      );
    }
  }

  /** The issuer, or 409 AGENCY_CREDENTIALS_NOT_CONFIGURED on a platform without the agencies' keys. */
  requireIssuer(): AgencyCredentialIssuer {
    if (!this.issuer) {
      throw AppError.conflict(
        'AGENCY_CREDENTIALS_NOT_CONFIGURED',
        'agency NATS credentials are not configured on this platform (NATS_AGENCIES_* settings, deploy/nats/operator-mode.md)',
      );
    }
    return this.issuer;
  }

  /** Signs the agencies' account with these revocations and has the resolver store it; 503 if it does not. */
  async pushRevocations(revocations: Record<string, number>): Promise<void> {
    const jwt = await this.requireIssuer().accountWithRevocations(revocations);
    try {
      await pushAccountJwt(await this.connection(), jwt);
    } catch (err) {
      throw new AppError(
        ErrorKind.UNAVAILABLE,
        'NATS_RESOLVER_UNAVAILABLE',
        `the NATS resolver did not take the revocation, nothing was revoked; try again (${(err as Error).message})`,
      );
    }
  }

  async stop(): Promise<void> {
    const nc = await this.sys?.catch(() => undefined);
    this.sys = undefined;
    await nc?.close().catch(() => undefined);
  }

  private connection(): Promise<NatsConnection> {
    const s = this.settings!;
    this.sys ??= connect({
      servers: s.resolverUrl,
      authenticator: credsAuthenticator(new TextEncoder().encode(s.systemCreds)),
      name: 'ocop-gateway-agency-revocations',
      maxReconnectAttempts: -1,
    }).catch((err: unknown) => {
      this.sys = undefined;
      throw err;
    });
    return this.sys;
  }
}
