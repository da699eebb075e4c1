/**
 * The console's bundle budget, checked by its build: the JavaScript a phone downloads before the scanner can show a
 * verdict, gzipped. The budget is a ceiling to notice growth by, not a target.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 150;
const assets = resolve(__dirname, '..', 'apps', 'console', 'dist', 'assets');
const files = readdirSync(assets).filter((f) => f.endsWith('.js') || f.endsWith('.css'));
let total = 0;
for (const f of files) {
  const gz = gzipSync(readFileSync(join(assets, f))).length;
  total += gz;
  console.log(`console bundle: ${f} ${(gz / 1024).toFixed(1)} KB gzipped`);
}
const kb = total / 1024;
console.log(`console bundle: ${kb.toFixed(1)} KB gzipped in all (budget ${BUDGET_KB} KB)`);
if (kb > BUDGET_KB) {
  console.error(`console bundle over budget: ${kb.toFixed(1)} KB > ${BUDGET_KB} KB`);
  process.exit(1);
}
