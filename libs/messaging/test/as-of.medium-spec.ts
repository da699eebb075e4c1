import { randomUUID } from 'node:crypto';
import type { Subscription } from '@nats-io/transport-node';
import { AppError, HEADERS, commandSubject } from '@ocop/contracts';
import { RpcClient } from '@ocop/messaging';
import { answerSubject } from '@ocop/testing';
import { runAsOf, runInContext } from '@ocop/observability';
import { writeAudit } from '@ocop/persistence';
import { startHarness, type MsgHarness } from './support/harness';

const T1 = '2024-03-05T02:00:00.000Z';
const T2 = '2024-03-06T02:00:00.000Z';

/**
 * The as-of instant across processes and into the audit writer: an RPC carries it (and whether it is a request's
 * or an event's/job's time), and a change dated by a request before the entity's last audited change is refused.
 */
describe('as-of across RPC and the audit writer', () => {
  let h: MsgHarness;
  let server: Subscription;
  let client: RpcClient;

  beforeAll(async () => {
    h = await startHarness('as-of');
    // What the caller sends; the BusServer's side (headers → the handler's context) is bus-edge.medium-spec's.
    server = answerSubject(h.nc, commandSubject(h.env.prefix, 'test.clock'), ({ headers }) => ({
      asOf: headers?.get(HEADERS.asOf) || null,
      source: headers?.get(HEADERS.asOfSource) || null,
    }));
    client = new RpcClient(h.nc, h.env.prefix);
  }, 30_000);

  afterAll(async () => {
    server?.unsubscribe();
    await h?.close();
  });

  const clock = () => client.request<{ asOf: string | null; source: string | null }>('test.clock', {});

  it("passes a request's as-of on as a request's (no source header), and an event's or job's time as theirs", async () => {
    expect(await clock()).toEqual({ asOf: null, source: null });
    await runInContext({ correlationId: randomUUID(), asOf: T1, asOfSource: 'request' }, async () => {
      expect(await clock()).toEqual({ asOf: T1, source: null });
    });
    await runAsOf(new Date(T2), 'event', async () => {
      expect(await clock()).toEqual({ asOf: T2, source: 'event' });
    });
    await runAsOf(new Date(T1), 'job', async () => {
      expect(await clock()).toEqual({ asOf: T1, source: 'job' });
    });
  });

  it("refuses a request-dated change before the entity's last audited change, and not an event's or another entity's", async () => {
    const entityId = randomUUID();
    const audit = (id = entityId) =>
      h.ds.transaction((tx) =>
        writeAudit(tx, { actorId: 'u-1', actorRole: 'ADMIN', action: 'thing.change', entityType: 'thing', entityId: id }),
      );
    await runInContext({ correlationId: randomUUID(), asOf: T2, asOfSource: 'request' }, () => audit());
    const refused = await runInContext({ correlationId: randomUUID(), asOf: T1, asOfSource: 'request' }, () =>
      audit().catch((e: unknown) => e),
    );
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'AS_OF_BEFORE_LAST_CHANGE', kind: 'CONFLICT', field: 'asOf' });
    // The same instant as the last change, a late event, a job, another entity: all recorded.
    await runInContext({ correlationId: randomUUID(), asOf: T2, asOfSource: 'request' }, () => audit());
    await runAsOf(new Date(T1), 'event', () => audit());
    await runAsOf(new Date(T1), 'job', () => audit());
    await runInContext({ correlationId: randomUUID(), asOf: T1, asOfSource: 'request' }, () => audit(randomUUID()));
    const rows: { occurred_at: Date }[] = await h.ds.query(
      `SELECT occurred_at FROM msgtest.audit_log WHERE entity_id = $1 ORDER BY occurred_at, id`,
      [entityId],
    );
    expect(rows.map((r) => r.occurred_at.toISOString()).sort()).toEqual([T1, T1, T2, T2]);
  });

  it('stamps every audit record with the correlation id of its context, when the use case does not pass one', async () => {
    const entityId = randomUUID();
    const correlationId = randomUUID();
    await runInContext({ correlationId }, () =>
      h.ds.transaction((tx) =>
        writeAudit(tx, { actorId: 'u-1', actorRole: 'ADMIN', action: 'thing.change', entityType: 'thing', entityId }),
      ),
    );
    const [row] = await h.ds.query(`SELECT correlation_id FROM msgtest.audit_log WHERE entity_id = $1`, [entityId]);
    expect(row.correlation_id).toBe(correlationId);
  });
});
