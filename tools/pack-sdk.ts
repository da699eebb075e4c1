import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * `npm run sdk:pack`: compiles libs/agency-sdk alone (its tsconfig.pack.json: no path aliases, so an import of another
 * lib fails here), with its declarations, into dist/agency-sdk, and runs `npm pack` there. Prints the tarball's path:
 * an agency installs it with `npm install ./ocop-agency-sdk-<version>.tgz`.
 */
const root = resolve(__dirname, '..');
const sdk = join(root, 'libs', 'agency-sdk');
const out = join(root, 'dist', 'agency-sdk');

type Manifest = { name: string; version: string; dependencies?: Record<string, string> };
const manifest = JSON.parse(readFileSync(join(sdk, 'package.json'), 'utf8')) as Manifest;
const rootManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;

// The SDK depends on the versions the platform is built and tested with.
const drift = Object.entries(manifest.dependencies ?? {}).filter(([name, v]) => rootManifest.dependencies?.[name] !== v);
if (drift.length) {
  console.error(
    `libs/agency-sdk/package.json: ${drift.map(([n, v]) => `${n} ${v}, root has ${rootManifest.dependencies?.[n]}`).join('; ')}`,
  );
  process.exit(1);
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(sdk, 'tsconfig.pack.json')], {
  cwd: root,
  stdio: 'inherit',
});
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
for (const file of ['package.json', 'README.md']) copyFileSync(join(sdk, file), join(out, file));

const pack = spawnSync('npm', ['pack', '--json'], { cwd: out, encoding: 'utf8' });
if (pack.status !== 0) {
  console.error(pack.stderr);
  process.exit(pack.status ?? 1);
}
const [result] = JSON.parse(pack.stdout) as { filename: string; files: unknown[] }[];
console.log(`${manifest.name}@${manifest.version}: ${result!.files.length} files`);
console.log(join(out, result!.filename));
