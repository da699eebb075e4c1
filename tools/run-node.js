#!/usr/bin/env node
// Runs a TypeScript entry (tools, benchmarks, test child processes) straight from source:
// swc transpiles on the fly, tsconfig paths resolve the @ocop/<lib> aliases.
const path = require('node:path');
process.env.SWC_NODE_PROJECT ||= path.resolve(__dirname, '..', 'tsconfig.spec.json');
require('@swc-node/register');
require('reflect-metadata');
const entry = process.argv[2];
if (!entry) {
  console.error('usage: node tools/run-node.js <file.ts> [args]');
  process.exit(2);
}
process.argv.splice(1, 1);
require(path.resolve(entry));
