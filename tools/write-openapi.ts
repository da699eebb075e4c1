import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createGatewayApp, buildOpenApi } from '../services/gateway/src/gateway.app';
import { loadGatewayConfig } from '../services/gateway/src/config/gateway.config';
import { loadToolConfig } from './config';

/** Writes docs/openapi.json from the gateway's routes (needs the infrastructure, like npm start). */
async function main(): Promise<void> {
  const app = await createGatewayApp(
    loadGatewayConfig({
      ...loadToolConfig().env,
      OCOP_MODE: 'development',
      LOG_LEVEL: 'silent',
      DATABASE_URL: loadToolConfig().platformDatabaseUrl,
    }),
  );
  await app.init();
  const doc = buildOpenApi(app);
  writeFileSync(resolve(__dirname, '..', 'docs', 'openapi.json'), `${JSON.stringify(doc, null, 2)}\n`);
  await app.close();
  console.log(`docs/openapi.json: ${Object.keys(doc.paths).length} paths`);
}

void main();
