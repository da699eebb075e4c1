import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createTestEnv, type TestEnv } from '@ocop/testing';
import { ComplaintsRepository } from '../src/complaints/complaints.repository';
import { Complaint } from '../src/complaints/complaint.entity';
import { ConsultantsRepository } from '../src/consultants/consultants.repository';
import { Consultant, ConsultantGrant } from '../src/consultants/consultant.entity';
import type { Dossier } from '../src/dossiers/dossier.entity';
import type { Producer } from '../src/producers/producer.entity';
import { insertDossier, insertPlace, insertProducer, insertProduct, openRegistrationDb } from './support/registration-db';

const at = new Date('2026-03-01T02:00:00Z');

/** Complaints' scoped list and de-duplication lock; consultants' grants in force. */
describe('ComplaintsRepository and ConsultantsRepository', () => {
  let env: TestEnv;
  let ds: DataSource;
  let complaints: ComplaintsRepository;
  let consultants: ConsultantsRepository;
  let dossiers: Dossier[];
  let producers: Producer[];

  const complaint = (d: Dossier, fingerprint: string): Complaint =>
    Object.assign(new Complaint(), {
      id: randomUUID(),
      receiptCode: `PA-${randomUUID().slice(0, 10).toUpperCase()}`,
      certificateCode: 'K7Q2M9X4TA',
      certificateId: randomUUID(),
      certificateNumber: '38-2026-0001/GCN-OCOP',
      dossierId: d.id,
      productName: 'Mật ong',
      producerName: 'HTX thử',
      provinceCode: d.provinceCode,
      districtCode: d.districtCode,
      communeCode: d.communeCode,
      description: 'Bao bì không có mã QR trên sản phẩm',
      place: null,
      seenOn: null,
      contact: null,
      fingerprint,
      photo: null,
      status: 'RECEIVED' as const,
      submittedAt: at,
      triagedAt: null,
      triagedBy: null,
      noteVi: null,
      duplicateOf: null,
      campaignId: null,
      violations: null,
      outcomeVi: null,
      history: [{ status: 'RECEIVED' as const, at: at.toISOString() }],
    });

  beforeAll(async () => {
    env = await createTestEnv();
    ds = await openRegistrationDb(env);
    complaints = new ComplaintsRepository(ds);
    consultants = new ConsultantsRepository(ds);
    dossiers = [];
    producers = [];
    await ds.transaction(async (tx) => {
      for (let i = 0; i < 2; i++) {
        const producer = await insertProducer(tx, await insertPlace(tx));
        producers.push(producer);
        dossiers.push(await insertDossier(tx, await insertProduct(tx, producer), producer));
      }
      for (const d of dossiers) await complaints.insert(tx, complaint(d, randomUUID()));
    });
  });

  afterAll(async () => {
    await ds?.destroy();
    await env?.cleanup();
  });

  it('lists a province’s or a district’s complaints only', async () => {
    const [a, b] = dossiers as [Dossier, Dossier];
    const page = { limit: 100, offset: 0 };
    expect((await complaints.list({ provinceCode: a.provinceCode, ...page })).map((c) => c.dossierId)).toEqual([a.id]);
    expect(
      (await complaints.list({ provinceCode: b.provinceCode, districtCode: b.districtCode!, ...page })).map((c) => c.dossierId),
    ).toEqual([b.id]);
    expect(await complaints.list({ provinceCode: a.provinceCode, districtCode: b.districtCode!, ...page })).toEqual([]);
    expect(await complaints.list(page)).toHaveLength(2);
  });

  it('serialises two copies of one complaint on its fingerprint', async () => {
    const fingerprint = randomUUID();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const first = ds.transaction(async (tx) => {
      expect(await complaints.sameComplaintSince(tx, fingerprint, new Date(0))).toBeNull();
      locked();
      await held;
      await complaints.insert(tx, complaint(dossiers[0]!, fingerprint));
    });
    await isLocked;
    const second = ds.transaction((tx) => complaints.sameComplaintSince(tx, fingerprint, new Date(0)));
    await new Promise((r) => setTimeout(r, 200));
    release();
    await first;
    expect((await second)?.fingerprint).toBe(fingerprint); // it waited, and then saw the first copy
    // Another fingerprint is not held back.
    expect(await ds.transaction((tx) => complaints.sameComplaintSince(tx, randomUUID(), new Date(0)))).toBeNull();
  });

  it('keeps one grant in force per consultant and producer, and none once revoked', async () => {
    const [p] = producers as [Producer];
    const c = Object.assign(new Consultant(), {
      id: randomUUID(),
      provinceCode: dossiers[0]!.provinceCode,
      kind: 'FIRM' as const,
      name: 'Công ty Tư vấn',
      registrationNumber: null,
      phone: '0237000000',
      services: [],
      createdAt: at,
      createdBy: 'office',
    });
    const grant = (): ConsultantGrant =>
      Object.assign(new ConsultantGrant(), {
        id: randomUUID(),
        consultantId: c.id,
        producerId: p.id,
        grantedAt: at,
        grantedBy: 'producer',
        revokedAt: null,
        revokedBy: null,
      });
    await ds.transaction((tx) => consultants.insert(tx, c));
    const g1 = await ds.transaction((tx) => consultants.grant(tx, grant()));
    const g2 = await ds.transaction((tx) => consultants.grant(tx, grant()));
    expect(g2.id).toBe(g1.id);
    expect((await consultants.activeGrant(c.id, p.id))?.id).toBe(g1.id);
    await ds.transaction(async (tx) => {
      const g = (await consultants.grantForUpdate(tx, g1.id))!;
      await consultants.saveGrant(tx, Object.assign(g, { revokedAt: at, revokedBy: 'producer' }));
    });
    expect(await consultants.activeGrant(c.id, p.id)).toBeNull();
    expect(await consultants.activeGrant(c.id, producers[1]!.id)).toBeNull();
    const listed = await consultants.grants({ consultantId: c.id, limit: 10, offset: 0 });
    expect(listed.map((g) => [g.id, g.consultantName, g.producerName, g.revokedAt !== null])).toEqual([
      [g1.id, 'Công ty Tư vấn', p.name, true],
    ]);
    const g3 = await ds.transaction((tx) => consultants.grant(tx, grant()));
    expect(g3.id).not.toBe(g1.id); // granted again after the revocation: a new grant
  });
});
