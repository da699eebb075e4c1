import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { NotificationsRepository } from '../src/notifications/notifications.repository';
import { certificationDatabase, givenCertificate, givenDecision } from './support/certification-fixtures';

/**
 * The producer-message outbox against PostgreSQL: a message is written once per dedup key, claimed by one
 * dispatcher at a time (SKIP LOCKED), retried until it fails for good; a reader sees only its scope's messages.
 */
describe('NotificationsRepository', () => {
  let db: Awaited<ReturnType<typeof certificationDatabase>>;
  let ds: DataSource;
  let notifications: NotificationsRepository;

  beforeAll(async () => {
    db = await certificationDatabase();
    ds = db.ds;
    notifications = new NotificationsRepository(ds);
  });

  afterAll(async () => {
    await db?.close();
  });

  const message = (producerId: string, dedupKey: string, certificateId: string | null = null) => ({
    producerId,
    template: 'test',
    subject: `Tiêu đề ${dedupKey}`,
    body: 'Nội dung',
    certificateId,
    dedupKey,
  });
  const countOf = async (producerId: string) =>
    Number((await ds.query('SELECT count(*) AS n FROM certification.notification WHERE producer_id = $1', [producerId]))[0].n);

  it('writes a message once per dedup key', async () => {
    const producerId = randomUUID();
    const at = new Date('2026-05-01T00:00:00Z');
    await ds.transaction((tx) =>
      notifications.insertPending(tx, [message(producerId, `a:${producerId}`), message(producerId, `b:${producerId}`)], ['log'], at),
    );
    await ds.transaction((tx) => notifications.insertPending(tx, [message(producerId, `a:${producerId}`)], ['log'], at));
    expect(await countOf(producerId)).toBe(2);
    const [row] = await ds.query('SELECT channels, status, created_at FROM certification.notification WHERE dedup_key = $1', [
      `a:${producerId}`,
    ]);
    expect(row).toEqual({ channels: ['log'], status: 'PENDING', created_at: at });
  });

  it('claims pending messages with SKIP LOCKED: two dispatchers never hold the same one', async () => {
    const producerId = randomUUID();
    await ds.transaction((tx) =>
      notifications.insertPending(
        tx,
        [1, 2, 3].map((i) => message(producerId, `claim:${producerId}:${i}`)),
        ['log'],
        new Date('2000-01-01T00:00:00Z'),
      ),
    );
    const holder = ds.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    try {
      const first = (await notifications.claimPending(holder.manager, 1000)).filter((m) => m.producerId === producerId);
      expect(first).toHaveLength(3);
      const second = await ds.transaction((tx) => notifications.claimPending(tx, 1000));
      expect(second.filter((m) => m.producerId === producerId)).toEqual([]);
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
  });

  it('marks a message SENT, and a failing one FAILED at the fifth attempt', async () => {
    const producerId = randomUUID();
    await ds.transaction((tx) =>
      notifications.insertPending(
        tx,
        [message(producerId, `ok:${producerId}`), message(producerId, `ko:${producerId}`)],
        ['log'],
        new Date(),
      ),
    );
    const [ok] = await ds.query('SELECT id FROM certification.notification WHERE dedup_key = $1', [`ok:${producerId}`]);
    const [ko] = await ds.query('SELECT id FROM certification.notification WHERE dedup_key = $1', [`ko:${producerId}`]);
    await ds.transaction((tx) => notifications.markSent(tx, ok.id));
    const state = async (id: string) =>
      (
        await ds.query('SELECT status, attempts, last_error, sent_at IS NOT NULL AS sent FROM certification.notification WHERE id = $1', [
          id,
        ])
      )[0];
    expect(await state(ok.id)).toEqual({ status: 'SENT', attempts: 1, last_error: null, sent: true });
    for (let i = 1; i <= 4; i++) await ds.transaction((tx) => notifications.recordFailedAttempt(tx, ko.id, `down ${i}`, 5));
    expect(await state(ko.id)).toEqual({ status: 'PENDING', attempts: 4, last_error: 'down 4', sent: false });
    await ds.transaction((tx) => notifications.recordFailedAttempt(tx, ko.id, 'down 5', 5));
    expect(await state(ko.id)).toEqual({ status: 'FAILED', attempts: 5, last_error: 'down 5', sent: false });
  });

  it('lists a producer its own messages and an officer those about certificates in its scope', async () => {
    const d38 = await givenDecision(ds, { provinceCode: 'N38' });
    const d40 = await givenDecision(ds, { provinceCode: 'N40' });
    const c38 = await givenCertificate(ds, { id: d38, provinceCode: 'N38' });
    const c40 = await givenCertificate(ds, { id: d40, provinceCode: 'N40' });
    await ds.transaction((tx) =>
      notifications.insertPending(
        tx,
        [
          message(c38.producerId, `n38:${c38.id}`, c38.id),
          message(c40.producerId, `n40:${c40.id}`, c40.id),
          message(c38.producerId, `plain:${c38.id}`),
        ],
        ['log'],
        new Date(),
      ),
    );
    const keysOf = async (scope: Parameters<NotificationsRepository['list']>[0], certificateId?: string) =>
      (await notifications.list(scope, { certificateId, limit: 500 })).map((n) => n.subject).sort();
    expect(await keysOf({ kind: 'province', provinceCode: 'N38' })).toEqual([`Tiêu đề n38:${c38.id}`]);
    expect(await keysOf({ kind: 'producer', producerId: c38.producerId })).toEqual(
      [`Tiêu đề n38:${c38.id}`, `Tiêu đề plain:${c38.id}`].sort(),
    );
    expect(await keysOf({ kind: 'producer', producerId: c38.producerId }, c38.id)).toEqual([`Tiêu đề n38:${c38.id}`]);
    expect(await keysOf({ kind: 'province', provinceCode: 'N38' }, c40.id)).toEqual([]);
    expect(await keysOf({ kind: 'none' })).toEqual([]);
    const [view] = await notifications.list({ kind: 'province', provinceCode: 'N40' }, { limit: 1 });
    expect(Object.keys(view!).sort()).toEqual(['body', 'certificateId', 'createdAt', 'id', 'producerId', 'status', 'subject', 'template']);
  });
});
