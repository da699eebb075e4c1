import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { intSetting, loadHostConfig, type HostConfig } from '@ocop/service-kit';
import type { AgencyNatsSettings } from '../agencies/agency-nats.authority';

/** The gateway's settings: the host's (mode, port, database, NATS, logs, RPC timeout) and its own. */
export interface GatewayConfig extends HostConfig {
  redisUrl: string;
  redisPrefix: string;
  /** Secret: never logged. */
  jwtSecret: string;
  tokenTtlSeconds: number;
  storageDir: string;
  /** Login attempts per minute per client address and username. */
  loginRateLimit: number;
  /** The console's build (apps/console/dist), served under /console/ when it is there (CONSOLE_DIR). */
  consoleDir: string;
  /** Public complaints (and their photos) one client address may send per hour. */
  complaintRateLimit: number;
  bodyLimitBytes: number;
  uploadLimitBytes: number;
  /** First start with no users: create `admin` with this password (then change it). */
  bootstrapAdminPassword?: string;
  demoData: boolean;
  /** How long a public certificate record may be served from the gateway's cache (status events drop it at once). */
  verifyCacheTtlMs: number;
  /** How long a page of the public catalogue may be served from the gateway's cache (SHOWCASE_CACHE_TTL_MS); trade-promotion events drop it at once. */
  showcaseCacheTtlMs: number;
  /**
   * Proxies whose `X-Forwarded-For` is believed (addresses or CIDRs, or proxy-addr's `loopback`, `linklocal`,
   * `uniquelocal`); empty: none, the client address is the socket's.
   */
  trustProxy: string[];
  /** Agency NATS credentials (deploy/nats/operator-mode.md); absent: the credential routes answer 409 AGENCY_CREDENTIALS_NOT_CONFIGURED. */
  agencyNats?: AgencyNatsSettings;
}

const AGENCY_NATS_SETTINGS = [
  'NATS_AGENCIES_ACCOUNT_SEED',
  'NATS_AGENCIES_SIGNING_SEED',
  'NATS_OPERATOR_SIGNING_SEED',
  'NATS_PLATFORM_ACCOUNT',
  'NATS_SYSTEM_CREDS_FILE',
] as const;

/** The agencies' keys (secrets, `npm run nats:operator` makes them): all of them, or none. */
export function parseAgencyNats(env: NodeJS.ProcessEnv, prefix: string, natsUrl: string, stream: string): AgencyNatsSettings | undefined {
  const given = AGENCY_NATS_SETTINGS.filter((name) => env[name]);
  if (!given.length) return undefined;
  const missing = AGENCY_NATS_SETTINGS.filter((name) => !env[name]);
  if (missing.length)
    throw new Error(`agency NATS credentials need all of ${AGENCY_NATS_SETTINGS.join(', ')}; missing ${missing.join(', ')}`);
  const seed = (name: string, kind: string) => {
    const v = env[name]!.trim();
    if (!v.startsWith(`S${kind}`)) throw new Error(`${name} must be an NKey seed starting with S${kind}`);
    return v;
  };
  let systemCreds: string;
  try {
    systemCreds = readFileSync(env.NATS_SYSTEM_CREDS_FILE!, 'utf8');
  } catch (err) {
    throw new Error(`NATS_SYSTEM_CREDS_FILE ${env.NATS_SYSTEM_CREDS_FILE} cannot be read: ${(err as Error).message}`);
  }
  const platformAccount = env.NATS_PLATFORM_ACCOUNT!.trim();
  if (!/^A[A-Z2-7]{55}$/.test(platformAccount)) throw new Error('NATS_PLATFORM_ACCOUNT must be an account public key (A...)');
  return {
    keys: {
      prefix,
      stream,
      agenciesAccountSeed: seed('NATS_AGENCIES_ACCOUNT_SEED', 'A'),
      agenciesSigningSeed: seed('NATS_AGENCIES_SIGNING_SEED', 'A'),
      operatorSigningSeed: seed('NATS_OPERATOR_SIGNING_SEED', 'O'),
      platformAccount,
    },
    resolverUrl: env.NATS_RESOLVER_URL || natsUrl,
    systemCreds,
  };
}

const PROXY_KEYWORDS = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** TRUST_PROXY: a comma-separated list of addresses or CIDRs (default none). */
export function parseTrustProxy(value: string | undefined): string[] {
  const entries = (value ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  for (const e of entries) {
    const [address, bits, extra] = e.split('/');
    const family = isIP(address ?? '');
    const maxBits = family === 6 ? 128 : 32;
    const bitsOk = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= maxBits);
    if (!PROXY_KEYWORDS.has(e) && (!family || !bitsOk || extra !== undefined)) {
      throw new Error(`TRUST_PROXY entries must be IP addresses or CIDRs (or loopback, linklocal, uniquelocal), not ${e}`);
    }
  }
  return entries;
}

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const host = loadHostConfig(env, 3000);
  let jwtSecret = env.JWT_SECRET;
  if (!jwtSecret) {
    if (host.mode === 'production') throw new Error('JWT_SECRET is required in production (at least 32 bytes)');
    jwtSecret = randomBytes(32).toString('hex'); // development: tokens die with the process
  }
  if (Buffer.byteLength(jwtSecret) < 32) throw new Error('JWT_SECRET must be at least 32 bytes');
  const int = (name: string, fallback: number) => intSetting(env, name, fallback);
  return {
    ...host,
    redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    redisPrefix: env.REDIS_PREFIX ?? 'ocop',
    jwtSecret,
    tokenTtlSeconds: int('TOKEN_TTL_SECONDS', 3600),
    storageDir: env.STORAGE_DIR ?? 'var/storage',
    loginRateLimit: int('LOGIN_RATE_LIMIT', 10),
    complaintRateLimit: int('COMPLAINT_RATE_LIMIT', 5),
    consoleDir: env.CONSOLE_DIR ?? 'apps/console/dist',
    bodyLimitBytes: int('BODY_LIMIT_BYTES', 1024 * 1024),
    uploadLimitBytes: int('UPLOAD_LIMIT_BYTES', 20 * 1024 * 1024),
    bootstrapAdminPassword: env.BOOTSTRAP_ADMIN_PASSWORD || undefined,
    demoData: host.mode !== 'production' && env.OCOP_DEMO_DATA === 'true',
    verifyCacheTtlMs: int('VERIFY_CACHE_TTL_MS', 300_000),
    showcaseCacheTtlMs: int('SHOWCASE_CACHE_TTL_MS', 60_000),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    // The agencies' consumers are in the platform's event stream (OCOP_STREAM, as the services read it).
    agencyNats: parseAgencyNats(env, host.prefix, host.natsUrl, env.OCOP_STREAM ?? 'OCOP_EVENTS'),
  };
}
