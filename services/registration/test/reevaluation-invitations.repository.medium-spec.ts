import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { ReadScope } from '@ocop/auth';
import { createTestEnv, type TestEnv } from '@ocop/testing';
import { ReevaluationInvitationsRepository } from '../src/reevaluation/reevaluation-invitations.repository';
import { ReevaluationInvitation } from '../src/reevaluation/reevaluation-invitation.entity';
import type { Dossier } from '../src/dossiers/dossier.entity';
import type { Producer } from '../src/producers/producer.entity';
import type { Product } from '../src/products/product.entity';
import { insertDossier, insertPlace, insertProducer, insertProduct, openRegistrationDb, type Place } from './support/registration-db';

/** Re-evaluation invitations against PostgreSQL: one per certificate, the scoped list and the locked reads. */
describe('ReevaluationInvitationsRepository', () => {
  let env: TestEnv;
  let ds: DataSource;
  let repo: ReevaluationInvitationsRepository;
  let here: Place;
  let there: Place;
  let producer: Producer;
  let neighbour: Producer;
  let product: Product;
  let theirProduct: Product;
  let certified: Dossier;
  let theirCertified: Dossier;

  const invitation = (p: Product, d: Dossier, validTo: string, over: Partial<ReevaluationInvitation> = {}) =>
    Object.assign(new ReevaluationInvitation(), {
      id: randomUUID(),
      certificateId: randomUUID(),
      certificateNumber: `GCN-${validTo}`,
      certificateCode: 'CODE',
      productId: p.id,
      productName: p.name,
      producerId: d.producerId,
      dossierId: d.id,
      provinceCode: d.provinceCode,
      districtCode: d.districtCode,
      communeCode: d.communeCode,
      validTo: new Date(validTo),
      openedAt: new Date('2026-01-01T00:00:00Z'),
      lastNoticeDays: 90,
      status: 'OPEN',
      reevaluationDossierId: null,
      closedReason: null,
      closedAt: null,
      ...over,
    });

  beforeAll(async () => {
    env = await createTestEnv();
    ds = await openRegistrationDb(env);
    repo = new ReevaluationInvitationsRepository(ds);
    await ds.transaction(async (tx) => {
      here = await insertPlace(tx);
      there = await insertPlace(tx);
      producer = await insertProducer(tx, here);
      neighbour = await insertProducer(tx, there);
      product = await insertProduct(tx, producer);
      theirProduct = await insertProduct(tx, neighbour);
      certified = await insertDossier(tx, product, producer);
      theirCertified = await insertDossier(tx, theirProduct, neighbour);
    });
  });

  afterAll(async () => {
    await ds?.destroy();
    await env?.cleanup();
  });

  it('inserts one invitation per certificate: a second insert for the same certificate changes nothing', async () => {
    const first = invitation(product, certified, '2026-06-30T17:00:00Z');
    const again = { ...invitation(product, certified, '2027-01-01T00:00:00Z'), certificateId: first.certificateId };
    expect(await ds.transaction((tx) => repo.insertIfAbsent(tx, first))).toBe(true);
    expect(await ds.transaction((tx) => repo.insertIfAbsent(tx, again))).toBe(false);
    const stored = await ds.transaction((tx) => repo.getByCertificateForUpdate(tx, first.certificateId));
    expect(stored).toMatchObject({ id: first.id, validTo: new Date('2026-06-30T17:00:00Z') });
  });

  it('lists only the invitations inside the scope, the certificate ending soonest first', async () => {
    const soon = invitation(product, certified, '2026-03-01T00:00:00Z', { status: 'DOSSIER_FILED' });
    const theirs = invitation(theirProduct, theirCertified, '2026-02-01T00:00:00Z');
    await ds.transaction(async (tx) => {
      await repo.insertIfAbsent(tx, soon);
      await repo.insertIfAbsent(tx, theirs);
    });
    const certs = async (scope: ReadScope, status?: string) => (await repo.list(scope, { status })).map((i) => i.certificateNumber);
    expect(await certs({ kind: 'all' })).toEqual(['GCN-2026-02-01T00:00:00Z', 'GCN-2026-03-01T00:00:00Z', 'GCN-2026-06-30T17:00:00Z']);
    expect(await certs({ kind: 'province', provinceCode: here.provinceCode })).toEqual([
      'GCN-2026-03-01T00:00:00Z',
      'GCN-2026-06-30T17:00:00Z',
    ]);
    expect(await certs({ kind: 'district', provinceCode: there.provinceCode, districtCode: there.districtCode })).toEqual([
      'GCN-2026-02-01T00:00:00Z',
    ]);
    expect(await certs({ kind: 'commune', provinceCode: here.provinceCode, communeCode: here.communeCode })).toEqual([
      'GCN-2026-03-01T00:00:00Z',
      'GCN-2026-06-30T17:00:00Z',
    ]);
    expect(await certs({ kind: 'commune', provinceCode: here.provinceCode, communeCode: there.communeCode })).toEqual([
      'GCN-2026-02-01T00:00:00Z',
    ]);
    expect(await certs({ kind: 'producer', producerId: neighbour.id })).toEqual(['GCN-2026-02-01T00:00:00Z']);
    expect(await certs({ kind: 'producer', producerId: producer.id }, 'OPEN')).toEqual(['GCN-2026-06-30T17:00:00Z']);
    expect((await repo.list({ kind: 'all' }, { limit: 1, offset: 1 })).map((i) => i.certificateNumber)).toEqual([
      'GCN-2026-03-01T00:00:00Z',
    ]);
  });

  it("reads a product's invitations in a status under a lock other writers wait for", async () => {
    const open = await ds.transaction((tx) => repo.ofProductForUpdate(tx, product.id, 'OPEN'));
    expect(open.map((i) => i.certificateNumber)).toEqual(['GCN-2026-06-30T17:00:00Z']);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const holder = ds.transaction(async (tx) => {
      await repo.ofProductForUpdate(tx, product.id, 'OPEN');
      locked();
      await held;
    });
    await isLocked;
    await expect(
      ds.transaction(async (tx) => {
        await tx.query(`SET LOCAL lock_timeout = '300ms'`);
        await repo.getByCertificateForUpdate(tx, open[0].certificateId);
      }),
    ).rejects.toThrow(/lock timeout/);
    release();
    await holder;
  });
});
