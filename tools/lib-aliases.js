// The @ocop/<lib> aliases, read once from tsconfig.base.json (the one place a new lib is declared).
const fs = require('node:fs');
const path = require('node:path');
const { compilerOptions } = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', 'tsconfig.base.json'), 'utf8'));
/** Lib folder names under libs/, e.g. ['domain', 'contracts', …]. */
module.exports.libs = Object.keys(compilerOptions.paths).map((alias) => alias.replace(/^@ocop\//, ''));
