import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * The console: served by the gateway under /console/ in production (CONSOLE_DIR → this build), by Vite's dev server in
 * development (`npm run console:dev`, proxying /api and /verify to the gateway).
 */
export default defineConfig({
  root: here('.'),
  base: '/console/',
  plugins: [react()],
  resolve: { alias: { '@ocop/verification': here('../../libs/verification/src/index.ts') } },
  build: { outDir: here('dist'), emptyOutDir: true, sourcemap: false },
  server: {
    port: Number(process.env.CONSOLE_PORT ?? 5173),
    proxy: { '/api': process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000', '/verify': process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000' },
  },
});
