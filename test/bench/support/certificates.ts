/**
 * Bench data for certification: one ISSUE decision and N certificates written by one
 * `INSERT … SELECT FROM generate_series` straight into the migrated schema, plus cleanup of the
 * JetStream stream and Redis keys a bench process created under its own names.
 */
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { DEMO } from '@ocop/contracts';

/** Crockford base32 as used by verification codes (no I, L, O, U). */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The key the certification service records at start in development and test (signing_key FK). */
export const BENCH_KID = 'dev-2026';

type Query = (sql: string, params?: unknown[]) => Promise<unknown>;

/**
 * SQL for the 10-character code of certificate n: n × an odd constant mod 2^50 (a bijection, so every code
 * is unique for n < 2^50) written as ten base-32 digits, most significant first.
 */
function codeSql(n: string): string {
  const k = `((${n}::numeric * 3141592653589793) % 1125899906842624)::bigint`;
  return Array.from({ length: 10 }, (_, i) => `substr('${CODE_ALPHABET}', ((${k} >> ${45 - 5 * i}) & 31)::int + 1, 1)`).join(' || ');
}

/** A compact JWS of the size the issuer really produces (header, claims, 64-byte Ed25519 signature); content irrelevant here. */
function signatureOfRealisticSize(): string {
  const b64 = (v: string | Buffer) => Buffer.from(v).toString('base64url');
  const claims = {
    v: 1,
    n: '38-2026-0001/GCN-OCOP',
    c: 'ABCDEFGHJK',
    p: 'Sản phẩm mẫu',
    h: 'Chủ thể mẫu',
    s: 4,
    f: '2026-01-01',
    t: '2029-01-01',
    a: '38',
    d: '1/QĐ-UBND',
  };
  return `${b64(JSON.stringify({ alg: 'EdDSA', kid: BENCH_KID, typ: 'ocop-cert' }))}.${b64(JSON.stringify(claims))}.${b64(randomBytes(64))}`;
}

export interface BenchCertificates {
  count: number;
  decisionId: string;
  /** valid_to of certificate 1 (00:00Z of a day); the last one ends `spanMonths` later, evenly spread in between. */
  firstValidTo: Date;
  spanMonths: number;
  /** Distinct producers the certificates are spread over. */
  producers?: number;
}

/** Inserts the decision, then all certificates in one statement (status ACTIVE, valid 36 months, signed by BENCH_KID). */
export async function insertBenchCertificates(query: Query, o: BenchCertificates): Promise<void> {
  await query(
    `INSERT INTO certification.decision (id, kind, authority_unit_code, authority_tier, province_code, year, seq, reference, session_id,
       authority_vi, issuer_vi, place_vi, decided_at, decided_by)
     VALUES ($1, 'ISSUE', $2, 'PROVINCE', $2, 2026, 1, '1/QĐ-UBND', NULL, 'ỦY BAN NHÂN DÂN TỈNH THANH HÓA', 'Ủy ban nhân dân tỉnh Thanh Hóa', 'Thanh Hóa', $3, 'system')`,
    [o.decisionId, DEMO.provinceCode, o.firstValidTo],
  );
  await query(
    `INSERT INTO certification.certificate (id, number, code, evaluation_id, dossier_id, product_id, producer_id, product_name, producer_name,
       product_set_code, stars, tier, authority_unit_code, province_code, decision_id, valid_from, valid_to, status, status_changed_at, kid, signature, issued_at)
     SELECT gen_random_uuid(), $1 || '-B-' || lpad(n::text, 7, '0') || '/GCN-OCOP', ${codeSql('n')}, gen_random_uuid(), gen_random_uuid(), gen_random_uuid(),
       ('00000000-0000-4000-8000-' || lpad(to_hex(n % $6), 12, '0'))::uuid, 'Sản phẩm OCOP số ' || n, 'Hợp tác xã số ' || (n % $6),
       '0' || (1 + n % 6), 3 + n % 3, 'PROVINCE', $1, $1, $2, v.valid_to - interval '36 months', v.valid_to, 'ACTIVE', v.valid_to - interval '36 months',
       $7, $8, v.valid_to - interval '36 months'
     FROM generate_series(1, $3::int) AS n,
       LATERAL (SELECT date_trunc('day', $4::timestamptz + ((n - 1)::float8 / $3::int) * make_interval(months => $5::int), 'UTC') AS valid_to) v`,
    [
      DEMO.provinceCode,
      o.decisionId,
      o.count,
      o.firstValidTo,
      o.spanMonths,
      o.producers ?? Math.max(1, Math.round(o.count / 3)),
      BENCH_KID,
      signatureOfRealisticSize(),
    ],
  );
}

/** 00:00Z of the UTC day of `at`, moved by whole months (certificate days are stored as 00:00Z). */
export function dayMonthsFrom(at: Date, months: number): Date {
  const d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
}

/** Removes the bench's JetStream stream and its Redis keys (`<prefix>:*`); best effort. */
export async function removeBenchInfra(o: { natsUrl: string; stream: string; redisUrl: string; redisPrefix: string }): Promise<void> {
  try {
    const nc = await connect({ servers: o.natsUrl, reconnect: false });
    try {
      await (await jetstreamManager(nc)).streams.delete(o.stream);
    } finally {
      await nc.close();
    }
  } catch {
    /* stream never created */
  }
  const redis = new Redis(o.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${o.redisPrefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } catch {
    /* best effort */
  } finally {
    redis.disconnect();
  }
}

export const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);

/** Heap and RSS peaks while `fn` runs, sampled every `everyMs`, over the values after a forced GC just before it. */
export async function withMemory<T>(
  fn: () => Promise<T>,
  everyMs = 10,
): Promise<{ result: T; ms: number; heapGrowth: number; rssGrowth: number; heapRetained: number }> {
  global.gc?.();
  const before = process.memoryUsage();
  let heapPeak = before.heapUsed;
  let rssPeak = before.rss;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    heapPeak = Math.max(heapPeak, m.heapUsed);
    rssPeak = Math.max(rssPeak, m.rss);
  }, everyMs);
  const started = process.hrtime.bigint();
  try {
    const result = await fn();
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const after = process.memoryUsage();
    global.gc?.();
    return {
      result,
      ms,
      heapGrowth: Math.max(heapPeak, after.heapUsed) - before.heapUsed,
      rssGrowth: Math.max(rssPeak, after.rss) - before.rss,
      heapRetained: process.memoryUsage().heapUsed - before.heapUsed,
    };
  } finally {
    clearInterval(sampler);
  }
}
