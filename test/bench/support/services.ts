/**
 * The platform's services as the benches run them: built once (tsc -p tsconfig.build.json) and each started as its own
 * process from `dist/`, as in production, with the bench's own database, prefix, stream and Redis prefix.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { adminQuery, dropDatabase, withDatabase, type InfraUrls } from '@ocop/testing';
import { loadToolConfig } from '../../../tools/config';
import { removeBenchInfra } from './certificates';

export const root = resolve(__dirname, '..', '..', '..');
const config = loadToolConfig();

/** Compiles the services into `dist/` (what the benches start). */
export function buildDist(): void {
  const build = spawnSync(process.execPath, [resolve(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('build failed');
}

/**
 * One service from the build on `port`. `profile`: loaded with tools/cpu-profile.js, so SIGUSR2 starts and then writes
 * a CPU profile into OCOP_CPU_PROFILE_DIR (BENCH_PROFILE_DIR).
 */
export function startService(name: string, port: number, env: Record<string, string>, o: { profile?: boolean } = {}): ChildProcess {
  const profiling = o.profile && config.bench.profileDir ? ['-r', './tools/cpu-profile.js'] : [];
  return spawn(process.execPath, [...profiling, '-r', './tools/paths.js', `dist/services/${name}/src/main.js`], {
    cwd: root,
    env: {
      ...config.env,
      ...env,
      HTTP_PORT: String(port),
      ...(profiling.length ? { OCOP_CPU_PROFILE_DIR: config.bench.profileDir!, OCOP_CPU_PROFILE_NAME: name } : {}),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** Waits until `path` on the port answers 2xx; fails at once when the process has exited. */
export async function waitReady(port: number, child?: ChildProcess, path = '/health/ready'): Promise<void> {
  for (let i = 0; i < 240; i++) {
    if (child && child.exitCode !== null) throw new Error(`process for port ${port} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}${path}`)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`service on ${port} not ready`);
}

export interface BenchPlatformEnv {
  /** The environment every service of this bench platform starts with. */
  env: Record<string, string>;
  databaseUrl: string;
  /** Drops the database, the stream and the Redis keys. */
  remove(): Promise<void>;
}

/** A fresh database and the names of a stream and prefixes, all derived from `id` (lowercase letters and digits). */
export async function benchPlatformEnv(urls: InfraUrls, id: string, extra: Record<string, string> = {}): Promise<BenchPlatformEnv> {
  const db = `ocop_bench_${id}`;
  const databaseUrl = withDatabase(urls.databaseUrl, db);
  const stream = `${id.toUpperCase()}_EVENTS`;
  await adminQuery(urls.databaseUrl, `CREATE DATABASE "${db}"`);
  return {
    databaseUrl,
    env: {
      OCOP_MODE: 'development',
      OCOP_DEMO_DATA: 'true',
      DATABASE_URL: databaseUrl,
      NATS_URL: urls.natsUrl,
      REDIS_URL: urls.redisUrl,
      OCOP_SUBJECT_PREFIX: id,
      OCOP_STREAM: stream,
      LOG_LEVEL: 'warn',
      REDIS_PREFIX: id,
      ...extra,
    },
    async remove() {
      await dropDatabase(urls.databaseUrl, db);
      await removeBenchInfra({ natsUrl: urls.natsUrl, stream, redisUrl: urls.redisUrl, redisPrefix: id });
    },
  };
}

/** Sends SIGTERM to every child and gives them two seconds to drain. */
export async function stopAll(children: (ChildProcess | undefined)[]): Promise<void> {
  for (const c of children) c?.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 2000));
}
