// ajv 6 is in node_modules through @nestjs/swagger's and eslint's dependencies, not a direct one of this repo.
import Ajv from 'ajv';

type Schema = Record<string, unknown>;
type Operation = { operationId?: string; responses: Record<string, { content?: Record<string, { schema?: Schema }> }> };
export interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}
export interface RecordedResponse {
  method: string;
  url: string;
  status: number;
  contentType: string;
  body: unknown;
}

/**
 * OpenAPI 3.0 schema → JSON Schema as ajv 6 reads it: `nullable` becomes a null alternative, and objects that list their
 * properties refuse others (a field the document does not name is drift too).
 */
function toJsonSchema(s: unknown): unknown {
  if (Array.isArray(s)) return s.map(toJsonSchema);
  if (!s || typeof s !== 'object') return s;
  const out: Schema = {};
  for (const [k, v] of Object.entries(s as Schema)) {
    if (k === 'nullable' || k === 'example' || k === 'examples') continue;
    out[k] = k === 'properties' ? Object.fromEntries(Object.entries(v as Schema).map(([p, ps]) => [p, toJsonSchema(ps)])) : toJsonSchema(v);
  }
  if (typeof out.$ref === 'string') out.$ref = `openapi${out.$ref}`;
  if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return (s as Schema).nullable === true ? { anyOf: [out, { type: 'null' }] } : out;
}

/** Checks HTTP responses against the response schemas of an OpenAPI document; returns one line per mismatch. */
export function openApiResponseChecker(doc: OpenApiDoc): (r: RecordedResponse) => string[] {
  const ajv = new Ajv({ allErrors: true, unknownFormats: 'ignore', schemaId: 'auto' });
  ajv.addSchema({ components: { schemas: toJsonSchema(doc.components?.schemas ?? {}) } }, 'openapi');
  const routes = Object.entries(doc.paths).map(([path, ops]) => ({
    ops,
    re: new RegExp(`^${path.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`),
    literal: !path.includes('{'),
  }));
  // A literal path wins over a template (`/jobs/expiry-sweep/run` is not `/jobs/{name}/run` only by luck).
  routes.sort((a, b) => Number(b.literal) - Number(a.literal));
  const compiled = new Map<Schema, Ajv.ValidateFunction>();
  return (r) => {
    const path = r.url.split('?')[0]!;
    const route = routes.find((x) => x.re.test(path) && x.ops[r.method.toLowerCase()]);
    const where = `${r.method} ${path} ${r.status}`;
    if (!route) return [`${where}: no such operation in the document`];
    const op = route.ops[r.method.toLowerCase()]!;
    const response = op.responses[String(r.status)];
    if (!response) return [`${where}: status not documented for ${op.operationId}`];
    const type = r.contentType.split(';')[0]!.trim();
    if (type !== 'application/json' && type !== 'application/problem+json') return [];
    const schema = response.content?.[type]?.schema;
    if (!schema) return [`${where}: ${type} body not described by ${op.operationId}`];
    let validate = compiled.get(schema);
    if (!validate) compiled.set(schema, (validate = ajv.compile(toJsonSchema(schema) as object)));
    if (validate(r.body)) return [];
    return (validate.errors ?? []).map(
      (e) =>
        `${where} (${op.operationId}): body${e.dataPath} ${e.message}${e.keyword === 'additionalProperties' ? ` (${(e.params as { additionalProperty: string }).additionalProperty})` : ''}`,
    );
  };
}
