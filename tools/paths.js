// Resolves the @ocop/<lib> aliases of compiled code in dist/ at run time (production image and npm start).
const path = require('node:path');
const { register } = require('tsconfig-paths');
const { libs: all } = require('./lib-aliases');
const libs = all.filter((l) => l !== 'testing');
register({
  baseUrl: path.resolve(__dirname, '..', 'dist'),
  paths: Object.fromEntries(libs.map((l) => [`@ocop/${l}`, [`libs/${l}/src/index.js`]])),
});
