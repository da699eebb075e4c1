import { randomUUID } from 'node:crypto';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager, type PubAck } from '@nats-io/jetstream';
import {
  CertificationEvents,
  DEMO,
  RegistrationEvents,
  eventSubject,
  type CertificateEventData,
  type CertificateExpiringData,
  type CertificateIssuedData,
  type CertificateRevokedData,
  type CertificateSupersededData,
  type EventEnvelope,
} from '@ocop/contracts';
import { eventually } from '@ocop/testing';
import { startPlatform, type Platform } from '../support/platform';
import { councilOfFour, evaluationOf, newProducer, proposedDossier, sheetWithTotal, treeFor } from '../support/scoring';

type Invitation = {
  id: string;
  certificateId: string;
  status: string;
  lastNoticeDays: number;
  dossierId: string;
  reevaluationDossierId: string | null;
  closedReason: string | null;
  [k: string]: unknown;
};
type Entry = { id: string; type: string; data: Record<string, unknown> };

const INVITATIONS = '/api/registration/reevaluation-invitations';
const CONSUMERS = ['registration-timeline', 'registration-evaluation-progress', 'registration-reevaluation-invitations'];

/**
 * Registration follows certification's events (published here onto the bus the way certification's outbox relay
 * does: a CloudEvents envelope on the event subject, the event id as Nats-Msg-Id): a certified dossier, then
 * re-evaluation invitations opened by expiry notices, filed by a RE_EVALUATION dossier, closed by the certificate's end.
 */
