import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startPlatform, type Platform } from '../support/platform';

/** The API is fully described: every route the gateway serves is in the OpenAPI document, with its errors. */
describe('OpenAPI', () => {
  let p: Platform;
  beforeAll(async () => { p = await startPlatform({ demoData: false }); });
  afterAll(async () => { await p?.stop(); });

  it('describes every /api route with a success response, problem+json errors and bearer auth where guarded', async () => {
    const res = await p.http('GET', '/api/docs-json');
    expect(res.status).toBe(200);
    const doc = res.body;
    const routes = p.gateway.getHttpAdapter().getInstance().printRoutes({ commonPrefix: false });
    // printRoutes draws a tree: rebuild each full path from the segments of its ancestors.
    const stack: string[] = [];
    const served: string[] = [];
    for (const line of routes.split('\n')) {
      const m = /^([│ ]*)[├└]── (\S+)(?: \(([A-Z, ]+)\))?/.exec(line);
      if (!m) continue;
      const depth = m[1].length / 4;
      stack.length = depth;
      stack.push(m[2]);
      const path = stack.join('').replace(/:(\w+)/g, '{$1}');
      for (const method of (m[3] ?? '').split(', ').filter((x) => x && x !== 'HEAD')) served.push(`${method} ${path}`);
    }
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    const apiRoutes = served.filter((r) => r.includes(' /api/') && !r.includes('/api/docs'));
    expect(apiRoutes.length).toBeGreaterThanOrEqual(20);
    for (const r of apiRoutes) expect(documented).toContain(r);
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, { responses: Record<string, unknown>; security?: unknown[] }>>)) {
      for (const [method, op] of Object.entries(ops)) {
        const codes = Object.keys(op.responses);
        expect({ route: `${method} ${path}`, ok: codes.some((c) => c.startsWith('2')) }).toEqual({ route: `${method} ${path}`, ok: true });
        expect(codes).toContain('400');
        // Login and the public verification routes need no token; every other route is guarded.
        if (path !== '/api/auth/login' && !path.startsWith('/api/public/') && !path.startsWith('/verify/')) expect({ route: `${method} ${path}`, security: op.security }).toEqual({ route: `${method} ${path}`, security: [{ bearer: [] }] });
      }
    }
  });

  it('matches the committed docs/openapi.json (regenerate with npm run docs:openapi)', async () => {
    const live = (await p.http('GET', '/api/docs-json')).body;
    const committed = JSON.parse(readFileSync(resolve(__dirname, '../../docs/openapi.json'), 'utf8'));
    expect(Object.keys(committed.paths).sort()).toEqual(Object.keys(live.paths).sort());
  });
});
