import { resolveLogFormat, type LogFormat } from '@ocop/observability';
import { infraUrlsFromEnv, withDatabase, type InfraUrls } from '@ocop/testing';

/**
 * Everything the tools, benchmarks and test harness read from the environment, in one place
 * (services read theirs in services/<name>/src/config/).
 */
export interface ToolConfig {
  /** PostgreSQL, NATS and Redis as the test harness sees them (server URL on the `postgres` database). */
  infra: InfraUrls;
  /** The platform's own database for `npm start` (DATABASE_URL, or `ocop` on the same server). */
  platformDatabaseUrl: string;
  mode: string;
  /** The platform's subject prefix (OCOP_SUBJECT_PREFIX, default ocop), e.g. for `npm run nats:operator`. */
  subjectPrefix: string;
  /** The platform's event stream (OCOP_STREAM, default OCOP_EVENTS), where `npm run nats:operator` grants agencies their consumers. */
  eventStream: string;
  demoData: string;
  /** `npm start`: each service's HTTP port from <SERVICE>_PORT (GATEWAY_PORT, REGISTRATION_PORT, SCORING_PORT, CERTIFICATION_PORT, INSPECTION_PORT, TRADE_PROMOTION_PORT, TRAINING_PORT). */
  ports: Record<string, number | undefined>;
  /** `npm start`: the HTTP port of each demo agency's service that has one, by agency code, from AGENCY_<CODE>_PORT (AGENCY_SCT_PORT). */
  agencyPorts: Record<string, number | undefined>;
  /** `npm start`: the services' log format (LOG_FORMAT; unset: pretty when this terminal shows them, outside production). */
  logFormat: LogFormat;
  testLogLevel: string;
  /** E2E: every response a test platform gave is checked against the OpenAPI document when it stops (OCOP_CHECK_RESPONSES=false turns it off). */
  checkResponses: boolean;
  /** Chromium for browser tests (Debian's package by default). */
  chromiumPath: string;
  /** `npm start` outside production: the console's Vite dev server (CONSOLE_PORT, default 5173). */
  consolePort: number;
  /**
   * Benchmarks: events (BENCH_EVENTS), runs (BENCH_RUNS), seconds per phase (BENCH_SECONDS); certificates
   * (BENCH_CERTIFICATES, unset: each bench's own default) and, for bench:expiry, how many months of the
   * 36-month spread of end dates lie before the as-of instant (BENCH_EXPIRED_MONTHS, default 3) and whether
   * it refreshes planner statistics before the sweep's revocation pass (BENCH_ANALYZE, default true); where bench:gateway
   * writes the services' CPU profiles of its command maximum (BENCH_PROFILE_DIR, unset: no profiling); bench:cycle's
   * sizes in dossiers (BENCH_CYCLE_SIZES, default 1000,5000,20000) and requests it keeps in flight (BENCH_CONCURRENCY,
   * default 16).
   */
  bench: {
    events: number;
    runs: number;
    seconds: number;
    certificates?: number;
    expiredMonths: number;
    analyze: boolean;
    profileDir?: string;
    cycleSizes: number[];
    concurrency: number;
  };
  /** The whole environment, passed on to child processes as their base. */
  env: NodeJS.ProcessEnv;
}

export function loadToolConfig(env: NodeJS.ProcessEnv = process.env): ToolConfig {
  const infra = infraUrlsFromEnv({ ...env, DATABASE_URL: env.DATABASE_URL ? withDatabase(env.DATABASE_URL, 'postgres') : undefined });
  const mode = env.OCOP_MODE ?? 'development';
  const port = (name: string): number | undefined => {
    const v = env[`${name}_PORT`];
    if (v === undefined || v === '') return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1 || n > 65535) throw new Error(`${name}_PORT must be a port number (1–65535), not ${v}`);
    return n;
  };
  return {
    infra,
    platformDatabaseUrl: env.DATABASE_URL ?? withDatabase(infra.databaseUrl, 'ocop'),
    mode,
    subjectPrefix: env.OCOP_SUBJECT_PREFIX ?? 'ocop',
    eventStream: env.OCOP_STREAM ?? 'OCOP_EVENTS',
    demoData: env.OCOP_DEMO_DATA ?? (mode === 'production' ? 'false' : 'true'),
    ports: Object.fromEntries(
      ['gateway', 'registration', 'scoring', 'certification', 'inspection', 'trade-promotion', 'training', 'programme'].map((s) => [
        s,
        port(s.toUpperCase().replace('-', '_')),
      ]),
    ),
    agencyPorts: Object.fromEntries(['SCT'].map((code) => [code, port(`AGENCY_${code}`)])),
    logFormat: resolveLogFormat(env.LOG_FORMAT, mode === 'production'),
    testLogLevel: env.TEST_LOG_LEVEL ?? 'silent',
    checkResponses: env.OCOP_CHECK_RESPONSES !== 'false',
    chromiumPath: env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    consolePort: port('CONSOLE') ?? 5173,
    bench: {
      events: Number(env.BENCH_EVENTS ?? 5000),
      runs: Number(env.BENCH_RUNS ?? 3),
      seconds: Number(env.BENCH_SECONDS ?? 15),
      certificates: env.BENCH_CERTIFICATES ? Number(env.BENCH_CERTIFICATES) : undefined,
      expiredMonths: Number(env.BENCH_EXPIRED_MONTHS ?? 3),
      analyze: env.BENCH_ANALYZE !== 'false',
      profileDir: env.BENCH_PROFILE_DIR || undefined,
      cycleSizes: (env.BENCH_CYCLE_SIZES ?? '1000,5000,20000').split(',').map(Number),
      concurrency: Number(env.BENCH_CONCURRENCY ?? 16),
    },
    env,
  };
}
