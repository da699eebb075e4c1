import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { NumberCountersRepository } from '../src/certificates/number-counters.repository';
import { CertificateNoticesRepository } from '../src/expiry/certificate-notices.repository';
import { SigningKeysRepository } from '../src/signing/signing-keys.repository';
import { certificationDatabase, givenCertificate, givenDecision } from './support/certification-fixtures';

/** The upserts: gap-free numbering under concurrency, each notice milestone recorded once, the trust list's first record kept. */
describe('numbering, notices and signing keys repositories', () => {
  let db: Awaited<ReturnType<typeof certificationDatabase>>;
  let ds: DataSource;

  beforeAll(async () => {
    db = await certificationDatabase();
    ds = db.ds;
  });

  afterAll(async () => {
    await db?.close();
  });

  it('numbers without gaps or repeats per kind, authority and year, also under concurrent transactions', async () => {
    const counters = new NumberCountersRepository();
    const got = await Promise.all(Array.from({ length: 8 }, () => ds.transaction((tx) => counters.next(tx, 'DECISION', 'K38', 2026))));
    expect(got.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await ds.transaction((tx) => counters.next(tx, 'CERTIFICATE', 'K38', 2026))).toBe(1);
    expect(await ds.transaction((tx) => counters.next(tx, 'DECISION', 'K38', 2027))).toBe(1);
    // A rolled-back number is given again (no gap).
    await expect(
      ds.transaction(async (tx) => {
        await counters.next(tx, 'DECISION', 'K40', 2026);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await ds.transaction((tx) => counters.next(tx, 'DECISION', 'K40', 2026))).toBe(1);
  });

  it('records every milestone reached once and marks only the nearest notified', async () => {
    const notices = new CertificateNoticesRepository();
    const d = await givenDecision(ds, { provinceCode: 'K50' });
    const asOf = new Date('2030-06-01T00:00:00Z');
    const c = await givenCertificate(ds, { id: d, provinceCode: 'K50' }, { validTo: new Date(asOf.getTime() + 45 * 86_400_000) });
    const first = await ds.transaction((tx) => notices.recordReached(tx, [c.id], asOf, [90, 60, 30]));
    expect(first.sort((a, b) => a.milestone_days - b.milestone_days)).toEqual([
      { certificate_id: c.id, milestone_days: 60, notified: true },
      { certificate_id: c.id, milestone_days: 90, notified: false },
    ]);
    expect(await ds.transaction((tx) => notices.recordReached(tx, [c.id], asOf, [90, 60, 30]))).toEqual([]);
    const later = new Date(asOf.getTime() + 20 * 86_400_000);
    expect(await ds.transaction((tx) => notices.recordReached(tx, [c.id], later, [90, 60, 30]))).toEqual([
      { certificate_id: c.id, milestone_days: 30, notified: true },
    ]);
  });

  it('keeps the first public key recorded under a kid, activates it once and retires the others', async () => {
    const keys = new SigningKeysRepository(ds);
    const kid = `k-${randomUUID()}`;
    const other = `k-${randomUUID()}`;
    const jwk = { kty: 'OKP', crv: 'Ed25519', x: 'first' };
    expect(await keys.record(kid, 'EdDSA', jwk)).toEqual(jwk);
    expect(await keys.record(kid, 'EdDSA', { ...jwk, x: 'second' })).toEqual(jwk);
    await keys.record(other, 'EdDSA', { ...jwk, x: 'other' });
    const t1 = new Date('2026-01-01T00:00:00Z');
    const t2 = new Date('2026-02-01T00:00:00Z');
    await keys.activate(other, t1);
    await keys.activate(kid, t2);
    await keys.activate(kid, new Date('2026-03-01T00:00:00Z')); // already active: unchanged
    await keys.retireAllBut(kid, t2);
    const byKid = new Map((await keys.listAll()).map((k) => [k.kid, k]));
    expect(byKid.get(kid)).toMatchObject({ activeSince: t2, retiredAt: null });
    expect(byKid.get(other)).toMatchObject({ activeSince: t1, retiredAt: t2 });
    await ds.transaction((tx) => keys.backdateFirstUse(tx, kid, t1));
    expect((await keys.listAll()).find((k) => k.kid === kid)).toMatchObject({ activeSince: t1, firstUsedAt: t1 });
  });
});
