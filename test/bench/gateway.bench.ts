/**
 * npm run bench:gateway — an authenticated command end to end (HTTP → gateway → NATS → registration → PostgreSQL
 * transaction with audit + outbox → reply) and a list query through the bus (`GET /api/units`), each against its
 * **raw path** measured in the same run (test/bench/support/raw-path.ts: a bare Fastify handler doing one NATS request
 * to a bare responder that runs the same inserts in one transaction, or the same SELECT), and `GET /health/live`
 * (every hook, guard and header of the gateway) against a bare Nest-on-Fastify hello world. Phases: the command at a
 * steady 200 requests/s (p50/p99), the command at its maximum (50 connections), the list with 10 connections, the
 * probe with 50. The platform's services and the raw path run as their own processes from the build, as in
 * production; the load generator (autocannon) runs in this process. BENCH_PROFILE_DIR: CPU profiles of the services
 * during the command maximum (tools/cpu-profile.js, tools/profile-summary.js).
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
  REG = 3901,
  RAW = 3902; // and RAW + 1: the bare Nest hello world

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

function startRaw(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['tools/run-node.js', 'test/bench/support/raw-path.ts', ...args], {
    cwd: root,
    env: { ...config.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
}

async function waitReady(port: number, path = '/health/ready'): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}${path}`)).ok) return;
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
  const rawPrefix = `raw${process.pid}`;
  const raw = [startRaw(['responder', rawPrefix], env), startRaw(['http', String(RAW), rawPrefix], env)];
  try {
    await waitReady(GW);
    await waitReady(RAW + 1, '/hello');
    await new Promise((r) => raw[0]!.once('message', r)); // the responder subscribed
    const login = await fetch(`http://127.0.0.1:${GW}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'commune.officer', password: DEMO.password }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const auth = { authorization: `Bearer ${accessToken}` };
    let n = 0;
    const command = (path: string): autocannon.Request => ({
      method: 'POST',
      path,
      setupRequest: (req) => ({
        ...req,
        headers: { 'content-type': 'application/json', ...auth },
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
    const gw = { url: `http://127.0.0.1:${GW}`, duration: DURATION };
    const bare = { url: `http://127.0.0.1:${RAW}`, duration: DURATION };
    const nest = { url: `http://127.0.0.1:${RAW + 1}`, duration: DURATION };
    await run({ ...gw, duration: 3, connections: 10, requests: [command('/api/producers')] }); // warm-up
    await run({ ...bare, duration: 3, connections: 10, requests: [command('/raw/producers')] });
    const steady = await run({ ...gw, connections: 20, overallRate: 200, requests: [command('/api/producers')] });
    const steadyRaw = await run({ ...bare, connections: 20, overallRate: 200, requests: [command('/raw/producers')] });
    const profile = () => PROFILE_DIR && children.forEach((c) => c.kill('SIGUSR2'));
    profile(); // starts
    const max = await run({ ...gw, connections: 50, requests: [command('/api/producers')] });
    profile(); // writes
    const maxRaw = await run({ ...bare, connections: 50, requests: [command('/raw/producers')] });
    const units = await run({ ...gw, connections: 10, requests: [{ method: 'GET', path: '/api/units', headers: auth }] });
    const unitsRaw = await run({ ...bare, connections: 10, requests: [{ method: 'GET', path: '/raw/units' }] });
    const live = await run({ ...gw, connections: 50, requests: [{ method: 'GET', path: '/health/live' }] });
    const hello = await run({ ...nest, connections: 50, requests: [{ method: 'GET', path: '/hello' }] });
    const line = (name: string, r: autocannon.Result) =>
      `${name.padEnd(48)} ${r.requests.average.toFixed(0).padStart(6)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  non-2xx ${r.non2xx}  errors ${r.errors}`;
    const ratio = (a: autocannon.Result, b: autocannon.Result) => (a.requests.average / b.requests.average).toFixed(3);
    console.log(`\nbench:gateway  ${DURATION}s per phase, autocannon in-process, services and raw path as separate processes`);
    console.log(line('POST /api/producers at a steady 200 req/s', steady));
    console.log(line('  raw path at a steady 200 req/s', steadyRaw));
    console.log(line('POST /api/producers, max (50 connections)', max));
    console.log(line('  raw path, max (50 connections)', maxRaw));
    console.log(line('GET /api/units (10 connections)', units));
    console.log(line('  raw path, same SELECT (10 connections)', unitsRaw));
    console.log(line('GET /health/live (50 connections)', live));
    console.log(line('  bare Nest-on-Fastify hello world', hello));
    console.log(`steady p50 command / raw: ${(steady.latency.p50 / Math.max(steadyRaw.latency.p50, 0.001)).toFixed(2)}`);
    console.log(`ratio command max / raw path: ${ratio(max, maxRaw)}`);
    console.log(`ratio units / raw path: ${ratio(units, unitsRaw)}`);
    console.log(`ratio /health/live / Nest hello world: ${ratio(live, hello)}`);
  } finally {
    for (const c of [...children, ...raw]) c.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 2000));
    await dropDatabase(urls.databaseUrl, db);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
