import { getMetadataStorage } from 'class-validator';
import { validationMetadataArrayToSchemas } from 'class-validator-jsonschema';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { DECORATORS } from '@nestjs/swagger';
import * as contracts from '@ocop/contracts';
import { AGENCY_API, AGENCY_EVENT_PREFIX, AgencyEventPayloads, EVENT_PAYLOADS } from '@ocop/contracts';

/**
 * The public contract as TypeScript types for libs/agency-sdk (which imports no other lib, so an agency can install it
 * alone): an interface per payload class, built from the registries in libs/contracts — the platform's events
 * (EVENT_PAYLOADS without the agencies' own), the agencies' events (AgencyEventPayloads) and the agencies' requests
 * (AGENCY_API, its reply classes by name). A class's shape comes from its validation rules (class-validator-jsonschema,
 * as tools/asyncapi.ts reads them); a reply class, which has no validation rules, from its @ApiProperty metadata.
 * `npm run sdk:contract` writes it to libs/agency-sdk/src/contract.generated.ts; contract.generated.spec.ts checks that
 * the committed file is this one. The output is formatted here (prettier cannot run inside jest), so the file is in
 * .prettierignore.
 */

export const SDK_CONTRACT_FILE = 'libs/agency-sdk/src/contract.generated.ts';

/** The few JSON Schema shapes the emitter understands; anything else fails the generator, naming the property. */
interface Schema {
  type?: string;
  format?: string;
  enum?: readonly unknown[];
  items?: Schema;
  $ref?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  description?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
}

interface Property {
  name: string;
  schema: Schema;
  optional: boolean;
  nullable: boolean;
}

type AnyClass = abstract new (...args: never[]) => unknown;

type IOptions = NonNullable<Parameters<typeof validationMetadataArrayToSchemas>[1]>;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- class-transformer's storage has no typed entry point
const transformerModule = require('class-transformer/cjs/storage') as {
  defaultMetadataStorage: IOptions['classTransformerMetadataStorage'];
};
const REF = '#/';
const OPTIONS: Partial<IOptions> = {
  refPointerPrefix: REF,
  classTransformerMetadataStorage: transformerModule.defaultMetadataStorage,
  additionalConverters: {
    isInstant: () => ({ type: 'string', format: 'date-time' }),
    isCalendarDate: () => ({ type: 'string', format: 'date' }),
  } as IOptions['additionalConverters'],
};

/** Every class with validation rules, by name (what a `$ref` names). */
function ruledClasses(): Map<string, AnyClass> {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<AnyClass, unknown[]> };
  return new Map([...storage.validationMetadatas.keys()].map((c) => [c.name, c]));
}

/**
 * Whether a property may be absent or null, from its conditional rules: `@IsOptional()` (absent), the contracts'
 * `Nullable()` (`ValidateIf(v => v !== null)`: present, may be null), any other `ValidateIf` (absent under a condition).
 */
function presence(metas: ValidationMetadata[], property: string): { optional: boolean; nullable: boolean } {
  let optional = false;
  let nullable = false;
  for (const m of metas) {
    if (m.propertyName !== property || m.type !== 'conditionalValidation') continue;
    if (m.name === 'isOptional') {
      optional = true;
      continue;
    }
    const condition = m.constraints?.[0] as ((o: object, v: unknown) => boolean) | undefined;
    const probe = (v: unknown): boolean | undefined => {
      try {
        return condition?.({ [property]: v }, v);
      } catch {
        return undefined;
      }
    };
    if (probe(null) === false && probe(undefined) === true) nullable = true;
    else optional = true;
  }
  return { optional, nullable };
}

/** A class's properties from its validation rules (its ancestors' included). */
function fromValidation(cls: AnyClass): Property[] {
  const storage = getMetadataStorage();
  const metas = storage.getTargetValidationMetadatas(cls, '', true, false).map((m: ValidationMetadata) => {
    const constraint = m.constraintCls ? storage.getTargetValidatorConstraints(m.constraintCls)[0] : undefined;
    return { ...m, target: cls, ...(constraint ? { type: constraint.name } : {}) } as ValidationMetadata;
  });
  const schema = (validationMetadataArrayToSchemas(metas, OPTIONS) as Record<string, Schema>)[cls.name] ?? { properties: {} };
  const text = JSON.stringify(schema)
    .replaceAll(`{"$ref":"${REF}Array"}`, '{"type":"array"}')
    .replaceAll(`{"$ref":"${REF}Object"}`, '{"type":"object"}');
  const clean = JSON.parse(text) as Schema;
  return Object.entries(clean.properties ?? {}).map(([name, s]) => ({ name, schema: s, ...presence(metas, name) }));
}

interface ApiPropertyMeta {
  type?: unknown;
  enum?: readonly unknown[] | Record<string, unknown>;
  isArray?: boolean;
  nullable?: boolean;
  required?: boolean;
  description?: string;
  format?: string;
}

