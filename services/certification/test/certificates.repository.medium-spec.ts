import type { DataSource } from 'typeorm';
import { CertificatesRepository } from '../src/certificates/certificates.repository';
import { DecisionsRepository } from '../src/certificates/decisions.repository';
import type { CertificateReadScope } from '../src/certificates/certificate-access.policy';
import { certificationDatabase, givenCertificate, givenDecision } from './support/certification-fixtures';

/**
 * The certificate and decision repositories against PostgreSQL: the read scope is applied in the statement
 * (an out-of-scope row is not returned), the sweep's keyset chunks walk (valid_to, id) without skipping or
 * repeating, and expiring skips the rows another transaction holds.
 */
describe('CertificatesRepository and DecisionsRepository', () => {
  let db: Awaited<ReturnType<typeof certificationDatabase>>;
  let ds: DataSource;
  let certificates: CertificatesRepository;
  let decisions: DecisionsRepository;

  beforeAll(async () => {
    db = await certificationDatabase();
    ds = db.ds;
    certificates = new CertificatesRepository(ds);
    decisions = new DecisionsRepository(ds);
  });

  afterAll(async () => {
    await db?.close();
  });

  describe('scope', () => {
    // Province 38 (its own and one of its district 380's), province 40: one certificate each.
    let p38: string;
    let d380: string;
    let p40: string;
    let c38: Awaited<ReturnType<typeof givenCertificate>>;
    let c380: Awaited<ReturnType<typeof givenCertificate>>;
    let c40: Awaited<ReturnType<typeof givenCertificate>>;

    beforeAll(async () => {
      p38 = await givenDecision(ds, { provinceCode: 'S38' });
      d380 = await givenDecision(ds, { provinceCode: 'S38', authorityUnitCode: 'S380' });
      p40 = await givenDecision(ds, { provinceCode: 'S40' });
      c38 = await givenCertificate(ds, { id: p38, provinceCode: 'S38' }, { tier: 'PROVINCE' });
      c380 = await givenCertificate(ds, { id: d380, provinceCode: 'S38', authorityUnitCode: 'S380' });
      c40 = await givenCertificate(ds, { id: p40, provinceCode: 'S40' });
    });

    const idsOf = async (scope: CertificateReadScope) =>
      (await certificates.list(scope, { limit: 500 }))
        .map((c) => c.id)
        .filter((id) => [c38.id, c380.id, c40.id].includes(id))
        .sort();

    it('lists only the certificates in the scope', async () => {
      expect(await idsOf({ kind: 'province', provinceCode: 'S38' })).toEqual([c38.id, c380.id].sort());
      expect(await idsOf({ kind: 'district', provinceCode: 'S38', districtCode: 'S380' })).toEqual([c380.id]);
      expect(await idsOf({ kind: 'producer', producerId: c40.producerId })).toEqual([c40.id]);
      expect(await idsOf({ kind: 'none' })).toEqual([]);
      expect(await idsOf({ kind: 'all' })).toEqual([c38.id, c380.id, c40.id].sort());
    });

    it('gets a certificate only inside the scope, with every read field and no created_at', async () => {
      expect(await certificates.get({ kind: 'province', provinceCode: 'S40' }, c38.id)).toBeNull();
      expect(await certificates.get({ kind: 'district', provinceCode: 'S38', districtCode: 'S380' }, c38.id)).toBeNull();
      const got = await certificates.get({ kind: 'province', provinceCode: 'S38' }, c38.id);
      expect(got).toMatchObject({ ...c38, status: 'ACTIVE', kid: null, signature: null, supersededById: null, revokedAt: null });
      expect(got).not.toHaveProperty('createdAt');
      expect(got).not.toHaveProperty('decision');
    });

    it('reads the public record of a code, prepared on each pooled connection, again and again at once, and null for an unknown code', async () => {
      const reads = await Promise.all(Array.from({ length: 12 }, () => certificates.findPublicRecord(c38.code)));
      for (const r of reads) expect(r).toMatchObject({ code: c38.code, number: c38.number, status: 'ACTIVE', revokedAt: null });
      expect(await certificates.findPublicRecord('NO-SUCH-CODE')).toBeNull();
    });

    it("filters by year of issue in Vietnam's calendar (UTC+7)", async () => {
      const p = await givenDecision(ds, { provinceCode: 'S41' });
      // 31/12/2026 20:00 UTC is already 01/01/2027 in Vietnam.
      const late = await givenCertificate(ds, { id: p, provinceCode: 'S41' }, { issuedAt: new Date('2026-12-31T20:00:00Z') });
      const scope = { kind: 'province', provinceCode: 'S41' } as const;
      expect((await certificates.list(scope, { year: 2027 })).map((c) => c.id)).toEqual([late.id]);
      expect(await certificates.list(scope, { year: 2026 })).toEqual([]);
    });

    it('lists the decisions naming a certificate in the scope only', async () => {
      const ids = async (scope: CertificateReadScope) =>
        (await decisions.list(scope, { limit: 500 }))
          .map((d) => d.id)
          .filter((id) => [p38, d380, p40].includes(id))
          .sort();
      expect(await ids({ kind: 'province', provinceCode: 'S38' })).toEqual([p38, d380].sort());
      expect(await ids({ kind: 'district', provinceCode: 'S38', districtCode: 'S380' })).toEqual([d380]);
      expect(await ids({ kind: 'producer', producerId: c40.producerId })).toEqual([p40]);
      expect(await ids({ kind: 'none' })).toEqual([]);
    });

    it("lists a decision's certificates only inside the scope", async () => {
      expect(await certificates.listIssuedByDecision({ kind: 'province', provinceCode: 'S40' }, p38)).toEqual([]);
      expect((await certificates.listIssuedByDecision({ kind: 'province', provinceCode: 'S38' }, p38)).map((c) => c.id)).toEqual([c38.id]);
    });
  });

  describe('the expiry sweep statements', () => {
    const asOf = new Date('2030-06-01T00:00:00Z');
    let ids: string[];

    beforeAll(async () => {
      const d = await givenDecision(ds, { provinceCode: 'S50' });
      // Five certificates ending 10 days after asOf, two on the very same instant (ordered by id), one outside the window.
      const validTo = [10, 10, 20, 30, 40].map((days) => new Date(asOf.getTime() + days * 86_400_000));
      const made = [];
      for (const v of validTo) made.push(await givenCertificate(ds, { id: d, provinceCode: 'S50' }, { validTo: v }));
      await givenCertificate(ds, { id: d, provinceCode: 'S50' }, { validTo: new Date(asOf.getTime() + 200 * 86_400_000) });
      ids = made.sort((a, b) => a.validTo.getTime() - b.validTo.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((c) => c.id);
    });

    it('walks the notice window in keyset chunks, each certificate once, in (valid_to, id) order', async () => {
      const seen: string[] = [];
      let cursor = { validTo: new Date(0), id: '00000000-0000-0000-0000-000000000000' };
      for (let chunks = 0; chunks < 10; chunks++) {
        const chunk = await ds.transaction((tx) => certificates.noticeChunk(tx, asOf, 90, cursor, 2));
        if (!chunk.length) break;
        expect(chunk.length).toBeLessThanOrEqual(2);
        seen.push(...chunk.map((c) => c.id));
        const last = chunk[chunk.length - 1]!;
        cursor = { validTo: last.validTo, id: last.id };
      }
      expect(seen.filter((id) => ids.includes(id))).toEqual(ids);
      expect(new Set(seen).size).toBe(seen.length);
    });

    it('expiring skips the rows another transaction holds, and expires each certificate once', async () => {
      const after = new Date(asOf.getTime() + 15 * 86_400_000); // the two ending at +10 days are due
      const [first, second] = ids as [string, string];
      const holder = ds.createQueryRunner();
      await holder.connect();
      await holder.startTransaction();
      try {
        await certificates.lockForSystem(holder.manager, first);
        const expired = await ds.transaction((tx) => certificates.expireDueChunk(tx, after, 100));
        const mine = expired.map((c) => c.id).filter((id) => ids.includes(id));
        expect(mine).toEqual([second]);
        expect(expired.find((c) => c.id === second)).toMatchObject({ status: 'EXPIRED', statusChangedAt: after });
      } finally {
        await holder.rollbackTransaction();
        await holder.release();
      }
      const rest = await ds.transaction((tx) => certificates.expireDueChunk(tx, after, 100));
      expect(rest.map((c) => c.id).filter((id) => ids.includes(id))).toEqual([first]);
      expect(await ds.transaction((tx) => certificates.expireDueChunk(tx, after, 100))).toEqual([]);
    });

    it('marks EXPIRING only the ACTIVE ones, once', async () => {
      const [, , third, fourth] = ids as [string, string, string, string];
      const marked = await ds.transaction((tx) => certificates.markExpiring(tx, [third, fourth, ids[0]!], asOf));
      expect(marked.map((m) => m.id).sort()).toEqual([third, fourth].sort()); // ids[0] is EXPIRED already
      expect(await ds.transaction((tx) => certificates.markExpiring(tx, [third, fourth], asOf))).toEqual([]);
    });

    it('finds lapsed certificates after the grace days, in keyset chunks', async () => {
      const later = new Date(asOf.getTime() + 25 * 86_400_000); // 15 days after the first two ended
      const start = { validTo: new Date(0), id: '00000000-0000-0000-0000-000000000000' };
      const tooSoon = await ds.transaction((tx) => certificates.lapsedChunk(tx, later, 20, start, 10));
      expect(tooSoon.filter((c) => ids.includes(c.id))).toEqual([]);
      const one = await ds.transaction((tx) => certificates.lapsedChunk(tx, later, 10, start, 1));
      expect(one.map((c) => c.id)).toEqual([ids[0]]);
      const next = await ds.transaction((tx) => certificates.lapsedChunk(tx, later, 10, { validTo: one[0]!.valid_to, id: one[0]!.id }, 10));
      expect(next.map((c) => c.id)).toEqual([ids[1]]);
    });
  });

  it('supersedes the previous certificate: SUPERSEDED, but an EXPIRED one keeps its status', async () => {
    const d = await givenDecision(ds, { provinceCode: 'S60' });
    const active = await givenCertificate(ds, { id: d, provinceCode: 'S60' });
    const expired = await givenCertificate(ds, { id: d, provinceCode: 'S60' });
    const successor = await givenCertificate(ds, { id: d, provinceCode: 'S60' });
    const at = new Date('2027-01-01T00:00:00Z');
    await ds.transaction((tx) => certificates.expireDueChunk(tx, new Date('2100-01-01T00:00:00Z'), 10_000)); // everything expires
    await ds.query(`UPDATE certification.certificate SET status = 'ACTIVE' WHERE id = $1`, [active.id]);
    await ds.transaction(async (tx) => {
      await certificates.markSuperseded(tx, active.id, successor.id, at);
      await certificates.markSuperseded(tx, expired.id, successor.id, at);
    });
    expect(await certificates.getForSystem(active.id)).toMatchObject({
      status: 'SUPERSEDED',
      supersededById: successor.id,
      statusChangedAt: at,
    });
    expect(await certificates.getForSystem(expired.id)).toMatchObject({ status: 'EXPIRED', supersededById: successor.id });
  });
});
