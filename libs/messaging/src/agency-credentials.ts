import {
  createAccount,
  createOperator,
  createUser,
  encodeAccount,
  encodeOperator,
  encodeUser,
  fmtCreds,
  fromSeed,
  type Account,
  type Key,
  type KeyPair,
  type Permissions,
} from '@nats-io/jwt';
import { nanos, type NatsConnection } from '@nats-io/transport-node';
import { AckPolicy, DeliverPolicy, JetStreamApiCodes, JetStreamApiError, jetstreamManager } from '@nats-io/jetstream';
import {
  AGENCY_CODE,
  agencyConsumerName,
  agencyInboxPrefix,
  agencyJetStreamApiPrefix,
  agencySubjectSpace,
  eventSubject,
} from '@ocop/contracts';

/**
 * NATS credentials that confine an outside agency's service (issue 16), in operator mode (JWTs, nats-server ≥ 2.9):
 *
 * - every agency is a user of one account, AGENCIES, whose user JWTs the platform signs with the account's signing key;
 * - an agency may publish only into its own space `<prefix>.agency.<CODE>.>`: its events and its requests to the
 *   platform. The platform's account exports that space as a service, AGENCIES imports it, so what an agency publishes
 *   arrives in the platform's account on the same subject, and the subject names the agency: the platform never reads
 *   the agency code from a payload;
 * - it may subscribe only to the public event types it was granted (a stream the platform's account exports) and to its
 *   own inbox prefix `_INBOX_<CODE>` (its replies; another agency's replies are out of reach in the shared account);
 * - it reads each granted type durably from its own pull consumer `agency-<CODE>-<type>` (agencyConsumerName), which the
 *   platform creates in its stream: the platform's account exports the JetStream API subjects of its stream's consumers
 *   (info, next message, ack) as services, and the agency's user may publish on those of its own consumers only;
 * - a credential is revoked by re-signing the AGENCIES account JWT with the user's key in its revocation list and
 *   pushing it to the server's resolver: the server closes that user's connections and refuses it from then on.
 */
export interface AgencyGrant {
  /** Upper-case agency code, e.g. `SYT` (Health), `SKHCN` (Science and Technology), `SCT` (Industry and Trade). */
  agencyCode: string;
  /** The public event types (e.g. `certification.certificate-issued.v1`) it may receive. */
  eventTypes: readonly string[];
}

/** Account limits with nothing limited (an account JWT without limits allows no connections). */
export const UNLIMITED_ACCOUNT = { subs: -1, conn: -1, leaf: -1, imports: -1, exports: -1, data: -1, payload: -1, wildcards: true };

/** The JetStream API subjects an agency uses on one of its consumers, as its account sees them: its info, its next messages, acks. */
export function agencyConsumerSubjects(prefix: string, stream: string, durable: string): string[] {
  const api = agencyJetStreamApiPrefix(prefix);
  return [`${api}.CONSUMER.INFO.${stream}.${durable}`, `${api}.CONSUMER.MSG.NEXT.${stream}.${durable}`, `$JS.ACK.${stream}.${durable}.>`];
}

/** What an agency's user may publish and subscribe to: nothing else. */
export function agencyPermissions(prefix: string, stream: string, grant: AgencyGrant): Permissions {
  if (!AGENCY_CODE.test(grant.agencyCode))
    throw new Error(`agency code ${grant.agencyCode} is not 2-20 upper-case letters, digits, _ or -`);
  return {
    pub: {
      allow: [
        agencySubjectSpace(prefix, grant.agencyCode),
        ...grant.eventTypes.flatMap((t) => agencyConsumerSubjects(prefix, stream, agencyConsumerName(grant.agencyCode, t))),
      ],
    },
    sub: { allow: [`${agencyInboxPrefix(grant.agencyCode)}.>`, ...grant.eventTypes.map((t) => eventSubject(prefix, t))] },
  };
}

/**
 * The AGENCIES account's claims: it imports the platform's public events (a stream) and the agencies' space (a
 * service, so requests get their replies), and carries the revocation list.
 */
export function agenciesAccountClaims(
  prefix: string,
  stream: string,
  platformAccount: string,
  signingKey: string,
  revocations: Record<string, number> = {},
): Partial<Account> {
  return {
    signing_keys: [signingKey],
    // The consumer API under the agencies' own prefix (a server answers `$JS.API` itself in every account); the rest as it is.
    imports: platformExportsForAgencies(prefix, stream).map((e) => ({
      name: e.name,
      type: e.type,
      account: platformAccount,
      subject: e.subject,
      ...(e.subject!.startsWith('$JS.API.') ? { local_subject: e.subject!.replace('$JS.API', agencyJetStreamApiPrefix(prefix)) } : {}),
    })),
    revocations,
    limits: UNLIMITED_ACCOUNT,
  };
}

/**
 * The exports the platform's account declares for the AGENCIES account's imports (the same subjects): the public events,
 * the agencies' space, and the JetStream API of the stream's consumers (an agency's user may use those of its own only;
 * a pull answers with many messages: a streamed response).
 */