/** A class's properties from its @ApiProperty metadata (a reply class: what the platform answers, not what it checks). */
function fromApiProperties(cls: AnyClass, found: Map<string, AnyClass>): Property[] {
  const keys = (Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, cls.prototype) as string[] | undefined) ?? [];
  return keys.map((k) => {
    const name = k.replace(/^:/, '');
    const meta = (Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, cls.prototype, name) ?? {}) as ApiPropertyMeta;
    let schema = apiTypeSchema(meta.type, `${cls.name}.${name}`, found);
    if (meta.enum) schema = { type: 'string', enum: Array.isArray(meta.enum) ? meta.enum : Object.values(meta.enum) };
    if (meta.format) schema.format = meta.format;
    if (meta.description) schema.description = meta.description;
    if (meta.isArray) schema = { type: 'array', items: schema };
    return { name, schema, optional: meta.required === false, nullable: meta.nullable === true };
  });
}

function apiTypeSchema(type: unknown, where: string, found: Map<string, AnyClass>): Schema {
  if (type === String || type === Date) return { type: 'string' };
  if (type === Number) return { type: 'number' };
  if (type === Boolean) return { type: 'boolean' };
  if (type === Array) return { type: 'array' };
  if (type === Object) return { type: 'object' };
  if (typeof type === 'string') return type === 'integer' ? { type: 'number' } : { type };
  if (typeof type === 'function') {
    // A lazy type (`type: () => Cls`) is an arrow function: no prototype.
    const cls = (type.prototype ? type : (type as () => unknown)()) as AnyClass;
    found.set(cls.name, cls);
    return { $ref: `${REF}${cls.name}` };
  }
  throw new Error(`${where}: @ApiProperty gives no type the SDK contract can express`);
}

