// node tools/profile-summary.js <file.cpuprofile> [top=30]: self time by function and by package/file, and the
// inclusive time of the platform's own functions, so a benchmark's profile can be read without DevTools.
const fs = require('node:fs');

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node tools/profile-summary.js <file.cpuprofile> [top]');
  process.exit(2);
}
const top = Number(topArg ?? 30);
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const dt = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i];
  dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
}
const total = [...dt.values()].reduce((a, b) => a + b, 0);
const where = (cf) => {
  const url = cf.url || '(native)';
  const m = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (m) return m[1];
  const own = url.match(/\/(libs|services)\/(.+)$/);
  if (own) return `${own[1]}/${own[2]}`;
  return url.startsWith('node:') ? url : url.replace(/^.*\//, '');
};
const label = (cf) => `${cf.functionName || '(anonymous)'} ${where(cf)}:${cf.lineNumber + 1}`;
const add = (map, k, v) => map.set(k, (map.get(k) ?? 0) + v);
const selfByFn = new Map();
const selfByWhere = new Map();
const inclusive = new Map();
for (const [id, t] of dt) {
  const n = nodes.get(id);
  add(selfByFn, label(n.callFrame), t);
  add(selfByWhere, where(n.callFrame), t);
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const cf = nodes.get(cur).callFrame;
    if (!/\/(libs|services)\//.test(cf.url) || /node_modules/.test(cf.url)) continue;
    const k = label(cf);
    if (!seen.has(k)) (add(inclusive, k, t), seen.add(k));
  }
}
const pct = (t) => `${((100 * t) / total).toFixed(1).padStart(5)} %`;
const print = (title, map) => {
  console.log(`\n${title}`);
  for (const [k, t] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(t)}  ${k}`);
};
console.log(`${file}: ${(total / 1000).toFixed(0)} ms sampled`);
print('self time by package or file', selfByWhere);
print('self time by function', selfByFn);
print("inclusive time of the platform's own functions", inclusive);
