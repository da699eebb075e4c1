/**
 * npm run bench:expiry — the daily expiry sweep of certification over BENCH_CERTIFICATES certificates
 * (default 1,000,000) in a fresh database, in this process against the real PostgreSQL, NATS and Redis.
 * End dates are spread evenly over 36 months, BENCH_EXPIRED_MONTHS (default 3) of them before the as-of
 * instant: a sweep with a quarter's backlog (e.g. the first one after go-live or after an outage).
 * Timed: (a) the first sweep, as the job runs it (notices 90/60/30 recorded and queued, EXPIRING/EXPIRED,
 * revocation requests, outbox events, audit, producer messages), with heap/RSS growth; (b) the same sweep
 * again, which must change nothing; (c) the baseline, in the same run on the same table reset to its
 * starting state: the bare set-based statements making the same state changes (two UPDATEs and one
 * INSERT … SELECT, no notices, events, audit or messages). Ratio (a)/(c).
 *
 * The outbox relay is kept from publishing during the measurement: it wakes on the NOTIFY every committed
 * chunk sends, whatever its poll interval, so it is given a publisher that refuses (each wake-up costs one
 * indexed claim of 100 rows and a rollback, counted below). Events stay in the outbox and are counted.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { EventPublisher } from '@ocop/messaging';
import { adminQuery, dropDatabase, withDatabase } from '@ocop/testing';
import { loadToolConfig } from '../../tools/config';
import { createCertificationApp } from '../../services/certification/src/certification.app';
import { loadCertificationConfig } from '../../services/certification/src/config/certification.config';
import {
  RunExpirySweepUseCase as ExpirySweep,
  type ExpirySweepReport,
} from '../../services/certification/src/expiry/run-expiry-sweep.use-case';
import { CertificationJobs } from '../../services/certification/src/jobs/certification.jobs';
import { dayMonthsFrom, insertBenchCertificates, mb, removeBenchInfra, withMemory } from './support/certificates';
import { cpuText, systemCpu, systemTicks, type SystemTicks } from './support/cpu';

const cfg = loadToolConfig();
const N = cfg.bench.certificates ?? 1_000_000;
const EXPIRED_MONTHS = cfg.bench.expiredMonths;
const SPAN_MONTHS = 36;

/** Refuses every publish: the relay rolls its claim back and waits for the next wake-up. */
class PausedPublisher implements EventPublisher {
  refused = 0;
  async publish(): Promise<{ duplicate: boolean }> {
    this.refused++;
    throw new Error('bench: relay paused during the measurement');
  }
}

const TABLES = ['certificate_notice', 'revocation', 'outbox', 'audit_log', 'notification'] as const;
type Counts = Record<(typeof TABLES)[number] | 'active' | 'expiring' | 'expired' | 'notified' | 'unpublished', number>;

async function counts(pg: Client): Promise<Counts> {
  const { rows } = await pg.query(`SELECT
    ${TABLES.map((t) => `(SELECT count(*) FROM certification.${t})::int AS ${t}`).join(', ')},
    (SELECT count(*) FROM certification.certificate_notice WHERE notified)::int AS notified,
    (SELECT count(*) FROM certification.outbox WHERE published_at IS NULL)::int AS unpublished,
    (SELECT count(*) FROM certification.certificate WHERE status = 'ACTIVE')::int AS active,
    (SELECT count(*) FROM certification.certificate WHERE status = 'EXPIRING')::int AS expiring,
    (SELECT count(*) FROM certification.certificate WHERE status = 'EXPIRED')::int AS expired`);
  return rows[0] as Counts;
}

const diff = (a: Counts, b: Counts): Counts =>
  Object.fromEntries(Object.keys(b).map((k) => [k, b[k as keyof Counts] - a[k as keyof Counts]])) as Counts;
const secs = (ms: number) => (ms / 1000).toFixed(1);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

function check(what: string, ok: boolean, detail: unknown): void {
  if (!ok) throw new Error(`${what}: ${JSON.stringify(detail)}`);
}