const and = (items: string[]): string => (items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const key = (name: string): string => (IDENTIFIER.test(name) ? name : `'${name}'`);
const literal = (v: unknown): string => (typeof v === 'string' ? `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : JSON.stringify(v));

function tsType(s: Schema, where: string): string {
  if (s.$ref) return s.$ref.slice(REF.length);
  if (s.enum) return s.enum.map(literal).join(' | ');
  switch (s.type) {
    case 'string':
      return 'string';
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'object':
      return 'Record<string, unknown>';
    case 'array': {
      if (!s.items) return 'unknown[]';
      const item = tsType(s.items, `${where}[]`);
      return item.includes(' ') ? `(${item})[]` : `${item}[]`;
    }
  }
  throw new Error(`${where}: no TypeScript type for the schema ${JSON.stringify(s)} (add it to tools/sdk-contract.ts)`);
}

/** What a property's comment says: its description, format, length and range. */
function comment(s: Schema): string | undefined {
  const parts: string[] = [];
  if (s.description) parts.push(s.description.replace(/\*\//g, '* /').replace(/([^.!?])$/, '$1.'));
  if (s.format) parts.push(`Format: ${s.format}.`);
  // A lower bound on a length is a rule a sender must know (a request's text); an upper one alone is mostly a guard.
  if (s.minLength !== undefined) parts.push(`Length ${s.minLength}–${s.maxLength ?? '∞'}.`);
  if (s.minimum !== undefined || s.maximum !== undefined) parts.push(`Range ${s.minimum ?? '−∞'}–${s.maximum ?? '∞'}.`);
  if (s.type === 'array' && s.items?.format) parts.push(`Items: ${s.items.format}.`);
  return parts.length ? parts.join(' ') : undefined;
}

interface Model {
  name: string;
  doc: string[];
  properties: Property[];
}

/** A JSDoc comment, on one line when it fits. */
function jsdoc(text: string, indent = ''): string[] {
  if (text.length + indent.length + 7 <= 140) return [`${indent}/** ${text} */`];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && indent.length + 3 + line.length + 1 + word.length > 120) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return [`${indent}/**`, ...lines.map((l) => `${indent} * ${l}`), `${indent} */`];
}

function emitInterface(m: Model): string {
  const lines = [...jsdoc(m.doc.join(' ')), `export interface ${m.name} {`];
  for (const p of m.properties) {
    const c = comment(p.schema);
    if (c) lines.push(...jsdoc(c, '  '));
    const type = tsType(p.schema, `${m.name}.${p.name}`);
    lines.push(`  ${key(p.name)}${p.optional ? '?' : ''}: ${type}${p.nullable ? ' | null' : ''};`);
  }
  lines.push('}');
  return lines.join('\n');
}

const HEADER = `// Generated by \`npm run sdk:contract\` (tools/write-sdk-contract.ts) from the registries in libs/contracts. Do not edit:
// contract.generated.spec.ts fails when this file is not what the generator writes now.
//
// The platform's public wire contract as types: every event's \`data\` (CloudEvents envelope, see envelope.ts), what an
// agency may publish in its own space, and the requests it may send with their replies. Fields an event does not know
// are ignored by consumers, so a newer producer may send more than is declared here.`;

/** The source of libs/agency-sdk/src/contract.generated.ts as the contracts are now. */
export function sdkContractSource(): string {
  const ruled = ruledClasses();
  const models = new Map<string, Model>();
  // What each class is the data of: event types, or requests' bodies and replies.
  const docs = new Map<string, { types: string[]; roles: string[] }>();
  const pending: { cls: AnyClass; swagger: boolean }[] = [];
  const need = (cls: AnyClass, doc?: { type?: string; role?: string }): void => {
    if (doc) {
      const d = docs.get(cls.name) ?? { types: [], roles: [] };
      if (doc.type) d.types.push(`\`${doc.type}\``);
      if (doc.role) d.roles.push(doc.role);
      docs.set(cls.name, d);
    }
    if (!pending.some((p) => p.cls === cls) && !models.has(cls.name)) pending.push({ cls, swagger: !ruled.has(cls.name) });
  };

  const agencyTypes = new Set(Object.keys(AgencyEventPayloads));
  const platform = Object.entries(EVENT_PAYLOADS)
    .filter(([type]) => !agencyTypes.has(type) && !type.startsWith(AGENCY_EVENT_PREFIX))
    .sort(([a], [b]) => a.localeCompare(b));
  const agency = Object.entries(AgencyEventPayloads).sort(([a], [b]) => a.localeCompare(b));
  const exported = contracts as unknown as Record<string, unknown>;
  const requests = Object.entries(AGENCY_API)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, api]) => {
      const reply = exported[api.reply];
      if (typeof reply !== 'function') throw new Error(`AGENCY_API ${name}: reply class ${api.reply} is not exported by @ocop/contracts`);
      return { name, request: api.request as AnyClass, reply: reply as AnyClass };
    });

  for (const [type, cls] of [...platform, ...agency]) need(cls, { type });
  for (const r of requests) {
    need(r.request, { role: `the body of the request \`${r.name}\`` });
    need(r.reply, { role: `the \`data\` of the reply to \`${r.name}\`` });
  }

  while (pending.length) {
    const { cls, swagger } = pending.shift()!;
    if (models.has(cls.name)) continue;
    const found = new Map<string, AnyClass>();
    const properties = swagger ? fromApiProperties(cls, found) : fromValidation(cls);
    const d = docs.get(cls.name);
    const said = d && [...(d.types.length ? [`the \`data\` of ${and(d.types)}`] : []), ...d.roles];
    models.set(cls.name, {
      name: cls.name,
      doc: said?.length ? [`${and(said).replace(/^t/, 'T')}.`] : ['A part of a payload.'],
      properties,
    });
    // Nested classes: a validated class's `$ref` names a ruled class; a reply's, the class its @ApiProperty gave.
    for (const p of properties) {
      const ref = p.schema.$ref ?? p.schema.items?.$ref;
      if (!ref) continue;
      const name = ref.slice(REF.length);
      const nested = found.get(name) ?? ruled.get(name);
      if (!nested) throw new Error(`${cls.name}.${p.name}: ${name} is not a class the SDK contract knows`);
      need(nested);
    }
  }

  const map = (name: string, doc: string, entries: [string, string][]): string =>
    [`/** ${doc} */`, `export interface ${name} {`, ...entries.map(([k, v]) => `  '${k}': ${v};`), '}'].join('\n');
  const list = (name: string, doc: string, of: string, values: string[]): string =>
    [`/** ${doc} */`, `export const ${name} = [`, ...values.map((v) => `  '${v}',`), `] as const satisfies readonly (keyof ${of})[];`].join(
      '\n',
    );

  const blocks = [
    HEADER,
    ...[...models.values()].sort((a, b) => a.name.localeCompare(b.name)).map(emitInterface),
    map(
      'PlatformEvents',
      "The platform's domain events an agency may be granted, by type (on `<prefix>.events.<type>`): the type of each event's `data`.",
      platform.map(([type, cls]) => [type, cls.name]),
    ),
    map(
      'AgencyEventsMap',
      "The events an agency publishes in its own space (`<prefix>.agency.<CODE>.events.<event>.v<N>`), by type: each one's `data`.",
      agency.map(([type, cls]) => [type, cls.name]),
    ),
    map(
      'AgencyRequests',
      "The requests an agency sends on `<prefix>.agency.<CODE>.api.<name>`, by name: the body and the reply's `data`.",
      requests.map((r) => [r.name, `{ request: ${r.request.name}; reply: ${r.reply.name} }`]),
    ),
    list(
      'PLATFORM_EVENT_TYPES',
      'Every platform event type, for checks at run time.',
      'PlatformEvents',
      platform.map(([t]) => t),
    ),
    list(
      'AGENCY_EVENT_TYPES',
      'Every agency event type, for checks at run time.',
      'AgencyEventsMap',
      agency.map(([t]) => t),
    ),
    list(
      'AGENCY_REQUEST_NAMES',
      'Every agency request name, for checks at run time.',
      'AgencyRequests',
      requests.map((r) => r.name),
    ),
  ];
  return `${blocks.join('\n\n')}\n`;
}
