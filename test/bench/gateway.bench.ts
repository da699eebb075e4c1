/**
 * npm run bench:gateway — an authenticated command end to end (HTTP → gateway → NATS → registration
 * → PostgreSQL transaction with audit + outbox → reply): p50/p99 at a steady 200 requests/s, then the
 * maximum throughput. Both services run as their own processes from the build, as in production; the
 * load generator (autocannon) runs in this process. A bare GET /health/live of the same gateway is
 * measured in the same run as the HTTP-only baseline.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import autocannon from 'autocannon';
import { DEMO } from '@ocop/contracts';
import { adminQuery, dropDatabase, withDatabase } from '@ocop/testing';
import { loadToolConfig } from '../../tools/config';

const root = resolve(__dirname, '..', '..');
const config = loadToolConfig();
const DURATION = config.bench.seconds;
const GW = 3900,
  REG = 3901;

/** BENCH_PROFILE_DIR: each service writes a CPU profile of the maximum-throughput phase there (tools/cpu-profile.js). */
const PROFILE_DIR = process.env.BENCH_PROFILE_DIR;

function startService(name: string, port: number, env: Record<string, string>): ChildProcess {
  const profiling = PROFILE_DIR ? ['-r', './tools/cpu-profile.js'] : [];
  const child = spawn(process.execPath, [...profiling, '-r', './tools/paths.js', `dist/services/${name}/src/main.js`], {
    cwd: root,
    env: { ...config.env, ...env, HTTP_PORT: String(port), OCOP_CPU_PROFILE_DIR: PROFILE_DIR ?? '', OCOP_CPU_PROFILE_NAME: name },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return child;
}

async function waitReady(port: number): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health/ready`)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`service on ${port} not ready`);
}

function run(o: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((res, rej) => autocannon(o, (err, result) => (err ? rej(err) : res(result))));
}

async function main(): Promise<void> {
  const urls = config.infra;
  const build = spawnSync(process.execPath, [resolve(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('build failed');
  const db = `ocop_bench_gw_${process.pid}`;
  await adminQuery(urls.databaseUrl, `CREATE DATABASE "${db}"`);
  const env = {
    OCOP_MODE: 'development',
    OCOP_DEMO_DATA: 'true',
    DATABASE_URL: withDatabase(urls.databaseUrl, db),
    NATS_URL: urls.natsUrl,
    REDIS_URL: urls.redisUrl,
    OCOP_SUBJECT_PREFIX: `bench${process.pid}`,
    OCOP_STREAM: `BENCH${process.pid}_EVENTS`,
    LOG_LEVEL: 'warn',
    REDIS_PREFIX: `bench${process.pid}`,
  };
  const children = [startService('registration', REG, env)];
  await waitReady(REG);
  children.push(startService('gateway', GW, env));
  try {
    await waitReady(GW);
    const login = await fetch(`http://127.0.0.1:${GW}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'commune.officer', password: DEMO.password }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    let n = 0;
    const command = (): autocannon.Request => ({
      method: 'POST',
      path: '/api/producers',
      setupRequest: (req) => ({
        ...req,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
        body: JSON.stringify({
          type: 'ENTERPRISE',
          name: `Công ty ${n}`,
          businessRegistrationNumber: `28${String(process.pid % 100).padStart(2, '0')}${String(n++).padStart(6, '0')}`,
          representativeName: 'Nguyễn Văn A',
          phone: '0912345678',
          address: 'Thôn 1',
          communeCode: DEMO.communeCode,
          womanLed: false,
          ethnicMinority: false,
        }),
      }),
    });
    const base = { url: `http://127.0.0.1:${GW}`, duration: DURATION };
    await run({ ...base, duration: 3, connections: 10, requests: [command()] }); // warm-up
    const steady = await run({ ...base, connections: 20, overallRate: 200, requests: [command()] });
    const profile = () => PROFILE_DIR && children.forEach((c) => c.kill('SIGUSR2'));
    profile(); // starts
    const max = await run({ ...base, connections: 50, requests: [command()] });
    profile(); // writes
    const bare = await run({ ...base, connections: 50, requests: [{ method: 'GET', path: '/health/live' }] });
    const line = (name: string, r: autocannon.Result) =>
      `${name.padEnd(44)} ${r.requests.average.toFixed(0).padStart(6)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  non-2xx ${r.non2xx}  errors ${r.errors}`;
    console.log(`\nbench:gateway  ${DURATION}s per phase, autocannon in-process, services as separate processes`);
    console.log(line('POST /api/producers at a steady 200 req/s', steady));
    console.log(line('POST /api/producers, max (50 connections)', max));
    console.log(line('GET /health/live (HTTP-only baseline)', bare));
    console.log(`ratio command max / bare HTTP: ${(max.requests.average / bare.requests.average).toFixed(3)}`);
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 2000));
    await dropDatabase(urls.databaseUrl, db);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
