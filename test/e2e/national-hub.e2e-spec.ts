import { randomUUID } from 'node:crypto';
import { jetstream } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { DEMO, ProgrammeEvents, RegistrationEvents, eventSubject, type EventEnvelope } from '@ocop/contracts';
import { ensureEventStream, type NationalProvince } from '@ocop/messaging';
import { eventually, freePort, startOwnNatsServer, type OwnNatsServer } from '@ocop/testing';
import { startPlatform, type Platform } from '../support/platform';
import { hubServerConfig, provinceServerConfig } from '../support/national-hub-servers';

const P38: NationalProvince & { prefix: string } = { domain: 'province38', stream: 'P38_EVENTS', prefix: 'p38' };
const LEAF_PASSWORD = 'leaf-secret-38';
const HUB_USER = { user: 'hub', pass: 'hub-secret' };

/** An event as a province's outbox relay publishes it: the envelope as JSON, its id as Nats-Msg-Id. */
function envelope(type: string, data: Record<string, unknown>, time: string): EventEnvelope {
  return {
    specversion: '1.0',
    id: randomUUID(),
    source: `ocop/${type.split('.')[0]}`,
    type,
    subject: randomUUID(),
    time,
    datacontenttype: 'application/json',
    data,
    correlationid: randomUUID(),
  };
}

/**
 * national-hub mode end to end (issue 17): a hub platform on its own nats-server, a province's nats-server a leaf of it;
 * a potential 5★ the province forwarded to the central council, and its annual figures, arrive at the hub through the
 * leaf node and are read through the hub's API by the ministry's side (a national admin) — each once, whatever the
 * redeliveries; what the province does not share stays home.
 */
describe('the national hub: provinces’ forwarded dossiers and annual figures over a leaf node', () => {
  let hub: OwnNatsServer;
  let province: OwnNatsServer;
  let provinceNc: NatsConnection;
  let p: Platform;
  let admin: string;

  beforeAll(async () => {
    const leafPort = await freePort();
    hub = await startOwnNatsServer((dir) =>
      hubServerConfig(dir, { leafPort, hubUser: HUB_USER, noAuthUser: true, provinces: [{ province: P38, password: LEAF_PASSWORD }] }),
    );
    province = await startOwnNatsServer((dir) => provinceServerConfig(dir, P38, LEAF_PASSWORD, leafPort));
    provinceNc = await connect({ servers: province.url });
    await ensureEventStream(provinceNc, { name: P38.stream!, prefix: P38.prefix });
    p = await startPlatform({
      nats: { url: hub.url },
      gateway: { loginRateLimit: 1000 },
      programme: { nationalHubProvinces: [P38], nationalStream: 'NATIONAL', nationalHubPollMs: 200 },
    });
    admin = await p.login('admin');
  }, 120_000);
  afterAll(async () => {
    await p?.stop();
    await provinceNc?.close();
    await province?.stop();
    await hub?.stop();
  });

  it('receives a forwarded 5★ dossier and the annual figures once, and only those', async () => {
    const js = jetstream(provinceNc);
    const publish = async (e: EventEnvelope) => js.publish(eventSubject(P38.prefix, e.type), JSON.stringify(e), { msgID: e.id });
    const forwarded = envelope(
      RegistrationEvents.dossierForwarded,
      {
        dossierId: randomUUID(),
        dossierCode: 'HS-38-2024-0042',
        productId: randomUUID(),
        producerId: randomUUID(),
        status: 'FORWARDED',
        communeCode: '14878',
        provinceCode: '38',
        causedBy: 'scoring.evaluation-completed.v1',
        tier: 'CENTRAL',
        sessionId: randomUUID(),
        evaluationId: randomUUID(),
      },
      '2024-10-05T09:00:00.000Z',
    );
    const figures = envelope(
      ProgrammeEvents.reportSubmitted,
      {
        reportId: randomUUID(),
        provinceCode: '38',
        unitCode: '38',
        kind: 'PROVINCE_ANNUAL',
        year: 2024,
        from: '2024-01-01',
        to: '2024-12-31',
        issued3: 103,
        issued4: 13,
        issued5: 4,
        firstCertifications: 110,
        valid3: 300,
        valid4: 41,
        valid5: 6,
        revoked: 2,
        submittedAt: '2024-12-18T03:00:00.000Z',
      },
      '2024-12-18T03:00:00.000Z',
    );
    const unshared = envelope(
      RegistrationEvents.dossierSubmitted,
      {
        dossierId: randomUUID(),
        dossierCode: 'HS-38-2024-0043',
        productId: randomUUID(),
        producerId: randomUUID(),
        status: 'SUBMITTED',
        communeCode: '14878',
        provinceCode: '38',
        resubmission: false,
      },
      '2024-10-06T09:00:00.000Z',
    );
    for (const e of [unshared, forwarded, figures]) await publish(e);

    const get = async (path: string, token = admin) => p.http('GET', `/api/programme/national/${path}`, { token });
    const arrived = await eventually(
      async () => {
        const [f, d] = [(await get('figures?year=2024')).body, (await get('forwarded')).body];
        return Array.isArray(f) && f.length === 1 && Array.isArray(d) && d.length === 1 && { f, d };
      },
      30_000,
      'the province’s events at the hub',
    );
    expect(arrived.d[0]).toMatchObject({
      provinceCode: '38',
      domain: 'province38',
      dossierCode: 'HS-38-2024-0042',
      forwardedAt: '2024-10-05T09:00:00.000Z',
    });
    expect(arrived.f[0]).toMatchObject({
      provinceCode: '38',
      domain: 'province38',
      kind: 'PROVINCE_ANNUAL',
      year: 2024,
      issued3: 103,
      issued5: 4,
    });

    // Sent again by the province (its relay republishing under another message id): still once at the hub.
    await js.publish(eventSubject(P38.prefix, forwarded.type), JSON.stringify(forwarded), { msgID: randomUUID() });
    const second = envelope(
      RegistrationEvents.dossierForwarded,
      { ...(forwarded.data as Record<string, unknown>), dossierId: randomUUID(), dossierCode: 'HS-38-2024-0050' },
      '2024-11-02T09:00:00.000Z',
    );
    await publish(second);
    await eventually(async () => (await get('forwarded')).body.length === 2, 30_000, 'the second forwarded dossier');
    await new Promise((r) => setTimeout(r, 600));
    expect(((await get('forwarded')).body as { dossierCode: string }[]).map((d) => d.dossierCode)).toEqual([
      'HS-38-2024-0042',
      'HS-38-2024-0050',
    ]);
    expect((await get('figures?year=2025')).body).toEqual([]);

    // The ministry's side only: a province office on the hub platform is refused.
    expect((await get('figures', await p.login('province.office'))).status).toBe(403);
    expect(DEMO.provinceCode).toBe('38');
  }, 120_000);
});
