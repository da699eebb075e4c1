import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { eventually } from '@ocop/testing';
import * as contracts from '@ocop/contracts';
import { validateInto } from '@ocop/contracts';
import * as userDtos from '../../services/gateway/src/identity/user.dto';
import { PDF, startPlatform, type Platform } from '../support/platform';

/**
 * Bad input generated from the OpenAPI document, for every operation it lists: each path parameter,
 * query parameter and body field (at every depth) in turn gets values no contract accepts — the
 * wrong JSON type, a NUL byte, a lone surrogate, an over-long string, numbers out of every bound,
 * arrays for objects and objects for arrays, nested arrays, unknown fields, missing required
 * fields — and whole bodies that are not objects or nest too deep. Every answer must be a 4xx
 * problem+json with a stable code (naming the field when it is a 400), and nothing may change:
 * the row count of every table of every service and the stream's message count stay the same.
 */

type Schema = {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  required?: string[];
  enum?: unknown[];
  example?: unknown;
  minItems?: number;
  format?: string;
  minimum?: number;
  allOf?: Schema[];
};
type Operation = {
  parameters?: { name: string; in: string; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
};
interface Case {
  method: string;
  url: string;
  name: string;
  body?: unknown;
  payload?: string | Buffer;
  headers?: Record<string, string>;
}

const USERS = [
  'admin',
  'province.office',
  'district.officer',
  'commune.officer',
  'producer',
  'council.member',
  'inspector',
  'agency.officer',
  'lab',
];
const LONG = 'x'.repeat(100_001);

describe('generated bad input across every route of the OpenAPI document', () => {
  let p: Platform;
  let pg: Client;
  let doc: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };
  const tokens = new Map<string, string>();
  /** Generated base bodies that the contract refuses already: their mutations would not probe their own field. */
  const invalidBases: string[] = [];

  const resolve = (s: Schema | undefined): Schema => {
    if (!s) return {};
    if (s.$ref) return resolve(doc.components.schemas[s.$ref.split('/').pop()!]);
    if (s.allOf?.length === 1) return resolve(s.allOf[0]);
    return s;
  };

  /** A value of the schema's shape, with only its required fields (the generated bodies start valid, so each mutation probes its own field). */
  const sample = (raw: Schema | undefined, depth = 0, name = ''): unknown => {
    const s = resolve(raw);
    if (s.example !== undefined) return s.example;
    if (s.enum?.length) return s.enum[0];
    switch (s.type) {
      case 'object':
        return depth > 6
          ? {}
          : Object.fromEntries(
              Object.entries(s.properties ?? {})
                .filter(([k]) => s.required?.includes(k))
                .map(([k, v]) => [k, sample(v, depth + 1, k)]),
            );
      case 'array':
        return Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => sample(s.items, depth + 1, name.replace(/s$/, '')));
      case 'integer':
      case 'number':
        return s.minimum ?? 1;
      case 'boolean':
        return false;
      case 'string':
        return s.format === 'uuid' || /Ids?$/.test(name)
          ? randomUUID()
          : s.format === 'date-time' || /(At|From|To|For|Before|asOf)$/.test(name)
            ? '2026-06-01T00:00:00Z'
            : 'abc';
      default:
        return 'abc';
    }
  };

  /** Values no field of this schema accepts. */
  const badValuesFor = (s: Schema): [string, unknown][] => {
    switch (s.type) {
      case 'string':
        return [
          ['number', 12345],
          ['boolean', true],
          ['object', {}],
          ['array', []],
          ['NUL', 'a\u0000b'],
          ['lone surrogate', 'a\ud800b'],
          ['100k string', LONG],
        ];
      case 'integer':
        return [
          ['boolean', true],
          ['numeric string', '7'],
          ['huge', 1e308],
          ['negative huge', -1e308],
          ['fraction', 1.5],
          ['object', {}],
        ];
      case 'number':
        return [
          ['boolean', true],
          ['numeric string', '7'],
          ['huge', 1e308],
          ['negative huge', -1e308],
          ['object', {}],
        ];
      case 'boolean':
        return [
          ['string', 'true'],
          ['number', 1],
        ];
      case 'array':
        return [
          ['object', {}],
          ['string', 'x'],
          ['nested array', [[]]],
          ['NUL element', ['a\u0000']],
        ];
      case 'object':
        return [
          ['array', []],
          ['string', 'x'],
          ['number', 1],
        ];
      default:
        return [];
    }
  };

  const setAt = (root: unknown, path: (string | number)[], value: unknown, remove = false): unknown => {
    const copy = structuredClone(root) as Record<string | number, unknown>;
    let cur = copy;
    for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
    const last = path[path.length - 1]!;
    if (remove) delete cur[last];
    else cur[last] = value;
    return copy;
  };

  /** Mutations of every field of a body, at every depth (an optional field absent from the base is added with its sample, then mutated). */
  const bodyMutations = (
    raw: Schema,
    base: unknown,
    path: (string | number)[] = [],
    out: [string, unknown][] = [],
    depth = 0,
  ): [string, unknown][] => {
    const s = resolve(raw);
    const at = path.join('.') || 'body';
    if (path.length) for (const [n, v] of badValuesFor(s)) out.push([`${at} as ${n}`, setAt(base, path, v)]);
    if (depth > 5) return out;
    if (s.type === 'object' && s.properties) {
      out.push([
        `${at} with an unknown field`,
        path.length ? setAt(base, [...path, 'zzzUnknown'], 1) : { ...(base as object), zzzUnknown: 1 },
      ]);
      for (const [k, v] of Object.entries(s.properties)) {
        if (s.required?.includes(k)) out.push([`${at === 'body' ? '' : `${at}.`}${k} missing`, setAt(base, [...path, k], undefined, true)]);
        const present = path.length ? base : base;
        const withField = s.required?.includes(k) ? present : setAt(present, [...path, k], sample(v, 0, k));
        bodyMutations(v, withField, [...path, k], out, depth + 1);
      }
    }
    if (s.type === 'array' && s.items) bodyMutations(s.items, base, [...path, 0], out, depth + 1);
    return out;
  };

  const fill = (path: string, params: Record<string, string> = {}) =>
    path.replace(/\{(\w+)\}/g, (_, n: string) => params[n] ?? (n === 'name' ? 'expiry-sweep' : n === 'code' ? '1048' : randomUUID()));

  const casesOf = (path: string, method: string, op: Operation): Case[] => {
    const m = method.toUpperCase();
    const out: Case[] = [];
    const pathParams = (op.parameters ?? []).filter((x) => x.in === 'path').map((x) => x.name);
    for (const n of pathParams) {
      for (const [label, v] of [
        ['NUL', '%00'],
        ['150 characters', 'a'.repeat(150)],
        ['bad percent-encoding', '%E0%A4%A'],
        ['lone surrogate', '%ED%A0%80'],
      ]) {
        out.push({ method: m, url: fill(path, { [n]: v }), name: `path ${n} ${label}` });
      }
    }
    const url = fill(path);
    out.push({ method: m, url: `${url}?zzzUnknown=1`, name: 'unknown query parameter' });
    for (const q of (op.parameters ?? []).filter((x) => x.in === 'query')) {
      const t = resolve(q.schema).type;
      const values: [string, string][] = [
        ['NUL', '%00'],
        ['lone surrogate', '%ED%A0%80'],
      ];
      if (t === 'integer' || t === 'number')
        values.push(
          ['huge', '99999999999999999999'],
          ['hex', '0x10'],
          ['boolean', 'true'],
          ['exponent', '1e2'],
          ['repeated', '1&' + q.name + '=2'],
        );
      for (const [label, v] of values) out.push({ method: m, url: `${url}?${q.name}=${v}`, name: `query ${q.name} ${label}` });
    }
    const json = op.requestBody?.content['application/json']?.schema;
    if (json) {
      const base = sample(json);
      const cls =
        (json.$ref && (contracts as Record<string, unknown>)[json.$ref.split('/').pop()!]) ||
        (json.$ref && (userDtos as Record<string, unknown>)[json.$ref.split('/').pop()!]);
      if (typeof cls === 'function') {
        try {
          validateInto(cls as new () => object, base);
        } catch (err) {
          invalidBases.push(`${method.toUpperCase()} ${path}: ${(err as Error).message} (${(err as { field?: string }).field})`);
        }
      }
      for (const [name, body] of bodyMutations(json, base)) out.push({ method: m, url, name, body });
      const raw = (payload: string, name: string) =>
        out.push({ method: m, url, name, payload, headers: { 'content-type': 'application/json' } });
      raw('[]', 'body as array');
      raw('"x"', 'body as string');
      raw('123', 'body as number');
      raw(`{"a":${'['.repeat(3000)}${']'.repeat(3000)}}`, 'body nested 3000 deep');
      raw('{"a":', 'body malformed');
    }
    if (op.requestBody?.content['multipart/form-data']) {
      const part = (field: string, fileName: string, withBoundary = true) => {
        const b = '----ocopgen';
        const payload = Buffer.concat([
          Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="type"\r\n\r\nREGISTRATION_FORM\r\n`),
          Buffer.from(
            `--${b}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`,
          ),
          PDF,
          Buffer.from(`\r\n--${b}--\r\n`),
        ]);
        return { payload, headers: { 'content-type': withBoundary ? `multipart/form-data; boundary=${b}` : 'multipart/form-data' } };
      };
      out.push({ method: m, url, name: 'multipart without boundary', ...part('file', 'a.pdf', false) });
      out.push({ method: m, url, name: 'multipart file field misnamed', ...part('document', 'a.pdf') });
      out.push({ method: m, url, name: 'multipart NUL in file name', ...part('file', 'a\u0000.pdf') });
      out.push({ method: m, url, name: 'JSON where a file is expected', payload: '{}', headers: { 'content-type': 'application/json' } });
    }
    return out;
  };

  /** Row counts of every table of every service, and the stream's message count, once the outboxes have drained. */
  const snapshot = async (): Promise<Record<string, number>> => {
    const tables = (
      await pg.query(`SELECT table_schema || '.' || table_name AS t FROM information_schema.tables
      WHERE table_schema IN ('registration', 'scoring', 'certification', 'inspection', 'trade_promotion', 'training', 'programme', 'gateway') AND table_type = 'BASE TABLE' ORDER BY 1`)
    ).rows.map((r) => r.t as string);
    const outboxes = tables.filter((t) => t.endsWith('.outbox'));
    await eventually(
      async () => {
        for (const t of outboxes)
          if (Number((await pg.query(`SELECT count(*) AS n FROM ${t} WHERE published_at IS NULL`)).rows[0].n) > 0) return false;
        return true;
      },
      15_000,
      'the outboxes to drain',
    );
    const counts: Record<string, number> = {};
    for (const t of tables) counts[t] = Number((await pg.query(`SELECT count(*) AS n FROM ${t}`)).rows[0].n);
    const nc = await connect({ servers: p.env.natsUrl });
    counts.stream = (await (await jetstreamManager(nc)).streams.info(p.env.stream)).state.messages;
    await nc.close();
    return counts;
  };

  beforeAll(async () => {
    p = await startPlatform();
    pg = new Client({ connectionString: p.env.databaseUrl });
    await pg.connect();
    for (const u of USERS) tokens.set(u, await p.login(u));
    doc = (await p.http('GET', '/api/docs-json')).body;
  }, 120_000);
  afterAll(async () => {
    await pg?.end();
    await p?.stop();
  });

  it('answers every generated bad request with a 4xx problem+json naming the field, and changes nothing', async () => {
    const before = await snapshot();
    const failures: string[] = [];
    let sent = 0;
    const refusedByGuard: string[] = [];
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ path, method, op })),
    );
    expect(operations.length).toBeGreaterThan(80);
    for (const { path, method, op } of operations) {
      // The first demo user the route's guard lets through (a request refused only after the guard: an unknown query parameter).
      let token: string | undefined;
      for (const u of [undefined, ...USERS]) {
        const t = u && tokens.get(u);
        const probe = await p.http(method.toUpperCase(), `${fill(path)}?zzzUnknown=1`, {
          token: t || undefined,
          ...(op.requestBody?.content['application/json'] ? { body: {} } : {}),
        });
        if (probe.status !== 401 && probe.status !== 403) {
          token = t || undefined;
          break;
        }
      }
      if (!token && !/^\/(verify|showcase|api\/public|api\/auth|health|metrics)/.test(path)) refusedByGuard.push(`${method} ${path}`);
      for (const c of casesOf(path, method, op)) {
        const res = await p.http(c.method, c.url, { token, body: c.body, payload: c.payload, headers: c.headers });
        sent++;
        // The verification page is HTML for people: its refusals are HTML pages too.
        const problem =
          /^application\/problem\+json/.test(String(res.headers['content-type'] ?? '')) ||
          (/^\/verify(-training)?\//.test(path) && /^text\/html/.test(String(res.headers['content-type'] ?? '')) && res.status === 404);
        const ok =
          res.status >= 400 &&
          res.status < 500 &&
          problem &&
          (typeof res.body?.code === 'string' || /^\/verify(-training)?\//.test(path)) &&
          (res.status !== 400 || (typeof res.body.field === 'string' && res.body.field.length > 0));
        if (!ok)
          failures.push(
            `${c.method} ${path} — ${c.name}: ${res.status} ${problem ? '' : `(${String(res.headers['content-type'])}) `}${res.body?.code ?? ''} ${res.body?.field ?? ''}`.trim(),
          );
      }
    }
    expect(sent).toBeGreaterThan(1500);
    expect(refusedByGuard).toEqual([]); // every guarded route was probed past its guard by some demo user
    expect(invalidBases).toEqual([]);
    expect(failures).toEqual([]);
    expect(await snapshot()).toEqual(before);
  }, 600_000);
});
