import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEMO } from '@ocop/contracts';
import { startPlatform, type Platform } from '../support/platform';
import { OPERATION_DOCS } from '../../services/gateway/src/http/operation-docs.openapi';

/** The API is fully described: every route the gateway serves is in the OpenAPI document, with its errors. */
describe('OpenAPI', () => {
  let p: Platform;
  beforeAll(async () => {
    p = await startPlatform();
  });
  afterAll(async () => {
    await p?.stop();
  });

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
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const apiRoutes = served.filter((r) => r.includes(' /api/') && !r.includes('/api/docs'));
    expect(apiRoutes.length).toBeGreaterThanOrEqual(20);
    for (const r of apiRoutes) expect(documented).toContain(r);
    for (const [path, ops] of Object.entries(
      doc.paths as Record<string, Record<string, { responses: Record<string, unknown>; security?: unknown[] }>>,
    )) {
      for (const [method, op] of Object.entries(ops)) {
        const codes = Object.keys(op.responses);
        expect({ route: `${method} ${path}`, ok: codes.some((c) => c.startsWith('2')) }).toEqual({ route: `${method} ${path}`, ok: true });
        expect(codes).toContain('400');
        // Login, the public verification routes and the catalogue page need no token; every other route is guarded.
        if (
          path !== '/api/auth/login' &&
          !path.startsWith('/api/public/') &&
          !path.startsWith('/verify/') &&
          !path.startsWith('/verify-training/') &&
          path !== '/showcase'
        )
          expect({ route: `${method} ${path}`, security: op.security }).toEqual({ route: `${method} ${path}`, security: [{ bearer: [] }] });
      }
    }
  });

  it('matches the committed docs/openapi.json (regenerate with npm run docs:openapi)', async () => {
    const live = (await p.http('GET', '/api/docs-json')).body;
    const committed = JSON.parse(readFileSync(resolve(__dirname, '../../docs/openapi.json'), 'utf8'));
    expect(Object.keys(committed.paths).sort()).toEqual(Object.keys(live.paths).sort());
  });

  it('gives every operation a summary and a description, and describes no operation that is gone', async () => {
    const doc = (await p.http('GET', '/api/docs-json')).body;
    const ops = Object.entries(
      doc.paths as Record<string, Record<string, { operationId: string; summary?: string; description?: string }>>,
    ).flatMap(([path, o]) => Object.entries(o).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, ...op })));
    expect(ops.length).toBeGreaterThanOrEqual(90);
    for (const op of ops) {
      expect({ route: op.route, summary: (op.summary ?? '').length > 3, description: (op.description ?? '').length > 10 }).toEqual({
        route: op.route,
        summary: true,
        description: true,
      });
    }
    expect(Object.keys(OPERATION_DOCS).filter((id) => !ops.some((op) => op.operationId === id))).toEqual([]);
  });

  it('answers with bodies that match the response schemas of the document (lists, gets, errors)', async () => {
    const admin = await p.login('admin');
    const office = await p.login('province.office');
    const producer = await p.login('producer');
    const lab = await p.login('lab');
    const gets: [string, string][] = [
      [admin, '/api/auth/me'],
      [admin, '/api/users?limit=3'],
      [office, '/api/units?level=DISTRICT'],
      [office, '/api/producers'],
      [office, `/api/producers/${DEMO.producerId}`],
      [office, `/api/producers/${DEMO.producerId}/products`],
      [office, '/api/rounds'],
      [office, '/api/dossiers'],
      [office, '/api/registration/reevaluation-invitations'],
      [office, '/api/scoring/catalogues'],
      [office, '/api/scoring/catalogues/148'],
      [office, '/api/scoring/tier-models'],
      [office, '/api/scoring/councils'],
      [office, '/api/scoring/evaluations'],
      [office, '/api/scoring/sessions'],
      [office, '/api/certification/certificates'],
      [office, '/api/certification/decisions'],
      [producer, '/api/certification/notifications'],
      [office, '/api/certification/revocations'],
      [office, '/api/inspection/labs'],
      [lab, '/api/inspection/samples'],
      [office, '/api/inspection/campaigns'],
      [office, '/api/inspection/tasks'],
      [office, '/api/inspection/violations'],
      [office, '/api/inspection/campaign-recurrences'],
      [office, '/api/inspection/coverage'],
      [producer, '/api/reference/document-types'],
      [producer, '/api/reference/product-groups'],
      [producer, '/api/reference/product-sets'],
      [producer, '/api/reference/lab-indicators'],
      [admin, '/api/admin/dead-letters?service=registration'],
      ['', '/api/public/certification/keys'],
      ['', '/api/public/certification/status-list'],
      // Errors are problem+json too.
      [office, '/api/dossiers?limit=0x10'],
      [office, `/api/dossiers/${DEMO.producerId}`],
      [producer, '/api/users'],
      ['', '/api/dossiers'],
      ['', '/api/public/certificates/ZZZZZZZZZZ'],
    ];
    for (const [token, url] of gets) {
      const res = await p.http('GET', url, token ? { token } : {});
      expect({ url, status: res.status < 500 }).toEqual({ url, status: true });
    }
    for (const name of ['expiry-sweep', 'revocation-follow-ups', 'notifications-dispatch'])
      await p.http('POST', `/api/certification/jobs/${name}/run`, { token: admin, body: {} });
    for (const name of ['sample-follow-ups', 'violation-follow-ups'])
      await p.http('POST', `/api/inspection/jobs/${name}/run`, { token: admin, body: {} });
    expect(p.responses.length).toBeGreaterThanOrEqual(gets.length + 5);
    expect(p.checkResponses()).toEqual([]);
  });
});
