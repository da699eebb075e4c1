#!/usr/bin/env node
// The npm registry reachable from this workplace serves only linux-x64 builds of packages such as
// @swc/core and msgpackr-extract, so `npm install` cannot record their other-platform optional
// packages, and `npm ci` then refuses the lockfile ("Missing: …@ from lock file"). This adds each
// missing optional platform package as an optional lock entry with its os/cpu, which `npm ci` skips
// on other platforms. Run after changing dependencies: node tools/lock-optional-platforms.js
const fs = require('node:fs');
const path = require('node:path');
const file = path.resolve(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const platformOf = (name) => {
  const os = name.includes('wasm32')
    ? 'wasi'
    : ['darwin', 'linux', 'win32', 'freebsd', 'android', 'openharmony', 'netbsd', 'openbsd', 'sunos', 'aix'].find((o) => name.includes(o));
  const cpu = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'riscv64', 'loong64', 'mips64el', 'wasm32'].find((c) =>
    new RegExp(`[-_]${c}([-_]|$)`).test(name),
  );
  const libc = name.includes('musl') ? 'musl' : os === 'linux' ? 'glibc' : undefined;
  return { os, cpu, libc };
};
let added = 0;
for (const [key, pkg] of Object.entries(lock.packages)) {
  for (const [dep, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const base = key ? `${key}/node_modules/${dep}` : `node_modules/${dep}`;
    if (lock.packages[base] || lock.packages[`node_modules/${dep}`]) continue;
    const { os, cpu, libc } = platformOf(dep);
    if (!os || !cpu) continue; // not a platform package: leave it to npm
    lock.packages[`node_modules/${dep}`] = {
      version,
      dev: pkg.dev || undefined,
      optional: true,
      os: [os],
      cpu: [cpu],
      ...(libc ? { libc: [libc] } : {}),
    };
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`added ${added} optional platform entries`);
