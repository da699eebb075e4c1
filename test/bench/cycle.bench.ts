/**
 * npm run bench:cycle — a province year end to end, over HTTP and the bus, at several sizes (BENCH_CYCLE_SIZES,
 * default 1000,5000,20000 dossiers), each on a fresh platform: every service started from the build as separate
 * processes (as in production), with their own database, stream and prefixes.
 *
 * The year, driven through time with X-As-Of (filed February–May 2024, scored June–November 2024):
 * 1. filing: the commune officer registers a producer and its product, files a NEW dossier, uploads its four
 *    documents, submits, accepts and proposes it (10 requests a dossier, BENCH_CONCURRENCY dossiers at a time);
 * 2. the bus brings every proposed dossier to scoring as a district evaluation awaiting a session;
 * 3. the district council (five scoring members and a secretary) meets in sessions of 50 dossiers: the secretary opens
 *    the session, sets its agenda and attendance, each member submits a sheet per dossier (62 points: 3★ at the
 *    district under 148/QĐ-TTg), the secretary closes it;
 * 4. the bus brings each CERTIFY outcome to certification, which issues the certificate;
 * 5. each certificate is opened on its public page (/verify/{code}, the QR's target), which must show it.
 *
 * Reported: seconds per phase and per 1,000 dossiers at each size, the ratio of each size's seconds per 1,000 to the
 * smallest size's (the baseline of the same run), the exponent b of a least-squares fit t = a·n^b, and the cores each
 * service, the bench's own client and PostgreSQL, NATS and Redis used on average over the year. Correctness is checked, not assumed: every request
 * answers 2xx, every dossier gets exactly one certificate, every page shows its certificate's number.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEMO } from '@ocop/contracts';
import { loadToolConfig } from '../../tools/config';
import { councilUsers, newProducer, proposedDossier, sheetWithTotal, treeFor, type CouncilUser } from '../support/scoring';
import { cpuSeconds, cpuText, systemCpu, systemTicks } from './support/cpu';
import { remoteClient } from './support/remote-client';
import { benchPlatformEnv, buildDist, startService, stopAll, waitReady } from './support/services';

const config = loadToolConfig();
const SIZES = config.bench.cycleSizes;
const CONCURRENCY = config.bench.concurrency;
const SESSION_SIZE = 50;
const SERVICES = ['registration', 'scoring', 'certification', 'inspection', 'trade-promotion', 'training', 'programme', 'gateway'] as const;
const PORT = 3930; // + the service's index
const DAY = 86_400_000;
const FILING_FROM = Date.parse('2024-02-01T01:00:00Z');
const FILING_DAYS = 120;
const SESSIONS_FROM = Date.parse('2024-06-03T01:30:00Z');
const SESSION_DAYS = 180;

/** Runs `fn` over `items`, `concurrency` at a time; the first failure stops the rest and is thrown. */
async function pool<T>(items: T[], concurrency: number, fn: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failed: unknown;
  const worker = async () => {
    while (failed === undefined && next < items.length) {
      const i = next++;
      try {
        await fn(items[i]!, i);
      } catch (err) {
        failed ??= err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  if (failed !== undefined) throw failed;
}

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const iso = (ms: number) => new Date(ms).toISOString();

interface YearResult {
  n: number;
  phases: Record<string, { seconds: number; cpu: Record<string, number> }>;
  seconds: number;
  requests: number;
  cpu: Record<string, number>;
}

async function year(n: number): Promise<YearResult> {
  const id = `bcy${process.pid}n${n}`;
  const storage = await mkdtemp(join(tmpdir(), 'ocop-bench-cycle-'));
  const bench = await benchPlatformEnv(config.infra, id, {
    ALLOW_PROVISIONAL_CERTIFICATION: 'true', // the shipped 148 catalogue is PROVISIONAL
    LOGIN_RATE_LIMIT: '1000',
    STORAGE_DIR: storage,
  });
  const children: Partial<Record<(typeof SERVICES)[number], ChildProcess>> = {};
  try {
    for (const [i, name] of SERVICES.entries()) {
      children[name] = startService(name, PORT + i, bench.env, { profile: true });
      await waitReady(PORT + i, children[name]);
    }
    const base = remoteClient(`http://127.0.0.1:${PORT + SERVICES.indexOf('gateway')}`);
    let requests = 0;
    const p: typeof base = {
      login: base.login,
      async http(method, url, o) {
        requests++;
        const res = await base.http(method, url, o);
        if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
        return res;
      },
    };

    // Before the year: the district's council (five who score and a secretary), as the admin and the district set it up.
    const admin = await p.login('admin');
    const officer = await p.login('commune.officer');
    const district = await p.login('district.officer');
    const names = ['Lê Văn Hùng', 'Trịnh Thị Mai', 'Đỗ Văn Nam', 'Hoàng Thị Oanh', 'Vũ Văn Phúc', 'Nguyễn Thị Quỳnh'];
    const users = await councilUsers(p, admin, `hd${n}`, names);
    const roles = ['CHAIR', 'VICE_CHAIR', 'MEMBER', 'MEMBER', 'MEMBER', 'SECRETARY'];
    const council = await p.http('POST', '/api/scoring/councils', {
      token: district,
      headers: { 'x-as-of': iso(FILING_FROM - DAY) },
      body: {
        name: 'Hội đồng đánh giá, phân hạng sản phẩm OCOP thành phố Thanh Hóa năm 2024',
        tier: 'DISTRICT',
        unitCode: DEMO.districtCode,
        authorityName: 'UBND thành phố Thanh Hóa',
        placeName: 'Thanh Hóa',
        quorum: 5,
        members: users.map((u, i) => ({ userId: u.userId, fullName: u.fullName, agency: 'Phòng Kinh tế', role: roles[i] })),
      },
    });
    const memberIds = (council.body.members as { id: string; userId: string; role: string }[])
      .filter((m) => m.role !== 'SECRETARY')
      .map((m) => m.id);
    const voting = users.slice(0, 5) as CouncilUser[];
    const secretary = users[5]!;
    const sheet = sheetWithTotal(await treeFor(p, admin, '148', '08'), 62);

    const phases: Record<string, { seconds: number; cpu: Record<string, number> }> = {};
    const sample = () => ({
      at: performance.now(),
      services: Object.fromEntries(SERVICES.map((name) => [name, cpuSeconds(children[name]!.pid)])),
      system: systemTicks(),
      self: process.cpuUsage(),
    });
    /** Cores each process used on average since `from`. */
    const coresSince = (from: ReturnType<typeof sample>, to: ReturnType<typeof sample>) => {
      const seconds = (to.at - from.at) / 1000;
      const self = process.cpuUsage(from.self);
      return {
        ...Object.fromEntries(SERVICES.map((name) => [name, (to.services[name]! - from.services[name]!) / seconds])),
        'bench client': (self.user + self.system) / 1e6 / seconds,
        ...systemCpu(from.system, to.system, seconds),
      };
    };
    const start = sample();
    let last = start;
    const lap = (name: string) => {
      const now = sample();
      phases[name] = { seconds: (now.at - last.at) / 1000, cpu: coresSince(last, now) };
      last = now;
    };
    /** BENCH_PROFILE_DIR: a CPU profile of each service over the year (tools/cpu-profile.js). */
    const profile = () => config.bench.profileDir && Object.values(children).forEach((c) => c.kill('SIGUSR2'));

    profile();
    // 1. Filing.
    await pool(
      Array.from({ length: n }, (_, i) => i),
      CONCURRENCY,
      async (i) => {
        const asOf = iso(FILING_FROM + Math.floor((i * FILING_DAYS * DAY) / n));
        const producerId = await newProducer(p, officer, `Hợp tác xã Nông sản số ${i + 1}`, { asOf });
        await proposedDossier(p, officer, producerId, `Mật ong rừng số ${i + 1}`, { asOf, productSetCode: '08' });
      },
    );
    lap('filing');

    // 2. Every dossier reaches scoring.
    const awaiting = (limit: number, offset = 0) =>
      p.http('GET', `/api/scoring/evaluations?tier=DISTRICT&status=AWAITING_SESSION&limit=${limit}&offset=${offset}`, {
        token: district,
      });
    await until(`${n} evaluations in scoring`, 600_000, async () => ((await awaiting(1, n - 1)).body.length ? true : undefined));
    lap('to scoring');

    // 3. Council sessions.
    const sessions = Math.ceil(n / SESSION_SIZE);
    for (let k = 0; k < sessions; k++) {
      const day = { 'x-as-of': iso(SESSIONS_FROM + Math.floor((k * SESSION_DAYS * DAY) / sessions)) };
      const evaluationIds = ((await awaiting(SESSION_SIZE)).body as { id: string }[]).map((e) => e.id);
      if (!evaluationIds.length) throw new Error(`session ${k + 1}: nothing awaits a session`);
      const s = await p.http('POST', '/api/scoring/sessions', {
        token: secretary.token,
        headers: day,
        body: {
          councilId: council.body.id,
          title: `Phiên họp đánh giá số ${k + 1}`,
          location: 'Hội trường UBND',
          scheduledFor: day['x-as-of'],
        },
      });
      const session = `/api/scoring/sessions/${s.body.id}`;
      await p.http('POST', `${session}/agenda`, { token: secretary.token, headers: day, body: { evaluationIds } });
      await p.http('PUT', `${session}/attendance`, { token: secretary.token, headers: day, body: { presentMemberIds: memberIds } });
      const sheets = evaluationIds.flatMap((evaluationId) => voting.map((m) => ({ evaluationId, token: m.token })));
      await pool(sheets, CONCURRENCY, async (x) => {
        await p.http('PUT', `${session}/evaluations/${x.evaluationId}/sheet`, { token: x.token, headers: day, body: { entries: sheet } });
      });
      const closed = await p.http('POST', `${session}/close`, { token: secretary.token, headers: day });
      const outcomes = (closed.body.results as { outcome: string; stars: number }[]).filter(
        (r) => r.outcome === 'CERTIFY' && r.stars === 3,
      );
      if (outcomes.length !== evaluationIds.length)
        throw new Error(`session ${k + 1}: ${outcomes.length} of ${evaluationIds.length} certified 3★`);
    }
    lap('sessions');

    // 4. Every outcome reaches certification.
    const certificates = (limit: number, offset = 0) =>
      p.http('GET', `/api/certification/certificates?limit=${limit}&offset=${offset}`, { token: admin });
    await until(`${n} certificates`, 600_000, async () => ((await certificates(1, n - 1)).body.length ? true : undefined));
    lap('to certification');

    // 5. Each certificate on its public page.
    const issued: { code: string; number: string; dossierId: string }[] = [];
    for (let offset = 0; ; offset += 500) {
      const page = (await certificates(500, offset)).body as { code: string; number: string; dossierId: string }[];
      issued.push(...page);
      if (page.length < 500) break;
    }
    const dossiers = new Set(issued.map((c) => c.dossierId));
    if (issued.length !== n || dossiers.size !== n)
      throw new Error(`${issued.length} certificates for ${dossiers.size} dossiers, not ${n}`);
    await pool(issued, CONCURRENCY, async (c) => {
      const page = await p.http('GET', `/verify/${c.code}`);
      if (typeof page.body !== 'string' || !page.body.includes(c.number)) throw new Error(`/verify/${c.code} does not show ${c.number}`);
    });
    lap('verification');

    const end = sample();
    profile();
    return { n, phases, seconds: (end.at - start.at) / 1000, requests, cpu: coresSince(start, end) };
  } finally {
    await stopAll(Object.values(children));
    await bench.remove();
    await rm(storage, { recursive: true, force: true });
  }
}

/** Least-squares slope of log t against log n: t grows as n^b. */
function exponent(results: YearResult[]): number {
  const xs = results.map((r) => Math.log(r.n));
  const ys = results.map((r) => Math.log(r.seconds));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  const num = xs.reduce((a, x, i) => a + (x - mx) * (ys[i]! - my), 0);
  const den = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  return num / den;
}

async function main(): Promise<void> {
  buildDist();
  const results: YearResult[] = [];
  for (const n of SIZES) {
    const r = await year(n);
    results.push(r);
    console.log(
      `${String(n).padStart(6)} dossiers: ${r.seconds.toFixed(1)} s (${((r.seconds * 1000) / n).toFixed(1)} s per 1,000; ` +
        `${r.requests} requests, ${(r.requests / r.seconds).toFixed(0)} req/s); cores in use on average (100% = one): ${cpuText(r.cpu)}`,
    );
    for (const [name, ph] of Object.entries(r.phases))
      console.log(`        ${name.padEnd(18)} ${ph.seconds.toFixed(1).padStart(7)} s  ${cpuText(ph.cpu)}`);
  }
  const perThousand = (r: YearResult) => (r.seconds * 1000) / r.n;
  console.log(`\nbench:cycle  sessions of ${SESSION_SIZE} dossiers, 5 scoring members, ${CONCURRENCY} requests in flight`);
  for (const r of results) {
    console.log(
      `${String(r.n).padStart(6)}: ${perThousand(r).toFixed(1)} s per 1,000 dossiers, ratio to ${results[0]!.n}: ${(perThousand(r) / perThousand(results[0]!)).toFixed(2)}`,
    );
  }
  if (results.length > 1) console.log(`exponent of t = a·n^b: b = ${exponent(results).toFixed(3)}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
