import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { RevocationsRepository } from '../src/revocation/revocations.repository';
import { certificationDatabase, givenCertificate, givenDecision } from './support/certification-fixtures';

/**
 * The revocation repository against PostgreSQL: a reader gets a revocation only when its certificate is in the
 * scope; the automatic (EXPIRY) request is made once per certificate and never beside an open request; each
 * follow-up step happens once.
 */
describe('RevocationsRepository', () => {
  let db: Awaited<ReturnType<typeof certificationDatabase>>;
  let ds: DataSource;
  let revocations: RevocationsRepository;

  beforeAll(async () => {
    db = await certificationDatabase();
    ds = db.ds;
    revocations = new RevocationsRepository(ds);
  });

  afterAll(async () => {
    await db?.close();
  });

  const request = async (certificateId: string, source: 'OFFICE' | 'INSPECTION' = 'OFFICE', sourceReference: string | null = null) => {
    const id: string = randomUUID();
    await ds.transaction((tx) =>
      revocations.insertRequest(tx, {
        id,
        certificateId,
        source,
        sourceReference,
        reasonCode: 'OTHER',
        details: 'chi tiết',
        requestedBy: 'office',
        requestedAt: new Date('2026-03-01T00:00:00Z'),
      }),
    );
    return id;
  };

  it('gets and lists a revocation only when its certificate is in the scope', async () => {
    const d38 = await givenDecision(ds, { provinceCode: 'R38' });
    const d40 = await givenDecision(ds, { provinceCode: 'R40' });
    const c38 = await givenCertificate(ds, { id: d38, provinceCode: 'R38' });
    const c40 = await givenCertificate(ds, { id: d40, provinceCode: 'R40' });
    const r38 = await request(c38.id);
    const r40 = await request(c40.id);

    const got = await revocations.get({ kind: 'province', provinceCode: 'R38' }, r38);
    expect(got).toMatchObject({ id: r38, certificateId: c38.id, status: 'REQUESTED', decisionReference: null });
    expect(got).not.toHaveProperty('provinceCode'); // the certificate's fields read for the scope are not given out
    expect(await revocations.get({ kind: 'province', provinceCode: 'R40' }, r38)).toBeNull();
    expect(await revocations.get({ kind: 'producer', producerId: c40.producerId }, r38)).toBeNull();
    expect(await revocations.get({ kind: 'none' }, r38)).toBeNull();

    const listed = async (scope: Parameters<RevocationsRepository['list']>[0]) =>
      (await revocations.list(scope, { limit: 500 })).map((r) => r.id).filter((id) => [r38, r40].includes(id));
    expect(await listed({ kind: 'province', provinceCode: 'R38' })).toEqual([r38]);
    expect(await listed({ kind: 'producer', producerId: c40.producerId })).toEqual([r40]);
    expect((await listed({ kind: 'all' })).sort()).toEqual([r38, r40].sort());
    expect(await revocations.list({ kind: 'province', provinceCode: 'R38' }, { certificateId: c40.id })).toEqual([]);
  });

  it('finds a request by its source reference and the open request of a certificate', async () => {
    const d = await givenDecision(ds, { provinceCode: 'R41' });
    const c = await givenCertificate(ds, { id: d, provinceCode: 'R41' });
    const id = await request(c.id, 'INSPECTION', `violation:${randomUUID()}`);
    const [ref] = await ds.query('SELECT source_reference FROM certification.revocation WHERE id = $1', [id]);
    await ds.transaction(async (tx) => {
      expect(await revocations.findBySourceReference(tx, 'INSPECTION', ref.source_reference)).toEqual({
        id,
        certificateId: c.id,
        reasonCode: 'OTHER',
      });
      expect(await revocations.findBySourceReference(tx, 'OFFICE', ref.source_reference)).toBeNull();
      expect(await revocations.findOpenOf(tx, c.id)).toEqual({ id });
    });
  });

  it('requests the revocation of a lapsed certificate once, and not beside an open request', async () => {
    const d = await givenDecision(ds, { provinceCode: 'R42' });
    const lapsed = await givenCertificate(ds, { id: d, provinceCode: 'R42' });
    const withOpen = await givenCertificate(ds, { id: d, provinceCode: 'R42' });
    await request(withOpen.id);
    const asOf = new Date('2030-01-01T00:00:00Z');
    const first = await ds.transaction((tx) => revocations.requestForLapsed(tx, asOf, [lapsed.id, withOpen.id], 'không đánh giá lại'));
    expect(first.map((r) => r.id)).toEqual([lapsed.id]);
    expect(first[0]).toMatchObject({ number: lapsed.number, producerId: lapsed.producerId, revocationId: expect.any(String) });
    expect(await ds.transaction((tx) => revocations.requestForLapsed(tx, asOf, [lapsed.id], 'không đánh giá lại'))).toEqual([]);

    // Re-evaluated in time: the system rejects the open EXPIRY request; still no second EXPIRY request ever.
    await ds.transaction((tx) => revocations.rejectOpenExpiryRequest(tx, lapsed.id, 're-evaluated', asOf));
    expect(await revocations.getForSystem(first[0]!.revocationId)).toMatchObject({
      status: 'REJECTED',
      decidedBy: 'system',
      rejectionNote: 're-evaluated',
    });
    expect(await ds.transaction((tx) => revocations.requestForLapsed(tx, asOf, [lapsed.id], 'không đánh giá lại'))).toEqual([]);
  });

  it('sends each reminder and escalates each overdue revocation once, for one revocation or all', async () => {
    const d = await givenDecision(ds, { provinceCode: 'R43' });
    const c1 = await givenCertificate(ds, { id: d, provinceCode: 'R43' });
    const c2 = await givenCertificate(ds, { id: d, provinceCode: 'R43' });
    const r1 = await request(c1.id);
    const r2 = await request(c2.id);
    const decided = { decisionId: d, decidedBy: 'office', decidedAt: new Date('2030-01-01T00:00:00Z') };
    const deadline = new Date('2030-01-16T00:00:00Z');
    const reminder = new Date('2030-01-11T00:00:00Z');
    await ds.transaction(async (tx) => {
      await revocations.markRevoked(tx, r1, { ...decided, returnDeadline: deadline, reminderDueAt: reminder });
      await revocations.markRevoked(tx, r2, { ...decided, returnDeadline: deadline, reminderDueAt: reminder });
    });
    const mine = (rows: { id: string }[]) => rows.map((r) => r.id).filter((id) => [r1, r2].includes(id));
    const beforeReminder = new Date('2030-01-10T00:00:00Z');
    expect(mine(await ds.transaction((tx) => revocations.markRemindersSent(tx, beforeReminder)))).toEqual([]);
    const dayOfReminder = new Date('2030-01-12T00:00:00Z');
    expect(mine(await ds.transaction((tx) => revocations.markRemindersSent(tx, dayOfReminder, r1)))).toEqual([r1]);
    expect(mine(await ds.transaction((tx) => revocations.markRemindersSent(tx, dayOfReminder)))).toEqual([r2]);
    expect(mine(await ds.transaction((tx) => revocations.markRemindersSent(tx, dayOfReminder)))).toEqual([]);

    const awaiting = (await revocations.listAwaitingReturnForSystem()).filter((r) => [r1, r2].includes(r.id));
    expect(awaiting).toHaveLength(2);
    expect(awaiting[0]).toMatchObject({ reminderDueAt: reminder, reminderSentAt: dayOfReminder, returnDeadline: deadline });

    const afterDeadline = new Date('2030-01-17T00:00:00Z');
    expect(mine(await ds.transaction((tx) => revocations.escalateOverdue(tx, afterDeadline)))).toEqual(expect.arrayContaining([r1, r2]));
    expect(mine(await ds.transaction((tx) => revocations.escalateOverdue(tx, afterDeadline)))).toEqual([]);
    expect((await revocations.listAwaitingReturnForSystem()).filter((r) => [r1, r2].includes(r.id))).toEqual([]);
  });

  it('locks the revocation row for update', async () => {
    const d = await givenDecision(ds, { provinceCode: 'R44' });
    const c = await givenCertificate(ds, { id: d, provinceCode: 'R44' });
    const id = await request(c.id);
    const holder = ds.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    try {
      await revocations.lockForSystem(holder.manager, id);
      await expect(
        ds.transaction(async (tx) => {
          await tx.query(`SET LOCAL lock_timeout = '200ms'`);
          await revocations.lockForSystem(tx, id);
        }),
      ).rejects.toThrow(/lock timeout/);
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
  });
});