describe('registration follows certification', () => {
  let p: Platform;
  let nc: NatsConnection;
  let js: JetStreamClient;
  let jsm: JetStreamManager;
  let admin: string;
  let office: string;
  let officer: string;
  const asOf = '2024-05-10T03:00:00Z';

  /** Two dossiers of two producers (each with a login), scored CERTIFY 3★ by a district council: UNDER_EVALUATION. */
  const ready: { producerId: string; token: string; dossierId: string; productId: string; evaluationId: string }[] = [];

  beforeAll(async () => {
    // Certification is not started: this file plays its events itself.
    p = await startPlatform({ gateway: { loginRateLimit: 1000 }, certification: false, scoring: { allowProvisionalCertification: true } }); // the shipped 148 catalogue is PROVISIONAL
    nc = await connect({ servers: p.env.natsUrl });
    js = jetstream(nc);
    jsm = await jetstreamManager(nc);
    admin = await p.login('admin');
    office = await p.login('province.office');
    officer = await p.login('commune.officer');
    const district = await p.login('district.officer');

    for (const [i, name] of ['Hợp tác xã Nem chua Đông Sơn', 'Hộ kinh doanh Chả tôm Sầm Sơn'].entries()) {
      const producerId = await newProducer(p, officer, name);
      const username = `producer.cert${i + 1}`;
      const user = await p.http('POST', '/api/users', {
        token: admin,
        body: { username, password: 'a-long-password-1', fullName: name, role: 'PRODUCER', provinceCode: DEMO.provinceCode, producerId },
      });
      expect(user.status).toBe(201);
      const dossierId = await proposedDossier(p, officer, producerId, i === 0 ? 'Nem chua Thanh Hóa' : 'Chả tôm Sầm Sơn', {
        asOf,
        productSetCode: '08',
      });
      const productId = (await p.http('GET', `/api/dossiers/${dossierId}`, { token: office })).body.productId as string;
      const evaluationId = (await evaluationOf(p, district, dossierId, 'DISTRICT')).id;
      ready.push({ producerId, token: await p.login(username, 'a-long-password-1'), dossierId, productId, evaluationId });
    }

    // The district council (148, no lab, no commune assessment) scores both 62: CERTIFY 3★ by the district.
    const council = await councilOfFour(p, admin, district, {
      prefix: 'hdcert',
      tier: 'DISTRICT',
      unitCode: DEMO.districtCode,
      name: 'Hội đồng OCOP thành phố Thanh Hóa',
      authorityName: 'UBND thành phố Thanh Hóa',
    });
    const { secretary } = council;
    const s = await p.http('POST', '/api/scoring/sessions', {
      token: secretary.token,
      headers: { 'x-as-of': '2024-06-20T02:00:00Z' },
      body: { councilId: council.id, title: 'Phiên họp đánh giá', location: 'Hội trường UBND', scheduledFor: '2024-06-20T02:00:00Z' },
    });
    expect(s.status).toBe(201);
    const sessionDay = { 'x-as-of': '2024-06-20T02:00:00Z' };
    expect(
      (
        await p.http('POST', `/api/scoring/sessions/${s.body.id}/agenda`, {
          token: secretary.token,
          headers: sessionDay,
          body: { evaluationIds: ready.map((r) => r.evaluationId) },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await p.http('PUT', `/api/scoring/sessions/${s.body.id}/attendance`, {
          token: secretary.token,
          headers: sessionDay,
          body: { presentMemberIds: council.present },
        })
      ).status,
    ).toBe(200);
    const tree = await treeFor(p, admin, '148', '08');
    for (const r of ready) {
      for (const m of council.voting) {
        const sheet = await p.http('PUT', `/api/scoring/sessions/${s.body.id}/evaluations/${r.evaluationId}/sheet`, {
          token: m.token,
          body: { entries: sheetWithTotal(tree, 62) },
        });
        expect(sheet.status).toBe(200);
      }
    }
    const closed = await p.http('POST', `/api/scoring/sessions/${s.body.id}/close`, {
      token: secretary.token,
      headers: { 'x-as-of': '2024-06-20T09:00:00Z' },
    });
    expect(closed.status).toBe(200);
    expect(closed.body.results.map((r: { outcome: string; stars: number }) => [r.outcome, r.stars])).toEqual([
      ['CERTIFY', 3],
      ['CERTIFY', 3],
    ]);
    for (const r of ready) {
      await eventually(
        async () => {
          const timeline = (await p.http('GET', `/api/dossiers/${r.dossierId}/timeline`, { token: office })).body as Entry[];
          return timeline.some((e) => e.type === 'scoring.evaluation-completed.v1');
        },
        15_000,
        'the completed evaluation on the timeline',
      );
      expect((await p.http('GET', `/api/dossiers/${r.dossierId}`, { token: office })).body.status).toBe('UNDER_EVALUATION');
    }
  }, 120_000);

  afterAll(async () => {
    await nc?.close();
    await p?.stop();
  });

  /** What certification's relay does with one outbox row. */
  async function publish<T>(
    type: string,
    data: T,
    o: { id?: string; msgId?: string } = {},
  ): Promise<{ envelope: EventEnvelope<T>; ack: PubAck }> {
    const envelope: EventEnvelope<T> = {
      specversion: '1.0',
      id: o.id ?? randomUUID(),
      source: 'ocop/certification',
      type,
      subject: (data as { certificateId?: string }).certificateId,
      time: new Date().toISOString(),
      datacontenttype: 'application/json',
      data,
      correlationid: randomUUID(),
    };
    const ack = await js.publish(eventSubject(p.env.prefix, type), JSON.stringify(envelope), { msgID: o.msgId ?? envelope.id });
    return { envelope, ack };
  }

  /** Every registration consumer has handled (and acked) the stream up to `seq`. */
  const settled = (seq: number) =>
    eventually(
      async () => {
        for (const durable of CONSUMERS) {
          const info = await jsm.consumers.info(p.env.stream, durable);
          if (info.ack_floor.stream_seq < seq || info.num_ack_pending > 0) return false;
        }
        return true;
      },
      15_000,
      `registration consumers to reach stream seq ${seq}`,
    );

  const certificate = (r: (typeof ready)[number], n: number): CertificateEventData => ({
    certificateId: randomUUID(),
    number: `380-2024-000${n}/GCN-OCOP`,
    code: `QXJ${n}K7`,
    dossierId: r.dossierId,
    productId: r.productId,
    producerId: r.producerId,
    provinceCode: DEMO.provinceCode,
    authorityUnitCode: DEMO.districtCode,
  });
  const issued = (c: CertificateEventData, r: (typeof ready)[number]): CertificateIssuedData => ({
    ...c,
    evaluationId: r.evaluationId,
    productName: 'Nem chua Thanh Hóa',
    producerName: 'Hợp tác xã',
    productSetCode: '08',
    stars: 3,
    tier: 'DISTRICT',
    decisionId: randomUUID(),
    decisionReference: '125/QĐ-UBND',
    validFrom: '2024-07-01T00:00:00.000Z',
    validTo: '2027-06-30T16:59:59.999Z',
    supersedes: null,
    issuedAt: '2024-07-01T02:00:00.000Z',
  });
  const expiring = (c: CertificateEventData, milestoneDays: number): CertificateExpiringData => ({
    ...c,
    milestoneDays,
    validTo: '2027-06-30T16:59:59.999Z',
    productName: 'Nem chua Thanh Hóa',
    at: new Date().toISOString(),
  });
  const timelineOf = async (dossierId: string): Promise<Entry[]> =>
    (await p.http('GET', `/api/dossiers/${dossierId}/timeline`, { token: office })).body;
  const invitations = async (token: string, query = ''): Promise<Invitation[]> => {
    const res = await p.http('GET', `${INVITATIONS}${query}`, { token });
    expect(res.status).toBe(200);
    return res.body;
  };

  let certA: CertificateEventData;

  it('certifies the dossier when the certificate is issued, on its timeline, and a redelivered or repeated issue changes nothing', async () => {
    const a = ready[0]!;
    certA = certificate(a, 1);
    const { envelope } = await publish(CertificationEvents.certificateIssued, issued(certA, a));

    const timeline = await eventually(
      async () => {
        const t = await timelineOf(a.dossierId);
        return t.some((e) => e.type === RegistrationEvents.dossierCertified) &&
          t.some((e) => e.type === CertificationEvents.certificateIssued)
          ? t
          : undefined;
      },
      15_000,
      'dossier-certified on the timeline',
    );
    const dossier = (await p.http('GET', `/api/dossiers/${a.dossierId}`, { token: a.token })).body;
    expect(dossier).toMatchObject({ status: 'CERTIFIED', allowedActions: [] });
    expect(timeline.find((e) => e.type === RegistrationEvents.dossierCertified)!.data).toMatchObject({
      dossierId: a.dossierId,
      status: 'CERTIFIED',
      certificateId: certA.certificateId,
      certificateNumber: certA.number,
      stars: 3,
      evaluationId: a.evaluationId,
    });

    // The same event again: dropped by the stream inside its duplicate window, absorbed by the inbox past it (new Nats-Msg-Id),
    // and a second issue event for the dossier (new event id) finds it CERTIFIED already.
    const again = await publish(CertificationEvents.certificateIssued, envelope.data, { id: envelope.id });
    expect(again.ack.duplicate).toBe(true);
    await publish(CertificationEvents.certificateIssued, envelope.data, { id: envelope.id, msgId: randomUUID() });
    const last = await publish(CertificationEvents.certificateIssued, envelope.data);
    await settled(last.ack.seq);
    const after = await timelineOf(a.dossierId);
    expect(after.filter((e) => e.type === RegistrationEvents.dossierCertified)).toHaveLength(1);
    expect(after.filter((e) => e.id === envelope.id)).toHaveLength(1);
    expect((await p.http('GET', `/api/dossiers/${a.dossierId}`, { token: office })).body).toMatchObject({
      status: 'CERTIFIED',
      updatedAt: dossier.updatedAt,
    });
  });

  it('opens one invitation on the first expiry notice, lowers its notice days on the next, and shows it only in scope', async () => {
    const [a, b] = ready as [(typeof ready)[number], (typeof ready)[number]];
    await publish(CertificationEvents.certificateExpiring, expiring(certA, 90));
    const sixty = await publish(CertificationEvents.certificateExpiring, expiring(certA, 60));
    await settled(sixty.ack.seq);
    const late90 = await publish(CertificationEvents.certificateExpiring, expiring(certA, 90)); // out of order: keeps 60
    await settled(late90.ack.seq);

    const own = await invitations(a.token);
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({
      certificateId: certA.certificateId,
      certificateNumber: certA.number,
      certificateCode: certA.code,
      productId: a.productId,
      productName: 'Nem chua Thanh Hóa',
      producerId: a.producerId,
      dossierId: a.dossierId,
      validTo: '2027-06-30T16:59:59.999Z',
      lastNoticeDays: 60,
      status: 'OPEN',
      reevaluationDossierId: null,
      closedReason: null,
      closedAt: null,
      communeCode: DEMO.communeCode,
      districtCode: DEMO.districtCode,
    });
    expect(await invitations(b.token)).toEqual([]);
    expect((await invitations(officer)).map((i) => i.id)).toContain(own[0]!.id);
    expect((await invitations(office, '?status=OPEN')).map((i) => i.id)).toContain(own[0]!.id);
    expect(await invitations(office, '?status=CLOSED')).toEqual([]);
    const bad = await p.http('GET', `${INVITATIONS}?status=SOMETIME`, { token: office });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('status');
    expect((await p.http('GET', INVITATIONS, { token: await p.login('council.member') })).status).toBe(403);

    // On the certified dossier's timeline, once.
    const invited = await eventually(
      async () => {
        const entries = (await timelineOf(a.dossierId)).filter((e) => e.type === RegistrationEvents.reevaluationInvited);
        return entries.length ? entries : undefined;
      },
      15_000,
      'reevaluation-invited on the timeline',
    );
    expect(invited).toHaveLength(1);
    expect(invited[0]!.data).toMatchObject({
      invitationId: own[0]!.id,
      certificateId: certA.certificateId,
      noticeDays: 90,
      status: 'OPEN',
    });
  });

  it('files the invitation when the producer opens a RE_EVALUATION dossier for the product, and closes it when a new certificate supersedes', async () => {
    const a = ready[0]!;
    const created = await p.http('POST', '/api/dossiers', { token: a.token, body: { productId: a.productId, kind: 'RE_EVALUATION' } });
    expect(created.status).toBe(201);
    const [filed] = await invitations(a.token);
    expect(filed).toMatchObject({
      certificateId: certA.certificateId,
      status: 'DOSSIER_FILED',
      reevaluationDossierId: created.body.id,
      lastNoticeDays: 60,
    });

    const notice30 = await publish(CertificationEvents.certificateExpiring, expiring(certA, 30));
    await settled(notice30.ack.seq);
    expect((await invitations(a.token))[0]).toMatchObject({ status: 'DOSSIER_FILED', lastNoticeDays: 30 });

    const superseded: CertificateSupersededData = {
      ...certA,
      supersededBy: randomUUID(),
      supersededByNumber: '380-2027-0001/GCN-OCOP',
      at: new Date().toISOString(),
    };
    const s = await publish(CertificationEvents.certificateSuperseded, superseded);
    await settled(s.ack.seq);
    expect((await invitations(a.token))[0]).toMatchObject({
      status: 'CLOSED',
      closedReason: 'SUPERSEDED',
      reevaluationDossierId: created.body.id,
      closedAt: expect.any(String),
    });
  });

  it('closes an open invitation when its certificate is revoked, once', async () => {
    const b = ready[1]!;
    const certB = certificate(b, 2);
    await publish(CertificationEvents.certificateIssued, issued(certB, b));
    await eventually(
      async () => (await p.http('GET', `/api/dossiers/${b.dossierId}`, { token: b.token })).body.status === 'CERTIFIED',
      15_000,
      'dossier B certified',
    );
    const notice = await publish(CertificationEvents.certificateExpiring, expiring(certB, 30));
    await settled(notice.ack.seq);
    const [open] = await invitations(b.token);
    expect(open).toMatchObject({ certificateId: certB.certificateId, status: 'OPEN', lastNoticeDays: 30 });

    const revoked: CertificateRevokedData = {
      ...certB,
      revocationId: randomUUID(),
      source: 'INSPECTION',
      reasonCode: 'QUALITY_VIOLATION',
      decisionId: randomUUID(),
      decisionReference: '45/QĐ-UBND',
      originalDecisionReference: '125/QĐ-UBND',
      revokedAt: new Date().toISOString(),
      returnDeadline: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    };
    await publish(CertificationEvents.certificateRevoked, revoked);
    const expired = await publish(CertificationEvents.certificateExpired, {
      ...certB,
      validTo: '2027-06-30T16:59:59.999Z',
      at: new Date().toISOString(),
    });
    await settled(expired.ack.seq);
    const [closed] = await invitations(b.token);
    expect(closed).toMatchObject({ id: open!.id, status: 'CLOSED', closedReason: 'REVOKED', reevaluationDossierId: null });
    expect(await invitations(ready[0]!.token, '?status=OPEN')).toEqual([]);
    expect((await invitations(office, '?status=CLOSED')).map((i) => i.certificateId).sort()).toEqual(
      [certA.certificateId, certB.certificateId].sort(),
    );
  });
});