export function platformExportsForAgencies(prefix: string, stream: string): NonNullable<Account['exports']> {
  return [
    { name: 'public events', type: 'stream', subject: `${prefix}.events.>` },
    { name: 'agency services', type: 'service', subject: `${prefix}.agency.>` },
    { name: 'agency consumers: info', type: 'service', subject: `$JS.API.CONSUMER.INFO.${stream}.*` },
    { name: 'agency consumers: next', type: 'service', subject: `$JS.API.CONSUMER.MSG.NEXT.${stream}.*`, response_type: 'Stream' },
    { name: 'agency consumers: ack', type: 'service', subject: `$JS.ACK.${stream}.>` },
  ];
}

export interface IssuedAgencyCredential {
  /** The user's public NKey: what a revocation names. */
  userKey: string;
  jwt: string;
  /** The `.creds` file an agency's service connects with (JWT and seed); shown once, never stored by the platform. */
  creds: string;
}

/**
 * What the platform needs to issue and revoke agency credentials (secrets from config, `npm run nats:operator` makes
 * them): the AGENCIES account's seed and signing seed, the operator's signing seed (it signs account JWTs) and the
 * platform account's public key (the exporter of what AGENCIES imports).
 */
export interface AgencyKeys {
  prefix: string;
  /** The platform's event stream (OCOP_STREAM), where the agencies' consumers are. */
  stream: string;
  agenciesAccountSeed: string;
  agenciesSigningSeed: string;
  operatorSigningSeed: string;
  platformAccount: string;
}

/** Issues agency credentials, and signs the AGENCIES account with the revocations to push to the resolver. */
export class AgencyCredentialIssuer {
  constructor(private readonly keys: AgencyKeys) {}

  /**
   * A new user key and its JWT. The server checks a JWT's dates against its own clock, so `validUntil` is wall-clock
   * time (the platform's as-of does not move the broker's clock).
   */
  async issue(grant: AgencyGrant, validUntil?: Date): Promise<IssuedAgencyCredential> {
    const user = createUser();
    const jwt = await encodeUser(
      grant.agencyCode,
      user,
      keyOf(this.keys.agenciesSigningSeed),
      {
        ...agencyPermissions(this.keys.prefix, this.keys.stream, grant),
        issuer_account: publicKeyOf(this.keys.agenciesAccountSeed),
        tags: [`agency:${grant.agencyCode}`],
      },
      validUntil ? { exp: Math.floor(validUntil.getTime() / 1000) } : {},
    );
    return { userKey: user.getPublicKey(), jwt, creds: new TextDecoder().decode(fmtCreds(jwt, user)) };
  }

  /** The AGENCIES account JWT with this revocation list (user key → revoked at, Unix seconds), for `$SYS.REQ.CLAIMS.UPDATE`. */
  accountWithRevocations(revocations: Record<string, number>): Promise<string> {
    const k = this.keys;
    return signAgenciesAccount(
      k.prefix,
      k.stream,
      keyOf(k.agenciesAccountSeed),
      keyOf(k.operatorSigningSeed),
      k.platformAccount,
      publicKeyOf(k.agenciesSigningSeed),
      revocations,
    );
  }
}

/**
 * The AGENCIES account JWT with this revocation list (user key → revoked-at, seconds), signed by the operator's
 * (signing) key: what the platform pushes to the resolver (`$SYS.REQ.CLAIMS.UPDATE`) when a credential is revoked.
 */
export async function signAgenciesAccount(
  prefix: string,
  stream: string,
  account: Key,
  operatorSigner: Key,
  platformAccount: string,
  signingKey: string,
  revocations: Record<string, number>,
): Promise<string> {
  return encodeAccount('AGENCIES', account, agenciesAccountClaims(prefix, stream, platformAccount, signingKey, revocations), {
    signer: operatorSigner,
  });
}

/** The platform's account may use JetStream without limits (its stream OCOP_EVENTS, the agencies' events). */
const PLATFORM_ACCOUNT_LIMITS = { ...UNLIMITED_ACCOUNT, mem_storage: -1, disk_storage: -1, streams: -1, consumer: -1 };

/**
 * Every key and JWT of an operator-mode deployment: the operator (its identity key kept offline; its signing key signs
 * the accounts, and the platform needs it to push revocations), the system account, the platform's account OCOP and
 * the agencies' account AGENCIES (its signing key signs the agency users). Seeds are secrets: config, never the repo.
 */
export interface OperatorSetup {
  prefix: string;
  stream: string;
  seeds: {
    operator: string;
    operatorSigning: string;
    system: string;
    platform: string;
    agencies: string;
    agenciesSigning: string;
  };
  jwts: { operator: string; system: string; platform: string; agencies: string };
}

const seedOf = (k: KeyPair): string => new TextDecoder().decode(k.getSeed());
const keyOf = (seed: string): KeyPair => fromSeed(new TextEncoder().encode(seed));

