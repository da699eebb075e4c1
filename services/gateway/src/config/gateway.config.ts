import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { intSetting, loadHostConfig, type HostConfig } from '@ocop/service-kit';

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
    bodyLimitBytes: int('BODY_LIMIT_BYTES', 1024 * 1024),
    uploadLimitBytes: int('UPLOAD_LIMIT_BYTES', 20 * 1024 * 1024),
    bootstrapAdminPassword: env.BOOTSTRAP_ADMIN_PASSWORD || undefined,
    demoData: host.mode !== 'production' && env.OCOP_DEMO_DATA === 'true',
    verifyCacheTtlMs: int('VERIFY_CACHE_TTL_MS', 300_000),
    showcaseCacheTtlMs: int('SHOWCASE_CACHE_TTL_MS', 60_000),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
  };
}
