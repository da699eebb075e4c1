import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AppError } from '@ocop/contracts';
import { DossierKind, DossierStatus } from '@ocop/domain';
import type { ReadScope } from '@ocop/auth';
import { createTestEnv, type TestEnv } from '@ocop/testing';
import { DossiersRepository } from '../src/dossiers/dossiers.repository';
import { TimelineEntriesRepository } from '../src/dossiers/timeline-entries.repository';
import { TimelineEntry } from '../src/dossiers/timeline-entry.entity';
import type { Dossier } from '../src/dossiers/dossier.entity';
import type { Producer } from '../src/producers/producer.entity';
import type { Product } from '../src/products/product.entity';
import { insertDossier, insertPlace, insertProducer, insertProduct, openRegistrationDb, type Place } from './support/registration-db';

/** The dossiers repository against PostgreSQL: what each scope reads, the row lock, the system reads and the timeline. */
describe('DossiersRepository', () => {
  let env: TestEnv;
  let ds: DataSource;
  let repo: DossiersRepository;
  let here: Place;
  let there: Place;
  let producer: Producer;
  let neighbour: Producer;
  let product: Product;
  let mine: Dossier;
  let proposedHere: Dossier;
  let elsewhere: Dossier;

  beforeAll(async () => {
    env = await createTestEnv();
    ds = await openRegistrationDb(env);
    repo = new DossiersRepository(ds);
    await ds.transaction(async (tx) => {
      here = await insertPlace(tx);
      there = await insertPlace(tx);
      producer = await insertProducer(tx, here);
      neighbour = await insertProducer(tx, there);
      product = await insertProduct(tx, producer);
      const theirs = await insertProduct(tx, neighbour);
      const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000); // distinct creation times: the list's order is defined
      mine = await insertDossier(tx, product, producer, { createdAt: hoursAgo(3) });
      // Another province's dossier proposed to this district (what a district officer also sees).
      proposedHere = await insertDossier(tx, theirs, neighbour, {
        status: DossierStatus.PROPOSED,
        proposedToUnitCode: here.districtCode,
        createdAt: hoursAgo(2),
      });
      elsewhere = await insertDossier(tx, theirs, neighbour, { createdAt: hoursAgo(1) });
    });
  });

  afterAll(async () => {
    await ds?.destroy();
    await env?.cleanup();
  });

  const ids = (rows: Dossier[]) => rows.map((d) => d.id).sort();

  it('lists only the dossiers inside each scope', async () => {
    const cases: [ReadScope, Dossier[]][] = [
      [{ kind: 'all' }, [mine, proposedHere, elsewhere]],
      [{ kind: 'province', provinceCode: here.provinceCode }, [mine]],
      [{ kind: 'province', provinceCode: there.provinceCode }, [proposedHere, elsewhere]],
      [{ kind: 'district', provinceCode: here.provinceCode, districtCode: here.districtCode }, [mine, proposedHere]],
      [{ kind: 'commune', provinceCode: there.provinceCode, communeCode: there.communeCode }, [proposedHere, elsewhere]],
      [{ kind: 'producer', producerId: producer.id }, [mine]],
    ];
    for (const [scope, expected] of cases) expect({ scope, ids: ids(await repo.list(scope, {})) }).toEqual({ scope, ids: ids(expected) });
  });

  it('narrows a list by its filters after the scope, newest first, paged', async () => {
    const all: ReadScope = { kind: 'all' };
    expect(ids(await repo.list(all, { status: DossierStatus.PROPOSED }))).toEqual([proposedHere.id]);
    expect(ids(await repo.list(all, { proposedTo: here.districtCode }))).toEqual([proposedHere.id]);
    expect(ids(await repo.list({ kind: 'province', provinceCode: here.provinceCode }, { communeCode: there.communeCode }))).toEqual([]);
    expect((await repo.list(all, {})).map((d) => d.id)).toEqual([elsewhere.id, proposedHere.id, mine.id]);
    expect((await repo.list(all, { limit: 1, offset: 1 })).map((d) => d.id)).toEqual([proposedHere.id]);
  });

  it('reads a dossier only inside the scope', async () => {
    expect((await repo.get({ kind: 'producer', producerId: producer.id }, mine.id))?.id).toBe(mine.id);
    expect(await repo.get({ kind: 'producer', producerId: neighbour.id }, mine.id)).toBeNull();
    expect(await repo.get({ kind: 'commune', provinceCode: there.provinceCode, communeCode: there.communeCode }, mine.id)).toBeNull();
    expect(await repo.get({ kind: 'all' }, randomUUID())).toBeNull();
    expect((await repo.getForSystem(elsewhere.id))?.id).toBe(elsewhere.id);
  });

  it('locks the dossier for update, and refuses one outside the scope as not found', async () => {
    await expect(
      ds.transaction((tx) => repo.getForUpdate(tx, { kind: 'province', provinceCode: there.provinceCode }, mine.id)),
    ).rejects.toMatchObject({ code: 'DOSSIER_NOT_FOUND' } satisfies Partial<AppError>);

    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const holder = ds.transaction(async (tx) => {
      await repo.getForUpdate(tx, { kind: 'all' }, mine.id);
      locked();
      await held;
    });
    await isLocked;
    // A second writer waits for the lock: with a short lock timeout it gives up instead.
    await expect(
      ds.transaction(async (tx) => {
        await tx.query(`SET LOCAL lock_timeout = '300ms'`);
        await repo.getForUpdate(tx, { kind: 'all' }, mine.id);
      }),
    ).rejects.toThrow(/lock timeout/);
    release();
    await holder;
    await expect(ds.transaction((tx) => repo.getForUpdate(tx, { kind: 'all' }, mine.id))).resolves.toMatchObject({ id: mine.id });
  });

  it("finds the product's newest unfinished dossier of a kind created after an instant", async () => {
    const before = new Date(Date.now() - 60_000);
    const newer = await ds.transaction(async (tx) => {
      await insertDossier(tx, product, producer, { kind: DossierKind.RE_EVALUATION, createdAt: new Date(Date.now() - 30_000) });
      const n = await insertDossier(tx, product, producer, { kind: DossierKind.RE_EVALUATION, createdAt: new Date(Date.now() - 10_000) });
      await insertDossier(tx, product, producer, { kind: DossierKind.RE_EVALUATION, status: DossierStatus.WITHDRAWN });
      return n;
    });
    await ds.transaction(async (tx) => {
      expect((await repo.newestActiveOfProductForSystem(tx, product.id, DossierKind.RE_EVALUATION, before))?.id).toBe(newer.id);
      // Created strictly after: the newest one's own instant already leaves nothing (the withdrawn one is finished).
      expect(await repo.newestActiveOfProductForSystem(tx, product.id, DossierKind.RE_EVALUATION, newer.createdAt)).toBeNull();
      expect(
        (await repo.newestActiveOfProductForSystem(tx, product.id, DossierKind.RE_EVALUATION, new Date(newer.createdAt.getTime() - 1)))?.id,
      ).toBe(newer.id);
      expect(await repo.newestActiveOfProductForSystem(tx, product.id, DossierKind.UPGRADE, before)).toBeNull();
    });
  });

  it("numbers dossiers from the schema's sequence", async () => {
    const [a, b] = await ds.transaction(async (tx) => [await repo.nextCode(tx, 2026), await repo.nextCode(tx, 2026)]);
    expect(a).toMatch(/^HS-2026-\d{6}$/);
    expect(Number(b.slice(-6))).toBe(Number(a.slice(-6)) + 1);
  });

  it('adds a timeline entry once per event, oldest first', async () => {
    const timeline = new TimelineEntriesRepository(ds);
    const entry = (occurredAt: string, eventId = randomUUID()) =>
      Object.assign(new TimelineEntry(), {
        eventId,
        dossierId: mine.id,
        type: 'test.happened.v1',
        source: 'test',
        occurredAt: new Date(occurredAt),
        actorId: null,
        actorRole: null,
        data: { dossierId: mine.id, n: occurredAt },
      });
    const late = entry('2026-02-02T00:00:00Z');
    await ds.transaction(async (tx) => {
      await timeline.insertIfAbsent(tx, late);
      await timeline.insertIfAbsent(tx, { ...late, type: 'test.changed.v1' });
      await timeline.insertIfAbsent(tx, entry('2026-01-01T00:00:00Z'));
    });
    const rows = await timeline.ofDossier(mine.id);
    expect(rows.map((r) => [r.occurredAt.toISOString(), r.type])).toEqual([
      ['2026-01-01T00:00:00.000Z', 'test.happened.v1'],
      ['2026-02-02T00:00:00.000Z', 'test.happened.v1'],
    ]);
  });
});