async function main(): Promise<void> {
  const id = `bx${randomBytes(4).toString('hex')}`;
  const dbName = `ocop_bench_${id}`;
  const databaseUrl = withDatabase(cfg.infra.databaseUrl, dbName);
  const stream = `${id.toUpperCase()}_EVENTS`;
  await adminQuery(cfg.infra.databaseUrl, `CREATE DATABASE "${dbName}"`);
  const publisher = new PausedPublisher();
  const config = loadCertificationConfig({
    OCOP_MODE: 'test',
    DATABASE_URL: databaseUrl,
    NATS_URL: cfg.infra.natsUrl,
    REDIS_URL: cfg.infra.redisUrl,
    OCOP_SUBJECT_PREFIX: id,
    OCOP_STREAM: stream,
    REDIS_PREFIX: id,
    LOG_LEVEL: 'silent',
    // No recurring jobs in this process: the 60 s notification dispatcher (and the daily cron) would run inside the measurement.
    JOBS_SCHEDULER_OWNER: 'false',
  });
  const app = await createCertificationApp(config, { publisher });
  await app.init();
  const pg = new Client({ connectionString: databaseUrl, application_name: 'bench-expiry' });
  await pg.connect();
  try {
    const now = new Date();
    const asOf = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 18)); // 01:00 in Vietnam, the cron's time
    const firstValidTo = dayMonthsFrom(asOf, -EXPIRED_MONTHS);

    let t = Date.now();
    await insertBenchCertificates((sql, params) => pg.query(sql, params), {
      count: N,
      decisionId: randomUUID(),
      firstValidTo,
      spanMonths: SPAN_MONTHS,
    });
    const insertMs = Date.now() - t;
    t = Date.now();
    await pg.query('VACUUM ANALYZE certification.certificate');
    const vacuumMs = Date.now() - t;
    const size = (
      await pg.query(`SELECT pg_size_pretty(pg_table_size('certification.certificate')) AS heap,
      pg_size_pretty(pg_indexes_size('certification.certificate')) AS indexes`)
    ).rows[0] as { heap: string; indexes: string };
    const expected = (
      await pg.query(
        `SELECT count(*) FILTER (WHERE valid_to <= $1)::int AS expired,
        count(*) FILTER (WHERE valid_to > $1 AND valid_to <= $1::timestamptz + interval '90 days')::int AS expiring,
        count(*) FILTER (WHERE valid_to > $1 AND valid_to <= $1::timestamptz + interval '30 days')::int AS n30,
        count(*) FILTER (WHERE valid_to > $1::timestamptz + interval '30 days' AND valid_to <= $1::timestamptz + interval '60 days')::int AS n60,
        count(*) FILTER (WHERE valid_to > $1::timestamptz + interval '60 days' AND valid_to <= $1::timestamptz + interval '90 days')::int AS n90
      FROM certification.certificate`,
        [asOf],
      )
    ).rows[0] as { expired: number; expiring: number; n30: number; n60: number; n90: number };
    console.log(
      `\nbench:expiry  ${fmt(N)} certificates (inserted in ${secs(insertMs)} s, VACUUM ANALYZE ${secs(vacuumMs)} s; heap ${size.heap}, indexes ${size.indexes})`,
    );
    console.log(
      `as of ${asOf.toISOString()}; end dates ${firstValidTo.toISOString().slice(0, 10)} + ${SPAN_MONTHS} months: ` +
        `${fmt(expected.expired)} past their end, ${fmt(expected.expiring)} within 90 days (${fmt(expected.n90)} / ${fmt(expected.n60)} / ${fmt(expected.n30)} in the 90/60/30 windows)`,
    );

    // Time each step of the sweep (its three private passes) without touching the service: wrap them on this instance.
    const sweep = app.get(ExpirySweep) as unknown as Record<string, (...args: unknown[]) => Promise<void>>;
    const stepMs: Record<string, number> = {};
    let analyzeMs = 0;
    for (const step of ['notices', 'expire', 'requestRevocations']) {
      const original = sweep[step]!.bind(sweep);
      sweep[step] = async (...args: unknown[]) => {
        const started = process.hrtime.bigint();
        try {
          if (step === 'requestRevocations' && cfg.bench.analyze && !analyzeMs) {
            // first sweep only
            // What autovacuum's ANALYZE would have done by now in production (it is off on this machine): with the
            // statistics of a table where nothing was EXPIRED, the revocation pass's anti-join is planned as a nested
            // loop rescanning every EXPIRY revocation per certificate (quadratic; BENCH_ANALYZE=false shows it).
            await pg.query('ANALYZE certification.certificate, certification.revocation');
            analyzeMs += Number(process.hrtime.bigint() - started) / 1e6;
          }
          return await original(...args);
        } finally {
          stepMs[step] = (stepMs[step] ?? 0) + Number(process.hrtime.bigint() - started) / 1e6;
        }
      };
    }
    const jobs = app.get(CertificationJobs);
    const runSweep = () => jobs.runNow('expiry-sweep', asOf) as Promise<ExpirySweepReport & { jobsRecreated: number }>;

    // (a) first sweep
    await pg.query('CHECKPOINT');
    const before = await counts(pg);
    const refusedBefore = publisher.refused;
    let sys0: SystemTicks = systemTicks();
    let self0 = process.cpuUsage();
    const cpuSince = (ms: number) => {
      const self = process.cpuUsage(self0);
      return { 'bench process (sweep)': (self.user + self.system) / 1e3 / ms, ...systemCpu(sys0, systemTicks(), ms / 1000) };
    };
    const first = await withMemory(runSweep);
    const firstCpu = cpuSince(first.ms);
    const firstSteps = { ...stepMs };
    const firstAnalyzeMs = analyzeMs;
    const after = await counts(pg);
    const d = diff(before, after);
    const r1 = first.result;
    check(
      'first sweep report',
      r1.markedExpiring === expected.expiring &&
        r1.expired === expected.expired &&
        r1.revocationRequests === expected.expired &&
        r1.noticesSent['90'] === expected.n90 &&
        r1.noticesSent['60'] === expected.n60 &&
        r1.noticesSent['30'] === expected.n30 &&
        r1.noticesSkipped === expected.n60 + 2 * expected.n30,
      { r1, expected },
    );
    check(
      'first sweep rows',
      after.expiring === expected.expiring &&
        after.expired === expected.expired &&
        d.revocation === expected.expired &&
        d.notified === expected.expiring &&
        d.certificate_notice === expected.expiring + expected.n60 + 2 * expected.n30 &&
        d.notification === expected.expiring + expected.expired &&
        d.outbox === expected.expiring + 2 * expected.expired &&
        d.audit_log === expected.expiring + 2 * expected.expired,
      { d, after, expected },
    );
    const touched = r1.markedExpiring + r1.expired;
    const rowsWritten = touched + d.certificate_notice + d.revocation + d.outbox + d.audit_log + d.notification;

    // (b) the same sweep again: nothing is due any more
    for (const k of Object.keys(stepMs)) stepMs[k] = 0;
    const second = await withMemory(runSweep);
    const secondSteps = { ...stepMs };
    const r2 = second.result;
    const again = diff(after, await counts(pg));
    check(
      'second sweep did something',
      r2.markedExpiring === 0 &&
        r2.expired === 0 &&
        r2.revocationRequests === 0 &&
        r2.noticesSkipped === 0 &&
        Object.values(r2.noticesSent).every((n) => n === 0) &&
        Object.values(again).every((n) => n === 0),
      { r2, again },
    );
    const relayRefused = publisher.refused - refusedBefore;

    // (c) baseline: the table back to its starting state, then the same state changes as bare set-based statements
    await pg.query(`UPDATE certification.certificate SET status = 'ACTIVE', status_changed_at = issued_at WHERE status <> 'ACTIVE'`);
    await pg.query('TRUNCATE certification.revocation');
    await pg.query('VACUUM ANALYZE certification.certificate');
    await pg.query('CHECKPOINT');
    sys0 = systemTicks();
    self0 = process.cpuUsage();
    const base = await withMemory(async () => {
      await pg.query('BEGIN');
      const expiring = await pg.query(
        `UPDATE certification.certificate SET status = 'EXPIRING', status_changed_at = $1
        WHERE status = 'ACTIVE' AND valid_to > $1 AND valid_to <= $1::timestamptz + interval '90 days'`,
        [asOf],
      );
      const expired = await pg.query(
        `UPDATE certification.certificate SET status = 'EXPIRED', status_changed_at = $1
        WHERE status IN ('ACTIVE','EXPIRING') AND valid_to <= $1`,
        [asOf],
      );
      const requested = await pg.query(
        `INSERT INTO certification.revocation (id, certificate_id, source, reason_code, details, status, requested_by, requested_at)
        SELECT gen_random_uuid(), id, 'EXPIRY', 'NOT_REEVALUATED', 'Không thực hiện đánh giá lại khi Giấy chứng nhận hết hiệu lực', 'REQUESTED', 'system', $1
        FROM certification.certificate WHERE status = 'EXPIRED' AND superseded_by_id IS NULL AND valid_to <= $1`,
        [asOf],
      );
      await pg.query('COMMIT');
      return { expiring: expiring.rowCount ?? 0, expired: expired.rowCount ?? 0, requested: requested.rowCount ?? 0 };
    });
    const baseCpu = cpuSince(base.ms);
    check(
      'baseline changed other rows than the sweep',
      base.result.expiring === expected.expiring && base.result.expired === expected.expired && base.result.requested === expected.expired,
      { base: base.result, expected },
    );

    const ratio = first.ms / base.ms;
    const line = (name: string, v: string) => console.log(`${name.padEnd(52)} ${v}`);
    console.log('');
    line(
      '(a) first sweep, wall time',
      `${secs(first.ms)} s  (notices ${secs(firstSteps.notices!)} s, expire ${secs(firstSteps.expire!)} s, revocation requests ${secs(firstSteps.requestRevocations!)} s` +
        `${cfg.bench.analyze ? ` incl. ANALYZE ${secs(firstAnalyzeMs)} s` : ', no ANALYZE'})`,
    );
    line('    certificates touched (EXPIRING + EXPIRED)', `${fmt(touched)}  → ${fmt(touched / (first.ms / 1000))} certificates/s`);
    line(
      '    rows written (all tables)',
      `${fmt(rowsWritten)}  → ${fmt(rowsWritten / (first.ms / 1000))} rows/s in ${r1.chunks} chunks of ≤ ${config.sweepChunkSize}`,
    );
    line(
      '    notices sent 90 / 60 / 30, recorded unsent',
      `${fmt(r1.noticesSent['90']!)} / ${fmt(r1.noticesSent['60']!)} / ${fmt(r1.noticesSent['30']!)}, ${fmt(r1.noticesSkipped)}`,
    );
    line(
      '    marked EXPIRING / EXPIRED / revocation requests',
      `${fmt(r1.markedExpiring)} / ${fmt(r1.expired)} / ${fmt(r1.revocationRequests)}`,
    );
    line(
      '    outbox events / audit rows / producer messages',
      `${fmt(d.outbox)} / ${fmt(d.audit_log)} / ${fmt(d.notification)}  (unpublished ${fmt(after.unpublished)})`,
    );
    line(
      '    heap growth (peak) / retained after GC / RSS growth',
      `${mb(first.heapGrowth)} MB / ${mb(first.heapRetained)} MB / ${mb(first.rssGrowth)} MB`,
    );
    line('    cpu (cores in use)', cpuText(firstCpu));
    line(
      '(b) same sweep again, wall time',
      `${secs(second.ms)} s  (notices ${secs(secondSteps.notices!)} s, expire ${secs(secondSteps.expire!)} s, revocation requests ${secs(secondSteps.requestRevocations!)} s)`,
    );
    line(
      '    changes',
      `${r2.markedExpiring + r2.expired + r2.revocationRequests + r2.noticesSkipped + Object.values(r2.noticesSent).reduce((a, b) => a + b, 0)} (rows added: ${Object.values(again).reduce((a, b) => a + Math.abs(b), 0)}; ${r2.chunks} chunks read)`,
    );
    line(
      '(c) baseline: 2 UPDATEs + INSERT … SELECT, one tx',
      `${secs(base.ms)} s  (${fmt(base.result.expiring)} + ${fmt(base.result.expired)} updated, ${fmt(base.result.requested)} requests)`,
    );
    line('    cpu (cores in use)', cpuText(baseCpu));
    line('ratio first sweep / baseline', ratio.toFixed(1));
    line('relay wake-ups refused during the two sweeps', `${fmt(relayRefused / 100)} claims of 100`);
    console.log(
      JSON.stringify({
        certificates: N,
        expiredMonths: EXPIRED_MONTHS,
        asOf: asOf.toISOString(),
        insertMs,
        vacuumMs,
        chunkSize: config.sweepChunkSize,
        analyzeMs: Math.round(firstAnalyzeMs),
        first: {
          ms: Math.round(first.ms),
          steps: Object.fromEntries(Object.entries(firstSteps).map(([k, v]) => [k, Math.round(v)])),
          report: r1,
          rows: d,
          heapGrowthMb: mb(first.heapGrowth),
          heapRetainedMb: mb(first.heapRetained),
          rssGrowthMb: mb(first.rssGrowth),
          cpu: firstCpu,
        },
        second: {
          ms: Math.round(second.ms),
          steps: Object.fromEntries(Object.entries(secondSteps).map(([k, v]) => [k, Math.round(v)])),
          report: r2,
        },
        baseline: { ms: Math.round(base.ms), ...base.result, cpu: baseCpu },
        ratio: +ratio.toFixed(1),
      }),
    );
  } finally {
    await pg.end();
    await app.close();
    await dropDatabase(cfg.infra.databaseUrl, dbName);
    await removeBenchInfra({ natsUrl: cfg.infra.natsUrl, stream, redisUrl: cfg.infra.redisUrl, redisPrefix: id });
  }
}

main().catch((err: Error) => {
  console.error(err);
  process.exit(1);
});
