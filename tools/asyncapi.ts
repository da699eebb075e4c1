import { getMetadataStorage } from 'class-validator';
import { validationMetadataArrayToSchemas } from 'class-validator-jsonschema';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { stringify } from 'yaml';
import {
  AGENCY_API,
  AGENCY_EVENT_PREFIX,
  AgencyEvents,
  EVENT_PAYLOADS,
  HEADERS,
  LAB_CREDENTIAL_HEADER,
  RecordResultCommand,
} from '@ocop/contracts';

/**
 * The platform's public message contract as an AsyncAPI 3.0 document, built from the registries in libs/contracts:
 * every domain event (the platform sends; a payload class per type, its JSON Schema from the class's own validation
 * rules), what an agency publishes (the platform receives), and the lab's request/reply subject. `npm run
 * docs:asyncapi` writes it to docs/asyncapi.yaml; test/e2e/asyncapi.e2e-spec.ts checks that the committed document is
 * this one, that @asyncapi/parser finds it valid, and that every registered event type has its channel.
 */

/** Versioned event types: how long a version lives beside its successor (also in docs/architecture.md). */
export const DEPRECATION_RULE =
  'An event type is versioned in its name (`.v1`, `.v2`). A change that a consumer could break on (a field removed, ' +
  'renamed or retyped, a meaning changed) is a new version. The new version is published beside the old one for at ' +
  'least six months (two evaluation rounds); the old one is marked deprecated in this document the day its successor ' +
  'ships and stops being published after that. Adding an optional field is not a new version: consumers ignore fields ' +
  'they do not know.';

const envelopeProperties = (type: string, dataRef: string) => ({
  specversion: { type: 'string', const: '1.0' },
  id: { type: 'string', format: 'uuid', description: 'The event id (also its Nats-Msg-Id): consumers deduplicate on it' },
  source: { type: 'string', examples: ['ocop/certification'] },
  type: { type: 'string', const: type },
  subject: { type: 'string', description: 'The id of the record the event is about' },
  time: { type: 'string', format: 'date-time', description: 'The instant the change took effect (the as-of instant)' },
  datacontenttype: { type: 'string', const: 'application/json' },
  data: { $ref: dataRef },
  correlationid: { type: 'string' },
  causationid: { type: 'string' },
  actorid: { type: 'string' },
  actorrole: { type: 'string' },
});

const messageId = (type: string) => type.replace(/\./g, '_');

type IOptions = NonNullable<Parameters<typeof validationMetadataArrayToSchemas>[1]>;

/** class-transformer's metadata (not part of its typed API): what class a nested property holds. */
type TransformerStorage = IOptions['classTransformerMetadataStorage'];
// eslint-disable-next-line @typescript-eslint/no-require-imports -- no typed entry point
const transformerModule = require('class-transformer/cjs/storage') as { defaultMetadataStorage: TransformerStorage };

const OPTIONS: Partial<IOptions> = {
  refPointerPrefix: '#/components/schemas/',
  classTransformerMetadataStorage: transformerModule.defaultMetadataStorage,
  additionalConverters: {
    // The platform's own instant rule: ISO 8601 with its offset, on a real calendar day.
    isInstant: () => ({ type: 'string', format: 'date-time' }),
    isCalendarDate: () => ({ type: 'string', format: 'date' }),
  } as IOptions['additionalConverters'],
};

/** A class with validation rules (the metadata's own key type). */
type RuledClass = abstract new (...args: never[]) => unknown;

/**
 * A class's JSON Schema from its validation rules, its ancestors' included: the rules as class-validator itself resolves
 * them for the class (so the schema says what validation checks), custom rules named by their constraint. A property
 * typed only as an array or an object (a tuple list, a free-form map) has no class to refer to.
 */
