import { jetstreamManager } from '@nats-io/jetstream';
import { connect, credsAuthenticator, type NatsConnection, type Status } from '@nats-io/transport-node';
import { agencyCodeOfSubject, agencyInboxPrefix, eventSubject } from '@ocop/contracts';
import { eventually, startOwnNatsServer, type OwnNatsServer } from '@ocop/testing';
import {
  accountUserCreds,
  agencyKeysOf,
  AgencyCredentialIssuer,
  createOperatorSetup,
  operatorModeServerConfig,
  pushAccountJwt,
  type IssuedAgencyCredential,
  type OperatorSetup,
} from '../src';

/**
 * Agency credentials against a real nats-server (its own, on a free port) started with the generated operator-mode
 * configuration: an agency publishes, subscribes and requests only inside its grants, its events reach a JetStream
 * stream of the platform's account with their ack, and a revoked credential is refused at once.
 */
const PREFIX = 'ocop';
const ISSUED = eventSubject(PREFIX, 'certification.certificate-issued.v1');
const REVOKED_EVENT = eventSubject(PREFIX, 'certification.certificate-revoked.v1');

let setup: OperatorSetup;
let server: OwnNatsServer;
let platformNc: NatsConnection;
let sysNc: NatsConnection;
let issuer: AgencyCredentialIssuer;
const open: NatsConnection[] = [];

const authenticator = (creds: string) => credsAuthenticator(new TextEncoder().encode(creds));

async function connectAgency(credential: IssuedAgencyCredential, code: string): Promise<{ nc: NatsConnection; errors: string[] }> {
  const nc = await connect({
    servers: server.url,
    authenticator: authenticator(credential.creds),
    inboxPrefix: agencyInboxPrefix(code),
    reconnect: false,
  });
  open.push(nc);
  const errors: string[] = [];
  void (async () => {
    for await (const s of nc.status() as AsyncIterable<Status>) if (s.type === 'error') errors.push(String(s.error.message));
  })();
  return { nc, errors };
}

beforeAll(async () => {
  setup = await createOperatorSetup(PREFIX);
  server = await startOwnNatsServer((dir) => operatorModeServerConfig(setup, { resolver: `${dir}/jwt`, jetstream: `${dir}/js` }));
  platformNc = await connect({
    servers: server.url,
    authenticator: authenticator(await accountUserCreds(setup.seeds.platform, 'platform')),
  });
  sysNc = await connect({ servers: server.url, authenticator: authenticator(await accountUserCreds(setup.seeds.system, 'sys')) });
  issuer = new AgencyCredentialIssuer(agencyKeysOf(setup));
});

afterAll(async () => {
  for (const nc of [...open, platformNc, sysNc]) await nc?.close().catch(() => undefined);
  await server?.stop();
});

