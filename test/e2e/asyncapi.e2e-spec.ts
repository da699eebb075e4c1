import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Parser } from '@asyncapi/parser';
import { AGENCY_API, AGENCY_EVENT_PREFIX, agencyApiSubject, agencyEventSubject, EVENT_PAYLOADS, eventSubject } from '@ocop/contracts';
import { asyncApiYaml, buildAsyncApi } from '../../tools/asyncapi';

const committed = readFileSync(resolve(__dirname, '..', '..', 'docs', 'asyncapi.yaml'), 'utf8');

/** The public event contract: committed as generated, valid AsyncAPI 3.0, complete against the registries. */
describe('AsyncAPI', () => {
  it('matches the committed docs/asyncapi.yaml (regenerate with npm run docs:asyncapi)', () => {
    expect(committed).toBe(asyncApiYaml());
  });

  it('is a valid AsyncAPI 3.0 document', async () => {
    const { document, diagnostics } = await new Parser().parse(committed);
    const errors = diagnostics.filter((d) => d.severity === 0).map((d) => `${d.path.join('.')}: ${d.message}`);
    expect(errors).toEqual([]);
    expect(document?.version()).toBe('3.0.0');
  }, 60_000);

  it('has a channel, a message and a payload schema for every registered event type', () => {
    const doc = buildAsyncApi() as {
      channels: Record<string, { address: string | null }>;
      components: {
        messages: Record<string, { name: string; payload: { properties?: { data?: { $ref: string } } } }>;
        schemas: Record<string, unknown>;
      };
    };
    const addresses = new Set(Object.values(doc.channels).map((c) => c.address));
    for (const [type, cls] of Object.entries(EVENT_PAYLOADS)) {
      // The address is the subject the platform's own subject functions give (an agency's events in its own space).
      const address = type.startsWith(AGENCY_EVENT_PREFIX)
        ? agencyEventSubject('{prefix}', '{agencyCode}', type)
        : eventSubject('{prefix}', type);
      expect({ type, channel: addresses.has(address) }).toEqual({ type, channel: true });
      const message = Object.values(doc.components.messages).find((m) => m.name === type);
      expect(message?.payload.properties?.data?.$ref).toBe(`#/components/schemas/${cls.name}`);
      expect(doc.components.schemas[cls.name]).toEqual(expect.objectContaining({ type: 'object' }));
    }
  });

  it("has a channel and a body schema for every request an agency's service may make", () => {
    const doc = buildAsyncApi() as {
      channels: Record<string, { address: string | null; messages: Record<string, { $ref: string }> }>;
      components: { messages: Record<string, { payload: { $ref: string } }>; schemas: Record<string, unknown> };
    };
    for (const [name, spec] of Object.entries(AGENCY_API)) {
      const channel = Object.values(doc.channels).find((c) => c.address === agencyApiSubject('{prefix}', '{agencyCode}', name));
      expect({ name, channel: !!channel }).toEqual({ name, channel: true });
      const id = Object.values(channel!.messages)[0]!.$ref.split('/').at(-1)!;
      expect(doc.components.messages[id]?.payload.$ref).toBe(`#/components/schemas/${spec.request.name}`);
      expect(doc.components.schemas[spec.request.name]).toEqual(expect.objectContaining({ type: 'object' }));
    }
  });
});
