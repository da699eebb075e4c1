import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..', '..');

/**
 * `npm run sdk:pack` makes the package an agency installs (libs/agency-sdk/README.md): compiled alone, with its
 * declarations, depending on no lib of the platform; unpacked beside the dependencies it declares, it loads and gives
 * what the README says.
 */
describe('the agency SDK package', () => {
  let dir: string;
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('packs, and the tarball loads on its own with its module, client, decorator and contract types', () => {
    const pack = spawnSync(process.execPath, [join(root, 'tools', 'run-node.js'), join(root, 'tools', 'pack-sdk.ts')], {
      cwd: root,
      encoding: 'utf8',
    });
    expect({ status: pack.status, stderr: pack.status === 0 ? '' : pack.stderr }).toEqual({ status: 0, stderr: '' });
    const tarball = pack.stdout.trim().split('\n').at(-1)!;
    expect(tarball).toMatch(/ocop-agency-sdk-\d+\.\d+\.\d+\.tgz$/);

    dir = mkdtempSync(join(tmpdir(), 'ocop-sdk-'));
    expect(spawnSync('tar', ['-xzf', tarball, '-C', dir]).status).toBe(0);
    const pkg = join(dir, 'package');
    const manifest = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as {
      name: string;
      main: string;
      types?: string;
      dependencies?: Record<string, string>;
      peerDependencies?: Record<string, string>;
    };
    expect(manifest.name).toBe('@ocop/agency-sdk');
    expect(Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies }).filter((d) => d.startsWith('@ocop/'))).toEqual([]);
    // The agency's node_modules: here the platform's, which hold the versions the package declares.
    symlinkSync(join(root, 'node_modules'), join(pkg, 'node_modules'), 'dir');
    const load = spawnSync(
      process.execPath,
      [
        '-e',
        `require('reflect-metadata'); const sdk = require(${JSON.stringify(pkg)});
         const names = ['AgencySdkModule', 'AgencyClient', 'OnPlatformEvent', 'AgencyRequestError', 'loadAgencyServiceConfig', 'PLATFORM_EVENT_TYPES'];
         console.log(JSON.stringify(names.filter((n) => sdk[n] === undefined)));`,
      ],
      { cwd: pkg, encoding: 'utf8' },
    );
    expect({ status: load.status, stderr: load.stderr }).toEqual({ status: 0, stderr: '' });
    expect(JSON.parse(load.stdout)).toEqual([]);
    const types = readFileSync(join(pkg, manifest.types ?? manifest.main.replace(/\.js$/, '.d.ts')), 'utf8');
    expect(types).toContain('contract.generated');
  }, 120_000);
});
