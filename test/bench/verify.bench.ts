/**
 * npm run bench:verify — public verification of certificates: GET /api/public/certificates/{code} (JSON) and
 * GET /verify/{code} (the HTML page behind the QR code) over random codes among BENCH_CERTIFICATES
 * certificates (default 100,000) inserted by SQL into a fresh database. As gateway.bench.ts does, the project
 * is built and certification and the gateway run as separate processes from dist/ (the load generator,
 * autocannon with 100 connections, runs in this process). The gateway answers from its VerificationCache,
 * filled by one pass over every code first; a second gateway with verifyCacheTtlMs = 0 shows the cold path
 * (NATS request to certification, a PostgreSQL query per request). Baseline in the same run: a bare Fastify
 * process answering the same URLs from an in-memory Map of the same records (support/bare-verify-server.ts), and, for
 * the cold path, the same process doing one PostgreSQL lookup by code per request.
 * BENCH_SECONDS per measured phase (default 15).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { loadToolConfig } from '../../tools/config';
import { dayMonthsFrom, insertBenchCertificates } from './support/certificates';
import { cpuSeconds, cpuText, systemCpu, systemTicks } from './support/cpu';
import { benchPlatformEnv, buildDist, root, startService, stopAll, waitReady } from './support/services';

const config = loadToolConfig();
const DURATION = config.bench.seconds;
const N = config.bench.certificates ?? 100_000;
const CONNECTIONS = 100;
const GW = 3920,
  GW_COLD = 3921,
  CERT = 3922,
  BARE = 3923;

function run(o: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((res, rej) => autocannon(o, (err, result) => (err ? rej(err) : res(result))));
}

interface Phase {
  name: string;
  result: autocannon.Result;
  cpu: Record<string, number>;
}

async function main(): Promise<void> {
  buildDist();
  const id = `bv${process.pid}`;
  const bench = await benchPlatformEnv(config.infra, id, { OCOP_DEMO_DATA: 'false', JOBS_SCHEDULER_OWNER: 'false' });
  const { env, databaseUrl } = bench;
  const children: Record<string, ChildProcess> = {};
  const pg = new Client({ connectionString: databaseUrl });
  try {
    children.certification = startService('certification', CERT, env);
    await waitReady(CERT, children.certification);
    await pg.connect();
    let t = Date.now();
    // End dates spread over 36 months from a month ago: a few are past their end (shown EXPIRED), some EXPIRING.
    await insertBenchCertificates((sql, params) => pg.query(sql, params), {
      count: N,
      decisionId: randomUUID(),
      firstValidTo: dayMonthsFrom(new Date(), -1),
      spanMonths: 36,
    });
    await pg.query('VACUUM ANALYZE certification.certificate');
    const insertMs = Date.now() - t;
    const codes = (await pg.query<{ code: string }>('SELECT code FROM certification.certificate ORDER BY random()')).rows.map(
      (r) => r.code,
    );

    children.gateway = startService('gateway', GW, env);
    await waitReady(GW, children.gateway);
    children.gatewayCold = startService('gateway', GW_COLD, { ...env, VERIFY_CACHE_TTL_MS: '0' });
    await waitReady(GW_COLD, children.gatewayCold);
    t = Date.now();
    children.bare = spawn(process.execPath, ['tools/run-node.js', 'test/bench/support/bare-verify-server.ts'], {
      cwd: root,
      env: { ...config.env, DATABASE_URL: databaseUrl, PORT: String(BARE) },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await waitReady(BARE, children.bare);
    const bareLoadMs = Date.now() - t;

    // The same answers from the gateway and the bare server (checkedAt aside).
    for (const code of codes.slice(0, 5)) {
      const [a, b] = await Promise.all(
        [GW, BARE].map(
          async (port) =>
            (await (await fetch(`http://127.0.0.1:${port}/api/public/certificates/${code}`)).json()) as Record<string, unknown>,
        ),
      );
      const [pa, pb] = await Promise.all([GW, BARE].map(async (port) => (await fetch(`http://127.0.0.1:${port}/verify/${code}`)).text()));
      if (JSON.stringify({ ...a, checkedAt: 0 }) !== JSON.stringify({ ...b, checkedAt: 0 }) || pa !== pb)
        throw new Error(`gateway and bare server differ for ${code}`);
    }

    const random = (prefix: string): autocannon.Request[] => [
      {
        method: 'GET',
        setupRequest: (req) => ({ ...req, path: `${prefix}${codes[Math.floor(Math.random() * codes.length)]}` }),
      },
    ];
    const pids = {
      gateway: children.gateway.pid,
      gatewayCold: children.gatewayCold.pid,
      certification: children.certification.pid,
      bare: children.bare.pid,
    };
    const phases: Phase[] = [];
    const measure = async (name: string, port: number, prefix: string, o: { warmup?: number; amount?: number } = {}) => {
      if (o.warmup) await run({ url: `http://127.0.0.1:${port}`, connections: CONNECTIONS, duration: o.warmup, requests: random(prefix) });
      const cpu0 = Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, cpuSeconds(pid)]));
      const self0 = process.cpuUsage();
      const sys0 = systemTicks();
      let next = 0;
      const result = await run({
        url: `http://127.0.0.1:${port}`,
        connections: CONNECTIONS,
        ...(o.amount ? { amount: o.amount } : { duration: DURATION }),
        requests: o.amount
          ? [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `${prefix}${codes[next++ % codes.length]}` }) }]
          : random(prefix),
      });
      const self = process.cpuUsage(self0);
      const cpu = Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, (cpuSeconds(pid) - cpu0[k]!) / result.duration]));
      cpu.autocannon = (self.user + self.system) / 1e6 / result.duration;
      Object.assign(cpu, systemCpu(sys0, systemTicks(), result.duration));
      phases.push({ name, result, cpu });
      return result;
    };

    const api = '/api/public/certificates/';
    const fill = await measure(`fill: every code once (all misses), JSON`, GW, api, { amount: codes.length });
    const warmJson = await measure('gateway, cache warm, JSON', GW, api, { warmup: 3 });
    const bareJson = await measure('bare Fastify + Map, JSON (baseline)', BARE, api, { warmup: 3 });
    const warmHtml = await measure('gateway, cache warm, HTML /verify', GW, '/verify/', { warmup: 3 });
    const bareHtml = await measure('bare Fastify + Map, HTML /verify (baseline)', BARE, '/verify/', { warmup: 3 });
    const coldJson = await measure('gateway, cache TTL 0 (cold), JSON', GW_COLD, api, { warmup: 3 });
    const coldHtml = await measure('gateway, cache TTL 0 (cold), HTML /verify', GW_COLD, '/verify/', { warmup: 3 });
    const barePg = await measure('bare Fastify + PostgreSQL lookup (baseline)', BARE, '/pk/', { warmup: 3 });

    const line = (p: Phase) =>
      `${p.name.padEnd(46)} ${p.result.requests.average.toFixed(0).padStart(6)} req/s  p50 ${p.result.latency.p50} ms  p99 ${p.result.latency.p99} ms  ` +
      `non-2xx ${p.result.non2xx}  errors ${p.result.errors}  ${(p.result.throughput.average / p.result.requests.average).toFixed(0)} B/resp  cpu: ${cpuText(p.cpu)}`;
    console.log(
      `\nbench:verify  ${N.toLocaleString('en-US')} certificates (inserted + VACUUM ANALYZE in ${(insertMs / 1000).toFixed(1)} s; bare server loaded its Map in ${(bareLoadMs / 1000).toFixed(1)} s), ` +
        `${CONNECTIONS} connections, ${DURATION} s per phase after a 3 s warm-up, random codes; services as separate processes from dist/, autocannon in-process`,
    );
    for (const p of phases) console.log(line(p));
    console.log(`fill pass: ${fill.requests.total} requests in ${fill.duration.toFixed(1)} s`);
    const ratio = (a: autocannon.Result, b: autocannon.Result) => (a.requests.average / b.requests.average).toFixed(3);
    console.log(`ratio gateway warm / bare, JSON: ${ratio(warmJson, bareJson)}   HTML: ${ratio(warmHtml, bareHtml)}`);
    console.log(`ratio gateway cold / bare Fastify + PostgreSQL lookup, JSON: ${ratio(coldJson, barePg)}`);
    console.log(
      `ratio gateway warm / cold (what the cache buys), JSON: ${(warmJson.requests.average / coldJson.requests.average).toFixed(1)}×   HTML: ${(warmHtml.requests.average / coldHtml.requests.average).toFixed(1)}×`,
    );
    const bad = phases.filter((p) => p.result.non2xx || p.result.errors || p.result.timeouts);
    if (bad.length) throw new Error(`non-2xx, errors or timeouts in: ${bad.map((p) => p.name).join('; ')}`);
  } finally {
    await pg.end().catch(() => undefined);
    await stopAll(Object.values(children));
    await bench.remove();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
