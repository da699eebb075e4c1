import { intSetting, loadServiceConfig, type ServiceConfig } from '@ocop/service-kit';
import type { JWK } from 'jose';

/** The certification service's whole configuration, read once at start (no process.env elsewhere). */
export interface CertificationConfig extends ServiceConfig {
  redisUrl: string;
  /** Redis key prefix of the job queue. */
  redisPrefix: string;
  /** Base of the public verification URL put in QR codes, e.g. https://ocop.thanhhoa.gov.vn. */
  publicBaseUrl: string;
  /** Issuer private keys (Ed25519 JWKs with kid). Keys dropped from here stay trusted for verification (signing_key table). */
  signingKeys: JWK[];
  /** The key that signs new certificates; the last configured key when not set. */
  activeKid: string;
  /** This process upserts the recurring jobs (one owner per deployment); every process runs workers. */
  schedulerOwner: boolean;
  /** Cron pattern of the daily expiry sweep, in Vietnam time. */
  expirySweepCron: string;
  /** Days the producer has to return a revoked certificate and remove the OCOP mark; reminder this many days before. */
  returnDays: number;
  reminderDaysBefore: number;
  /** Days after the end of validity without re-evaluation before a revocation request is raised automatically. */
  expiryRevocationGraceDays: number;
  /** Certificates per transaction in the expiry sweep. */
  sweepChunkSize: number;
  /** Channels every producer message goes through. Only `log` is built; email and SMS adapters implement NotificationChannel. */
  notifyChannels: string[];
  /** Job worker tuning (tests shorten these to take over a killed worker's job quickly). */
  jobStalledIntervalMs?: number;
  jobLockDurationMs?: number;
  /** Test hook: the process kills itself after committing this many sweep chunks (a worker dying mid-job). */
  crashAfterSweepChunks?: number;
}

const int = intSetting;

/** A fixed development key, refused in production (its private part is public in this repository). */
export const DEV_SIGNING_SEED_HEX = '4f434f502d6465762d6b65792d6e6f742d666f722d70726f64756374696f6e21';
export const DEV_KID = 'dev-2026';

export function loadCertificationConfig(env: NodeJS.ProcessEnv = process.env): CertificationConfig {
  const base = loadServiceConfig(env, 3003);
  let signingKeys: JWK[] = [];
  if (env.CERTIFICATE_SIGNING_KEYS) {
    try {
      signingKeys = JSON.parse(env.CERTIFICATE_SIGNING_KEYS) as JWK[];
    } catch {
      throw new Error('CERTIFICATE_SIGNING_KEYS must be a JSON array of Ed25519 private JWKs with kid');
    }
    if (!Array.isArray(signingKeys) || signingKeys.some((k) => k.kty !== 'OKP' || k.crv !== 'Ed25519' || !k.d || !k.x || !k.kid)) {
      throw new Error('CERTIFICATE_SIGNING_KEYS must be a JSON array of Ed25519 private JWKs (kty OKP, crv Ed25519, d, x, kid)');
    }
  } else if (base.mode === 'production') {
    throw new Error('CERTIFICATE_SIGNING_KEYS is required in production (Ed25519 private JWKs; see README "Certificate signing keys")');
  }
  const activeKid = env.CERTIFICATE_SIGNING_KID || signingKeys.at(-1)?.kid || DEV_KID;
  if (signingKeys.length && !signingKeys.some((k) => k.kid === activeKid))
    throw new Error(`CERTIFICATE_SIGNING_KID ${activeKid} is not among CERTIFICATE_SIGNING_KEYS`);
  const channels = (env.NOTIFY_CHANNELS ?? 'log')
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  for (const c of channels)
    if (c !== 'log')
      throw new Error(`NOTIFY_CHANNELS: channel ${c} is not built (only log; an email or SMS adapter implements NotificationChannel)`);
  return {
    ...base,
    redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    redisPrefix: env.REDIS_PREFIX ?? 'ocop',
    publicBaseUrl: (env.PUBLIC_BASE_URL ?? 'http://localhost:3000').replace(/\/+$/, ''),
    signingKeys,
    activeKid,
    schedulerOwner: (env.JOBS_SCHEDULER_OWNER ?? 'true') === 'true',
    expirySweepCron: env.EXPIRY_SWEEP_CRON ?? '0 1 * * *',
    returnDays: int(env, 'REVOCATION_RETURN_DAYS', 15, 1),
    reminderDaysBefore: int(env, 'REVOCATION_REMINDER_DAYS_BEFORE', 5, 0),
    expiryRevocationGraceDays: int(env, 'EXPIRY_REVOCATION_GRACE_DAYS', 0, 0),
    sweepChunkSize: int(env, 'EXPIRY_SWEEP_CHUNK', 2000, 1),
    notifyChannels: channels,
  };
}