describe('an agency credential', () => {
  it('publishes into its own space only, and the platform reads the agency from the subject', async () => {
    const health = await connectAgency(await issuer.issue({ agencyCode: 'SYT', eventTypes: [] }), 'SYT');
    const heard: string[] = [];
    const sub = platformNc.subscribe(`${PREFIX}.agency.>`, { callback: (_e, m) => void heard.push(m.subject) });
    await platformNc.flush();

    health.nc.publish(`${PREFIX}.agency.SYT.opinion-given.v1`, '{}');
    health.nc.publish(`${PREFIX}.agency.SCT.market-surveillance-reported.v1`, '{}');
    health.nc.publish(`${PREFIX}.events.agency.market-surveillance-reported.v1`, '{}');
    await health.nc.flush();

    await eventually(async () => health.errors.length === 2);
    expect(health.errors.join('\n')).toMatch(/Permissions Violation for Publish to "ocop\.agency\.SCT\./);
    expect(health.errors.join('\n')).toMatch(/Permissions Violation for Publish to "ocop\.events\.agency\./);
    await platformNc.flush();
    expect(heard).toEqual([`${PREFIX}.agency.SYT.opinion-given.v1`]);
    expect(heard.map((s) => agencyCodeOfSubject(PREFIX, s))).toEqual(['SYT']);
    sub.unsubscribe();
  });

  it('receives the public events it was granted and may not subscribe to others', async () => {
    const sct = await connectAgency(await issuer.issue({ agencyCode: 'SCT', eventTypes: ['certification.certificate-issued.v1'] }), 'SCT');
    const got: string[] = [];
    sct.nc.subscribe(ISSUED, { callback: (_e, m) => void got.push(m.subject) });
    const refused = sct.nc.subscribe(REVOKED_EVENT);
    const spying = sct.nc.subscribe(`${PREFIX}.agency.>`);
    await sct.nc.flush();

    platformNc.publish(ISSUED, '{}');
    platformNc.publish(REVOKED_EVENT, '{}');
    platformNc.publish(`${PREFIX}.agency.SYT.opinion-given.v1`, '{}');
    await platformNc.flush();

    expect(String(await refused.closed)).toMatch(
      /Permissions Violation for Subscription to "ocop\.events\.certification\.certificate-revoked/,
    );
    expect(String(await spying.closed)).toMatch(/Permissions Violation for Subscription to "ocop\.agency\.>"/);
    await eventually(async () => got.length > 0);
    expect(got).toEqual([ISSUED]);
  });

  it("requests its own API subjects and gets the reply on its own inbox; another agency's are refused", async () => {
    const responder = platformNc.subscribe(`${PREFIX}.agency.*.api.>`, {
      callback: (_e, m) => void m.respond(JSON.stringify({ agency: agencyCodeOfSubject(PREFIX, m.subject) })),
    });
    await platformNc.flush();
    const skhcn = await connectAgency(await issuer.issue({ agencyCode: 'SKHCN', eventTypes: [] }), 'SKHCN');

    const reply = await skhcn.nc.request(`${PREFIX}.agency.SKHCN.api.dossier-documents`, '{}', { timeout: 2_000 });
    expect(reply.json()).toEqual({ agency: 'SKHCN' });
    await expect(skhcn.nc.request(`${PREFIX}.agency.SYT.api.dossier-documents`, '{}', { timeout: 1_000 })).rejects.toThrow();
    await expect(skhcn.nc.request(`${PREFIX}.registration.producers.list`, '{}', { timeout: 1_000 })).rejects.toThrow();
    await eventually(async () => skhcn.errors.length === 2);
    expect(skhcn.errors.join('\n')).toMatch(/Permissions Violation for Publish to "ocop\.registration\./);
    responder.unsubscribe();
  });

  it("publishes its events into a JetStream stream of the platform's account and gets the stream's ack", async () => {
    const jsm = await jetstreamManager(platformNc);
    await jsm.streams.add({ name: 'AGENCY_EVENTS', subjects: [`${PREFIX}.agency.*.events.>`] });
    const health = await connectAgency(await issuer.issue({ agencyCode: 'SYT', eventTypes: [] }), 'SYT');

    const ack = await health.nc.request(`${PREFIX}.agency.SYT.events.opinion-given.v1`, '{"id":"e1"}', { timeout: 2_000 });

    expect(ack.json()).toMatchObject({ stream: 'AGENCY_EVENTS', seq: 1 });
    const stored = await jsm.streams.getMessage('AGENCY_EVENTS', { seq: 1 });
    expect(stored?.subject).toBe(`${PREFIX}.agency.SYT.events.opinion-given.v1`);
    expect(stored?.string()).toBe('{"id":"e1"}');
  });

  it('is refused at once after its revocation is pushed to the resolver, while other agencies stay connected', async () => {
    const push = async (revocations: Record<string, number>) => pushAccountJwt(sysNc, await issuer.accountWithRevocations(revocations));
    const first = await issuer.issue({ agencyCode: 'SYT', eventTypes: [] });
    const second = await issuer.issue({ agencyCode: 'SCT', eventTypes: [] });
    const kept = await connectAgency(await issuer.issue({ agencyCode: 'SCT', eventTypes: [] }), 'SCT');
    const [firstNc, secondNc] = [(await connectAgency(first, 'SYT')).nc, (await connectAgency(second, 'SCT')).nc];
    const revokedAt = Math.floor(Date.now() / 1000);

    await push({ [first.userKey]: revokedAt });
    await firstNc.closed();
    await expect(connectAgency(first, 'SYT')).rejects.toThrow(/Authorization Violation/i);
    expect(secondNc.isClosed()).toBe(false);

    // A second revocation right after (the account JWT re-signed within the same second) takes effect too.
    await push({ [first.userKey]: revokedAt, [second.userKey]: revokedAt });
    await secondNc.closed();
    await expect(connectAgency(second, 'SCT')).rejects.toThrow(/Authorization Violation/i);
    expect(kept.nc.isClosed()).toBe(false);
    await kept.nc.flush();
  });
});