function schemaOf(cls: RuledClass): Record<string, unknown> {
  const storage = getMetadataStorage();
  const metas = storage.getTargetValidationMetadatas(cls, '', true, false).map((m: ValidationMetadata) => {
    const constraint = m.constraintCls ? storage.getTargetValidatorConstraints(m.constraintCls)[0] : undefined;
    return { ...m, target: cls, ...(constraint ? { type: constraint.name } : {}) } as ValidationMetadata;
  });
  const schema = (validationMetadataArrayToSchemas(metas, OPTIONS) as Record<string, Record<string, unknown>>)[cls.name] ?? {
    type: 'object',
    properties: {},
  };
  const text = JSON.stringify(schema)
    .replaceAll('{"$ref":"#/components/schemas/Array"}', '{"type":"array"}')
    .replaceAll('{"$ref":"#/components/schemas/Object"}', '{"type":"object"}');
  return JSON.parse(text) as Record<string, unknown>;
}

/** Every class with validation rules, by name (the schemas' names in the document). */
function classesByName(): Map<string, RuledClass> {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<RuledClass, unknown[]> };
  return new Map([...storage.validationMetadatas.keys()].map((c) => [c.name, c]));
}

export function buildAsyncApi(): Record<string, unknown> {
  const classes = classesByName();
  const agencyTypes = new Set<string>(Object.values(AgencyEvents));
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  const used = new Set<string>();
  const prefix = { prefix: { description: 'The deployment prefix of every subject', default: 'ocop' } };

  for (const [type, cls] of Object.entries(EVENT_PAYLOADS).sort(([a], [b]) => a.localeCompare(b))) {
    const id = messageId(type);
    used.add(cls.name);
    messages[id] = {
      name: type,
      title: type,
      contentType: 'application/json',
      payload: {
        type: 'object',
        required: ['specversion', 'id', 'source', 'type', 'time', 'datacontenttype', 'data'],
        properties: envelopeProperties(type, `#/components/schemas/${cls.name}`),
      },
    };
    const agency = agencyTypes.has(type);
    channels[id] = agency
      ? {
          // An agency publishes in its own space; the platform takes the agency from the subject, never from the payload.
          address: `{prefix}.agency.{agencyCode}.events.${type.slice(AGENCY_EVENT_PREFIX.length)}`,
          title: type,
          parameters: { ...prefix, agencyCode: { description: 'The agency whose credential publishes it (SCT, SYT, ...)' } },
          messages: { [id]: { $ref: `#/components/messages/${id}` } },
        }
      : {
          address: `{prefix}.events.${type}`,
          title: type,
          parameters: prefix,
          messages: { [id]: { $ref: `#/components/messages/${id}` } },
        };
    operations[`${agency ? 'receive' : 'send'}_${id}`] = {
      action: agency ? 'receive' : 'send',
      channel: { $ref: `#/channels/${id}` },
      summary: agency
        ? `An agency's service publishes ${type} in its own space (a JetStream publish: wait for the ack); the platform consumes it.`
        : `The platform publishes ${type} on the JetStream stream (at least once; deduplicate on the envelope id).`,
    };
  }

  // A lab's service sends its results as request/reply on its own subject, its credential in a header.
  used.add(RecordResultCommand.name);
  messages.lab_sample_results = {
    name: 'lab.sample-results',
    title: "A lab's sample results",
    contentType: 'application/json',
    headers: {
      type: 'object',
      required: [LAB_CREDENTIAL_HEADER],
      properties: { [LAB_CREDENTIAL_HEADER]: { type: 'string', description: 'The credential an admin issued to the lab' } },
    },
    payload: { $ref: `#/components/schemas/${RecordResultCommand.name}` },
  };
  messages.rpc_reply = {
    name: 'rpc.reply',
    title: 'A request’s reply',
    contentType: 'application/json',
    payload: {
      type: 'object',
      required: ['ok'],
      properties: {
        ok: { type: 'boolean' },
        data: { description: 'The result, when ok' },
        error: {
          type: 'object',
          properties: { code: { type: 'string' }, kind: { type: 'string' }, message: { type: 'string' }, field: { type: 'string' } },
        },
      },
    },
  };
  channels.lab_sample_results = {
    address: '{prefix}.agency.{labCode}.sample-results',
    title: "A lab's sample results",
    parameters: { ...prefix, labCode: { description: 'The lab code the admin registered (LAB01, ...)' } },
    messages: { lab_sample_results: { $ref: '#/components/messages/lab_sample_results' } },
  };
  channels.rpc_reply = {
    address: null,
    title: 'The requester’s inbox',
    messages: { rpc_reply: { $ref: '#/components/messages/rpc_reply' } },
  };
  operations.receive_lab_sample_results = {
    action: 'receive',
    channel: { $ref: '#/channels/lab_sample_results' },
    summary: "A lab's service records a sample's results (request/reply).",
    reply: { channel: { $ref: '#/channels/rpc_reply' }, messages: [{ $ref: '#/channels/rpc_reply/messages/rpc_reply' }] },
  };

  // An agency's service makes its requests on its own subjects; the agency is the subject's, never the body's.
  for (const [name, spec] of Object.entries(AGENCY_API)) {
    const id = `agency_api_${name.replace(/[.-]/g, '_')}`;
    used.add(spec.request.name);
    messages[id] = {
      name: `agency.api.${name}`,
      title: `An agency's request ${name}`,
      contentType: 'application/json',
      headers: {
        type: 'object',
        properties: {
          [HEADERS.asOf]: { type: 'string', format: 'date-time', description: 'Outside production: the instant the request acts as of' },
          [HEADERS.asOfSource]: {
            type: 'string',
            enum: ['event'],
            description:
              'With ocop-as-of: the as-of is the time of the event the request answers (not refused as dated before the record’s last change)',
          },
        },
      },
      payload: { $ref: `#/components/schemas/${spec.request.name}` },
    };
    channels[id] = {
      address: `{prefix}.agency.{agencyCode}.api.${name}`,
      title: `An agency's request ${name}`,
      parameters: { ...prefix, agencyCode: { description: 'The agency whose credential sends it (SCT, SYT, ...)' } },
      messages: { [id]: { $ref: `#/components/messages/${id}` } },
    };
    operations[`receive_${id}`] = {
      action: 'receive',
      channel: { $ref: `#/channels/${id}` },
      summary: `An agency's service sends ${name} (request/reply, answered by ${spec.service}); the reply's data is a ${spec.reply} (docs/openapi.json).`,
      reply: { channel: { $ref: '#/channels/rpc_reply' }, messages: [{ $ref: '#/channels/rpc_reply/messages/rpc_reply' }] },
    };
  }

  // The schemas the messages reach, and those they refer to.
  const schemas = new Map<string, Record<string, unknown>>();
  const visit = (name: string) => {
    const cls = classes.get(name);
    if (schemas.has(name) || !cls) return;
    const schema = schemaOf(cls);
    schemas.set(name, schema);
    for (const m of JSON.stringify(schema).matchAll(/#\/components\/schemas\/([A-Za-z0-9_]+)/g)) visit(m[1]!);
  };
  for (const name of used) visit(name);

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'OCOP platform: the public event contract',
      version: '1.0.0',
      description:
        "What an outside system (an agency's service, a lab's) may use on the platform's NATS: the domain events the platform " +
        'publishes, the events an agency may publish, and the requests it may make, with a JSON Schema for each payload. ' +
        `Every event is a CloudEvents 1.0 envelope in JSON. ${DEPRECATION_RULE}`,
    },
    defaultContentType: 'application/json',
    servers: {
      province: {
        host: 'nats.ocop.example.gov.vn:4222',
        protocol: 'nats',
        description: "The province's NATS (JetStream stream OCOP_EVENTS for events); each agency connects with its own credential.",
      },
    },
    channels,
    operations,
    components: {
      messages,
      schemas: Object.fromEntries([...schemas.keys()].sort().map((n) => [n, schemas.get(n)])),
    },
  };
}

/** The document as written to docs/asyncapi.yaml. */
export const asyncApiYaml = (): string => stringify(buildAsyncApi(), { lineWidth: 0, aliasDuplicateObjects: false });
