import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import concurrently from 'concurrently';
import { Client } from 'pg';
import { findMissingInfrastructure, withDatabase } from '@ocop/testing';
import { loadToolConfig } from './config';

/**
 * `npm start`: checks PostgreSQL, NATS and Redis, creates the database if needed, builds, and runs
 * every service as its own process. Outside production mode the Thanh Hóa demo data and demo users
 * are loaded into an empty database, and the demo agencies' own services (agencies/*, built on
 * @ocop/agency-sdk) run beside the platform, as an agency's would from outside.
 */
const root = resolve(__dirname, '..');
const SERVICES = [
  { name: 'registration', port: 3001 },
  { name: 'scoring', port: 3002 },
  { name: 'certification', port: 3003 },
  { name: 'inspection', port: 3004 },
  { name: 'trade-promotion', port: 3005 },
  { name: 'training', port: 3006 },
  { name: 'programme', port: 3007 },
  { name: 'gateway', port: 3000 },
];
/**
 * Agencies' services started in development: the Department of Health (Sở Y tế) answers food-safety opinion requests;
 * Science and Technology (Sở Khoa học và Công nghệ) checks dossiers' traceability and IP documents and answers guidance;
 * Industry and Trade (Sở Công Thương) publishes its market-surveillance reports, which its officers file on its own HTTP
 * API (AGENCY_SCT_PORT), and notes the sales points it is to check; Agriculture and Environment (Sở Nông nghiệp và Môi
 * trường) answers guidance questions on the environment, in plain Node without the SDK.
 */
const AGENCIES: { name: string; code: string; command: string; port?: number }[] = [
  { name: 'agency-SYT', code: 'SYT', command: 'node -r ./tools/paths.js dist/agencies/health/src/main.js' },
  { name: 'agency-SKHCN', code: 'SKHCN', command: 'node -r ./tools/paths.js dist/agencies/science-technology/src/main.js' },
  { name: 'agency-SCT', code: 'SCT', command: 'node -r ./tools/paths.js dist/agencies/industry-trade/src/main.js', port: 3102 },
  { name: 'agency-SNNMT', code: 'SNNMT', command: 'node agencies/plain-node/agency.js' },
];

async function main(): Promise<void> {
  const config = loadToolConfig();
  const base = config.infra;
  const databaseUrl = config.platformDatabaseUrl;
  const missing = await findMissingInfrastructure({ ...base, databaseUrl: withDatabase(databaseUrl, 'postgres') });
  if (missing.length) {
    console.error(`The OCOP platform needs PostgreSQL, NATS with JetStream and Redis.\n- ${missing.join('\n- ')}`);
    process.exit(1);
  }
  const name = new URL(databaseUrl).pathname.slice(1);
  const admin = new Client({ connectionString: withDatabase(databaseUrl, 'postgres') });
  await admin.connect();
  if ((await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 0) {
    await admin.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
    console.log(`created database ${name}`);
  }
  await admin.end();

  const build = spawnSync(process.execPath, [resolve(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
  // The console, built: the gateway serves it under /console/ (in every mode).
  const consoleBuild = spawnSync('npm', ['run', '--silent', 'console:build'], { cwd: root, stdio: 'inherit' });
  if (consoleBuild.status !== 0) process.exit(consoleBuild.status ?? 1);

  const mode = config.mode;
  // An agency connects with its own credential in production, where it runs on its own side: not started here.
  const agencies = mode === 'production' ? [] : AGENCIES;
  const ports: Record<string, number> = Object.fromEntries([
    ...SERVICES.map((s) => [s.name, config.ports[s.name] ?? s.port]),
    ...agencies.flatMap((a) => (a.port ? [[a.name, config.agencyPorts[a.code] ?? a.port]] : [])),
  ]);
  const listening = Object.keys(ports);
  const taken = listening.filter((n) => listening.some((o) => o !== n && ports[o] === ports[n]));
  if (taken.length) {
    console.error(
      `Two services on one port: ${taken.map((n) => `${n} ${ports[n]}`).join(', ')} (set <SERVICE>_PORT or AGENCY_<CODE>_PORT, e.g. SCORING_PORT=3012)`,
    );
    process.exit(1);
  }
  const consolePort = config.consolePort;
  const env = {
    OCOP_MODE: mode,
    DATABASE_URL: databaseUrl,
    NATS_URL: base.natsUrl,
    REDIS_URL: base.redisUrl,
    OCOP_DEMO_DATA: config.demoData,
    // The services write to concurrently's pipes, not this terminal: they get the format (and colours) chosen here.
    LOG_FORMAT: config.logFormat,
    ...(config.logFormat === 'pretty' && process.stdout.isTTY ? { FORCE_COLOR: '1' } : {}),
  };
  const { result } = concurrently(
    [
      ...SERVICES.map((s) => ({
        name: s.name,
        command: `node -r ./tools/paths.js dist/services/${s.name}/src/main.js`,
        cwd: root,
        env: { ...env, HTTP_PORT: String(ports[s.name]) },
      })),
      ...agencies.map((a) => ({
        name: a.name,
        command: a.command,
        cwd: root,
        env: { ...env, AGENCY_CODE: a.code, ...(a.port ? { HTTP_PORT: String(ports[a.name]) } : {}) },
      })),
      // Outside production, Vite's dev server too (reloads on edit; /api and /verify go to the gateway).
      ...(mode === 'production'
        ? []
        : [
            {
              name: 'console',
              command: 'node node_modules/vite/bin/vite.js -c apps/console/vite.config.mts --strictPort',
              cwd: root,
              env: { ...env, GATEWAY_URL: `http://127.0.0.1:${ports.gateway}`, CONSOLE_PORT: String(consolePort) },
            },
          ]),
    ],
    { killOthersOn: ['failure'], prefixColors: ['cyan', 'magenta'] },
  );
  console.log(`gateway: http://localhost:${ports.gateway}/api (OpenAPI at /api/docs); demo users in README.md`);
  console.log(
    `console: http://localhost:${ports.gateway}/console/` +
      (mode === 'production' ? '' : ` (dev server with reload: http://localhost:${consolePort}/console/)`),
  );
  if (ports['agency-SCT']) console.log(`Sở Công Thương's own API: http://localhost:${ports['agency-SCT']}/market-surveillance-reports`);
  await result.catch(() => process.exit(1));
}

void main();
