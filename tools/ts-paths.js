// Resolves @ocop/<lib> to the TypeScript sources (jest global setup runs outside jest's module mapper).
const path = require('node:path');
const { register } = require('tsconfig-paths');
const root = path.resolve(__dirname, '..');
const { libs } = require('./lib-aliases');
register({ baseUrl: root, paths: Object.fromEntries(libs.map((l) => [`@ocop/${l}`, [`libs/${l}/src/index.ts`]])) });
