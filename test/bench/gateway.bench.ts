/**
 * npm run bench:gateway — an authenticated command end to end (HTTP → gateway → NATS → registration → PostgreSQL
 * transaction with audit + outbox → reply) and a list query through the bus (`GET /api/units`), each against its
 * **raw path** measured in the same run (test/bench/support/raw-path.ts: a bare Fastify handler doing one NATS request
 * to a bare responder that runs the same inserts in one transaction, or the same SELECT), and `GET /health/live`
 * (every hook, guard and header of the gateway) against a bare Nest-on-Fastify hello world. Phases: the command at a
 * steady 200 requests/s (open loop, arrivals evenly spaced; p50/p99), the command at its maximum (50 connections), the list with 10 connections, the
 * probe with 50. The platform's services and the raw path run as their own processes from the build, as in
 * production; the load generator (autocannon) runs in this process. BENCH_PROFILE_DIR: CPU profiles of the services
 * during the command maximum (tools/cpu-profile.js, tools/profile-summary.js).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { DEMO } from '@ocop/contracts';
import { loadToolConfig } from '../../tools/config';
import { benchPlatformEnv, buildDist, root, startService, stopAll, waitReady } from './support/services';

const config = loadToolConfig();
const DURATION = config.bench.seconds;
const GW = 3900,
  REG = 3901,
  RAW = 3902; // and RAW + 1: the bare Nest hello world

/** BENCH_PROFILE_DIR: each service writes a CPU profile of the maximum-throughput phase there (tools/cpu-profile.js). */
const PROFILE_DIR = config.bench.profileDir;

function startRaw(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['tools/run-node.js', 'test/bench/support/raw-path.ts', ...args], {
    cwd: root,
    env: { ...config.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
}

interface SteadyResult {
  sent: number;
  non2xx: number;
  errors: number;
  p50: number;
  p99: number;
}

/**
 * An open-loop load at a steady rate: one request every 1000/rate ms (arrivals spread evenly, whatever the answers'
 * speed), over a keep-alive pool, latencies from send to the end of the answer. autocannon's `overallRate` is not
 * steady: each connection sends its share of a second's requests back to back at the start of that second, so its
 * latencies are those of a burst at full concurrency.
 */
async function steady(
  base: string,
  rate: number,
  seconds: number,
  next: () => { method: string; path: string; headers: Record<string, string>; body?: string },
): Promise<SteadyResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const url = new URL(base);
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  const inflight = new Set<Promise<void>>();
  const one = () =>
    new Promise<void>((done) => {
      const r = next();
      const t0 = process.hrtime.bigint();
      const headers = r.body === undefined ? r.headers : { ...r.headers, 'content-length': String(Buffer.byteLength(r.body)) };
      const req = http.request({ host: url.hostname, port: url.port, agent, method: r.method, path: r.path, headers }, (res) => {
        res.on('data', () => undefined);
        res.on('end', () => {
          latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
          if (res.statusCode! < 200 || res.statusCode! >= 300) non2xx++;
          done();
        });
      });
      req.on('error', () => {
        errors++;
        done();
      });
      req.end(r.body);
    });
  const total = rate * seconds;
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const p = one().finally(() => inflight.delete(p));
    inflight.add(p);
  }
  await Promise.all(inflight);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Number((latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN).toFixed(1));
  return { sent: total, non2xx, errors, p50: at(0.5), p99: at(0.99) };
}

function run(o: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((res, rej) => autocannon(o, (err, result) => (err ? rej(err) : res(result))));
}

async function main(): Promise<void> {
  buildDist();
  const bench = await benchPlatformEnv(config.infra, `bgw${process.pid}`);
  const { env } = bench;
  const children = [startService('registration', REG, env, { profile: true })];
  await waitReady(REG, children[0]);
  children.push(startService('gateway', GW, env, { profile: true }));
  const rawPrefix = `raw${process.pid}`;
  const raw = [startRaw(['responder', rawPrefix], env), startRaw(['http', String(RAW), rawPrefix], env)];
  try {
    await waitReady(GW, children[1]);
    await waitReady(RAW + 1, raw[1], '/hello');
    await new Promise((r) => raw[0]!.once('message', r)); // the responder subscribed
    const login = await fetch(`http://127.0.0.1:${GW}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'commune.officer', password: DEMO.password }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const auth = { authorization: `Bearer ${accessToken}` };
    let n = 0;
    const producer = () =>
      JSON.stringify({
        type: 'ENTERPRISE',
        name: `Công ty ${n}`,
        businessRegistrationNumber: `28${String(process.pid % 100).padStart(2, '0')}${String(n++).padStart(6, '0')}`,
        representativeName: 'Nguyễn Văn A',
        phone: '0912345678',
        address: 'Thôn 1',
        communeCode: DEMO.communeCode,
        womanLed: false,
        ethnicMinority: false,
      });
    const headers = { 'content-type': 'application/json', ...auth };
    const command = (path: string): autocannon.Request => ({
      method: 'POST',
      path,
      setupRequest: (req) => ({ ...req, headers, body: producer() }),
    });
    const steadyCommand = (path: string) => () => ({ method: 'POST', path, headers, body: producer() });
    const gw = { url: `http://127.0.0.1:${GW}`, duration: DURATION };
    const bare = { url: `http://127.0.0.1:${RAW}`, duration: DURATION };
    const nest = { url: `http://127.0.0.1:${RAW + 1}`, duration: DURATION };
    await run({ ...gw, duration: 3, connections: 10, requests: [command('/api/producers')] }); // warm-up
    await run({ ...bare, duration: 3, connections: 10, requests: [command('/raw/producers')] });
    const atRate = await steady(gw.url, 200, DURATION, steadyCommand('/api/producers'));
    const atRateRaw = await steady(bare.url, 200, DURATION, steadyCommand('/raw/producers'));
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
    const steadyLine = (name: string, r: SteadyResult) =>
      `${name.padEnd(48)} ${String(r.sent).padStart(6)} sent   p50 ${r.p50} ms  p99 ${r.p99} ms  non-2xx ${r.non2xx}  errors ${r.errors}`;
    console.log(steadyLine('POST /api/producers, steady 200 req/s (open loop)', atRate));
    console.log(steadyLine('  raw path, steady 200 req/s (open loop)', atRateRaw));
    console.log(line('POST /api/producers, max (50 connections)', max));
    console.log(line('  raw path, max (50 connections)', maxRaw));
    console.log(line('GET /api/units (10 connections)', units));
    console.log(line('  raw path, same SELECT (10 connections)', unitsRaw));
    console.log(line('GET /health/live (50 connections)', live));
    console.log(line('  bare Nest-on-Fastify hello world', hello));
    console.log(`steady p50 command / raw: ${(atRate.p50 / atRateRaw.p50).toFixed(2)}`);
    console.log(`ratio command max / raw path: ${ratio(max, maxRaw)}`);
    console.log(`ratio units / raw path: ${ratio(units, unitsRaw)}`);
    console.log(`ratio /health/live / Nest hello world: ${ratio(live, hello)}`);
  } finally {
    await stopAll([...children, ...raw]);
    await bench.remove();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