export async function createOperatorSetup(prefix: string, stream = 'OCOP_EVENTS'): Promise<OperatorSetup> {
  const [operator, operatorSigning] = [createOperator(), createOperator()];
  const [system, platform, agencies, agenciesSigning] = [createAccount(), createAccount(), createAccount(), createAccount()];
  const operatorJwt = await encodeOperator('OCOP', operator, {
    signing_keys: [operatorSigning.getPublicKey()],
    system_account: system.getPublicKey(),
  });
  const opts = { signer: operatorSigning };
  return {
    prefix,
    stream,
    seeds: {
      operator: seedOf(operator),
      operatorSigning: seedOf(operatorSigning),
      system: seedOf(system),
      platform: seedOf(platform),
      agencies: seedOf(agencies),
      agenciesSigning: seedOf(agenciesSigning),
    },
    jwts: {
      operator: operatorJwt,
      system: await encodeAccount('SYS', system, { limits: UNLIMITED_ACCOUNT }, opts),
      platform: await encodeAccount(
        'OCOP',
        platform,
        { exports: platformExportsForAgencies(prefix, stream), limits: PLATFORM_ACCOUNT_LIMITS },
        opts,
      ),
      agencies: await signAgenciesAccount(
        prefix,
        stream,
        agencies,
        operatorSigning,
        platform.getPublicKey(),
        agenciesSigning.getPublicKey(),
        {},
      ),
    },
  };
}

/** The public key of an account (or operator) of the setup, from its seed. */
export function publicKeyOf(seed: string): string {
  return keyOf(seed).getPublicKey();
}

/** The resolver and accounts block of nats-server.conf for the setup (with a JetStream store if given). */
export function operatorModeServerConfig(setup: OperatorSetup, dirs: { resolver: string; jetstream?: string }): string {
  const accounts: [string, string][] = [
    [publicKeyOf(setup.seeds.system), setup.jwts.system],
    [publicKeyOf(setup.seeds.platform), setup.jwts.platform],
    [publicKeyOf(setup.seeds.agencies), setup.jwts.agencies],
  ];
  return [
    `operator: ${setup.jwts.operator}`,
    `system_account: ${publicKeyOf(setup.seeds.system)}`,
    `resolver: { type: full, dir: ${JSON.stringify(dirs.resolver)}, allow_delete: false, interval: "2m" }`,
    'resolver_preload: {',
    ...accounts.map(([key, jwt]) => `  ${key}: ${jwt}`),
    '}',
    ...(dirs.jetstream ? [`jetstream: { store_dir: ${JSON.stringify(dirs.jetstream)} }`] : []),
    '',
  ].join('\n');
}

/** A `.creds` file for a user of an account of the setup with every right of that account (the platform's services, the system user). */
export async function accountUserCreds(accountSeed: string, name: string): Promise<string> {
  const user = createUser();
  return new TextDecoder().decode(fmtCreds(await encodeUser(name, user, keyOf(accountSeed)), user));
}

/** The agency keys of a setup. */
export function agencyKeysOf(setup: OperatorSetup): AgencyKeys {
  return {
    prefix: setup.prefix,
    stream: setup.stream,
    agenciesAccountSeed: setup.seeds.agencies,
    agenciesSigningSeed: setup.seeds.agenciesSigning,
    operatorSigningSeed: setup.seeds.operatorSigning,
    platformAccount: publicKeyOf(setup.seeds.platform),
  };
}

/**
 * Pushes an account JWT to the servers' resolver with the system user's connection; fails unless the resolver stored
 * it (a full resolver answers code 200 and updates every server of the cluster).
 */
export async function pushAccountJwt(sys: NatsConnection, accountJwt: string, timeoutMs = 5_000): Promise<void> {
  const reply = await sys.request('$SYS.REQ.CLAIMS.UPDATE', accountJwt, { timeout: timeoutMs });
  const body = reply.json<{ data?: { code?: number; message?: string }; error?: { code?: number; description?: string } }>();
  if (body.data?.code !== 200) {
    throw new Error(`the resolver did not store the account: ${body.error?.description ?? body.data?.message ?? JSON.stringify(body)}`);
  }
}

/**
 * The agency's durable consumers in the platform's stream, one per granted type (agencyConsumerName), created by the
 * platform's own connection when it issues a credential; one that exists is left as it is (its position kept). A new
 * one starts with the events published from then on, explicit acks, ten deliveries at most.
 */
export async function ensureAgencyConsumers(nc: NatsConnection, prefix: string, stream: string, grant: AgencyGrant): Promise<string[]> {
  const jsm = await jetstreamManager(nc);
  const created: string[] = [];
  for (const type of grant.eventTypes) {
    const durable = agencyConsumerName(grant.agencyCode, type);
    try {
      await jsm.consumers.info(stream, durable);
      continue;
    } catch (err) {
      if (!(err instanceof JetStreamApiError && err.code === JetStreamApiCodes.ConsumerNotFound)) throw err;
    }
    await jsm.consumers.add(stream, {
      durable_name: durable,
      filter_subject: eventSubject(prefix, type),
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.New,
      ack_wait: nanos(60_000),
      max_deliver: 10,
    });
    created.push(durable);
  }
  return created;
}
