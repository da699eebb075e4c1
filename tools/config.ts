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
  demoData: string;
  ports: Record<string, number | undefined>;
  testLogLevel: string;
  bench: { events: number; runs: number; seconds: number };
  /** The whole environment, passed on to child processes as their base. */
  env: NodeJS.ProcessEnv;
}

export function loadToolConfig(env: NodeJS.ProcessEnv = process.env): ToolConfig {
  const infra = infraUrlsFromEnv({ ...env, DATABASE_URL: env.DATABASE_URL ? withDatabase(env.DATABASE_URL, 'postgres') : undefined });
  const mode = env.OCOP_MODE ?? 'development';
  const port = (name: string) => (env[`${name}_PORT`] ? Number(env[`${name}_PORT`]) : undefined);
  return {
    infra,
    platformDatabaseUrl: env.DATABASE_URL ?? withDatabase(infra.databaseUrl, 'ocop'),
    mode,
    demoData: env.OCOP_DEMO_DATA ?? (mode === 'production' ? 'false' : 'true'),
    ports: { registration: port('REGISTRATION'), gateway: port('GATEWAY') },
    testLogLevel: env.TEST_LOG_LEVEL ?? 'silent',
    bench: { events: Number(env.BENCH_EVENTS ?? 5000), runs: Number(env.BENCH_RUNS ?? 3), seconds: Number(env.BENCH_SECONDS ?? 15) },
    env,
  };
}
