import { randomUUID } from 'node:crypto';
import {
  CertificationEvents,
  RegistrationEvents,
  validateEventPayload,
  type CertificateExpiringData,
  type EventEnvelope,
} from '@ocop/contracts';
import { DossierKind } from '@ocop/domain';
import { EventContext, type EventOutbox } from '@ocop/messaging';
import type { Tx } from '@ocop/persistence';
import { ReevaluationInvitationsConsumer } from './reevaluation-invitations.consumer';
import { ReevaluationInvitation } from './reevaluation-invitation.entity';
import { auditInvitation } from './reevaluation-invitation.audit';
import type { ReevaluationInvitationsRepository } from './reevaluation-invitations.repository';
import type { DossiersRepository } from '../dossiers/dossiers.repository';
import type { ProductsRepository } from '../products/products.repository';

jest.mock('./reevaluation-invitation.audit', () => ({ auditInvitation: jest.fn(async () => undefined) }));
const audit = auditInvitation as jest.MockedFunction<typeof auditInvitation>;

const TX = {} as Tx;
const ids = { certificateId: randomUUID(), dossierId: randomUUID(), productId: randomUUID(), producerId: randomUUID() };
const certified = {
  id: ids.dossierId,
  provinceCode: '38',
  districtCode: '380',
  communeCode: '14801',
  createdAt: new Date('2023-01-01T00:00:00Z'),
};

const expiring = (over: Partial<CertificateExpiringData> = {}): EventEnvelope =>
  ({
    id: randomUUID(),
    type: CertificationEvents.certificateExpiring,
    time: '2026-04-01T01:00:00.000Z',
    data: {
      ...ids,
      number: '38-2023-0001/GCN-OCOP',
      code: 'ABC123',
      provinceCode: '38',
      authorityUnitCode: '38',
      milestoneDays: 90,
      validTo: '2026-06-30T17:00:00.000Z',
      productName: 'Mật ong (event)',
      at: '2026-04-01T00:00:00.000Z',
      ...over,
    },
  }) as unknown as EventEnvelope;

const stored = (over: Partial<ReevaluationInvitation> = {}) =>
  Object.assign(new ReevaluationInvitation(), {
    id: randomUUID(),
    certificateId: ids.certificateId,
    status: 'OPEN',
    lastNoticeDays: 90,
    ...over,
  });

function setUp() {
  const invitations = {
    getByCertificateForUpdate: jest.fn(async (): Promise<ReevaluationInvitation | null> => null),
    insertIfAbsent: jest.fn(async (_tx: Tx, _inv: ReevaluationInvitation) => true),
    save: jest.fn(async (_tx: Tx, i: ReevaluationInvitation) => i),
  };
  const dossiers = {
    getForSystem: jest.fn(async (): Promise<unknown> => certified),
    newestActiveOfProductForSystem: jest.fn(async (): Promise<unknown> => null),
  };
  const products = { lock: jest.fn(async () => true), find: jest.fn(async () => ({ id: ids.productId, name: 'Mật ong rừng' })) };
  const outbox = { enqueueEvent: jest.fn(async () => undefined) };
  const consumer = new ReevaluationInvitationsConsumer(
    invitations as unknown as ReevaluationInvitationsRepository,
    dossiers as unknown as DossiersRepository,
    products as unknown as ProductsRepository,
    outbox as unknown as EventOutbox,
  );
  // The consumer's @OnEvent methods by type, called as its JetStream consumer calls them.
  const on =
    (method: (ctx: EventContext) => Promise<void>) =>
    (e: EventEnvelope, tx: Tx): Promise<void> =>
      method.call(consumer, new EventContext([e, tx, undefined]));
  const handlers: Record<string, (e: EventEnvelope, tx: Tx) => Promise<void>> = {
    [CertificationEvents.certificateExpiring]: on(consumer.expiring),
    [CertificationEvents.certificateSuperseded]: on(consumer.superseded),
    [CertificationEvents.certificateExpired]: on(consumer.expired),
    [CertificationEvents.certificateRevoked]: on(consumer.revoked),
  };
  return { handlers, invitations, dossiers, products, outbox };
}

beforeEach(() => audit.mockClear());

describe('ReevaluationInvitationsConsumer', () => {
  it("opens an invitation on a certificate's first notice, with the certified dossier's places, and announces it", async () => {
    const t = setUp();
    await t.handlers[CertificationEvents.certificateExpiring](expiring(), TX);
    const inv = t.invitations.insertIfAbsent.mock.calls[0][1] as ReevaluationInvitation;
    expect(inv).toMatchObject({
      certificateId: ids.certificateId,
      productName: 'Mật ong rừng',
      dossierId: ids.dossierId,
      provinceCode: '38',
      districtCode: '380',
      communeCode: '14801',
      lastNoticeDays: 90,
      status: 'OPEN',
      reevaluationDossierId: null,
      openedAt: new Date('2026-04-01T00:00:00.000Z'),
      validTo: new Date('2026-06-30T17:00:00.000Z'),
    });
    expect(t.products.lock).toHaveBeenCalledWith(TX, ids.productId);
    expect(t.dossiers.newestActiveOfProductForSystem).toHaveBeenCalledWith(
      TX,
      ids.productId,
      DossierKind.RE_EVALUATION,
      certified.createdAt,
    );
    expect(audit).toHaveBeenCalledWith(TX, expect.anything(), inv, 'open', expect.objectContaining({ noticeDays: 90, status: 'OPEN' }));
    expect(t.outbox.enqueueEvent).toHaveBeenCalledWith(
      TX,
      RegistrationEvents.reevaluationInvited,
      ids.dossierId,
      expect.objectContaining({ invitationId: inv.id, noticeDays: 90, status: 'OPEN', reevaluationDossierId: null }),
    );
  });

  it('opens it already filed when the producer filed a re-evaluation before the first notice', async () => {
    const t = setUp();
    const filed = { id: randomUUID() };
    t.dossiers.newestActiveOfProductForSystem.mockResolvedValueOnce(filed);
    await t.handlers[CertificationEvents.certificateExpiring](expiring(), TX);
    expect(t.invitations.insertIfAbsent.mock.calls[0][1]).toMatchObject({ status: 'DOSSIER_FILED', reevaluationDossierId: filed.id });
  });

  it('announces nothing when another delivery inserted the invitation first', async () => {
    const t = setUp();
    t.invitations.insertIfAbsent.mockResolvedValueOnce(false);
    await t.handlers[CertificationEvents.certificateExpiring](expiring(), TX);
    expect(audit).not.toHaveBeenCalled();
    expect(t.outbox.enqueueEvent).not.toHaveBeenCalled();
  });

  it('only lowers the notice days of an existing invitation, and leaves a closed one alone', async () => {
    const t = setUp();
    const open = stored();
    t.invitations.getByCertificateForUpdate.mockResolvedValue(open);
    await t.handlers[CertificationEvents.certificateExpiring](expiring({ milestoneDays: 90 }), TX);
    expect(t.invitations.save).not.toHaveBeenCalled();
    await t.handlers[CertificationEvents.certificateExpiring](expiring({ milestoneDays: 30 }), TX);
    expect(open.lastNoticeDays).toBe(30);
    expect(audit).toHaveBeenCalledWith(TX, expect.anything(), open, 'notice', expect.objectContaining({ from: 90, to: 30 }));
    await t.handlers[CertificationEvents.certificateExpiring](expiring({ milestoneDays: 60 }), TX);
    expect(open.lastNoticeDays).toBe(30);

    t.invitations.getByCertificateForUpdate.mockResolvedValue(stored({ status: 'CLOSED', closedReason: 'EXPIRED' }));
    t.invitations.save.mockClear();
    await t.handlers[CertificationEvents.certificateExpiring](expiring({ milestoneDays: 1 }), TX);
    expect(t.invitations.save).not.toHaveBeenCalled();
    expect(t.invitations.insertIfAbsent).not.toHaveBeenCalled();
  });

  it("leaves a malformed notice to the registry's check before the handler (the consumer dead-letters it, naming the field)", () => {
    const check = (over: Partial<CertificateExpiringData>) =>
      validateEventPayload(CertificationEvents.certificateExpiring, expiring(over).data);
    expect(check({})).toMatchObject({ ok: true });
    expect(check({ milestoneDays: 0 })).toMatchObject({ ok: false, field: 'data.milestoneDays' });
    expect(check({ milestoneDays: 1.5 })).toMatchObject({ ok: false, field: 'data.milestoneDays' });
    expect(check({ validTo: 'soon' })).toMatchObject({ ok: false, field: 'data.validTo' });
    expect(check({ productId: 'not-a-uuid' })).toMatchObject({
      ok: false,
      field: 'data.productId',
      message: expect.stringMatching(/UUID/),
    });
    expect(check({ code: undefined })).toMatchObject({ ok: false, field: 'data.code' });
  });

  it('dead-letters a notice it can never apply', async () => {
    const t = setUp();
    const notice = t.handlers[CertificationEvents.certificateExpiring];
    t.products.lock.mockResolvedValueOnce(false);
    await expect(notice(expiring(), TX)).rejects.toThrow(/unknown product/);
    t.dossiers.getForSystem.mockResolvedValueOnce(null);
    await expect(notice(expiring(), TX)).rejects.toThrow(/unknown dossier/);
    expect(t.invitations.insertIfAbsent).not.toHaveBeenCalled();
  });

  it("closes the certificate's invitation with the reason and the event's time, once", async () => {
    const t = setUp();
    const inv = stored({ status: 'DOSSIER_FILED' });
    t.invitations.getByCertificateForUpdate.mockResolvedValue(inv);
    const revoked = { ...expiring(), type: CertificationEvents.certificateRevoked, time: '2026-05-05T05:00:00.000Z' };
    await t.handlers[CertificationEvents.certificateRevoked](revoked, TX);
    expect(inv).toMatchObject({ status: 'CLOSED', closedReason: 'REVOKED', closedAt: new Date('2026-05-05T05:00:00.000Z') });
    expect(audit).toHaveBeenCalledWith(
      TX,
      expect.anything(),
      inv,
      'close',
      expect.objectContaining({ from: 'DOSSIER_FILED', reason: 'REVOKED' }),
    );
    await t.handlers[CertificationEvents.certificateExpired]({ ...revoked, type: CertificationEvents.certificateExpired }, TX);
    expect(inv.closedReason).toBe('REVOKED');
    expect(t.invitations.save).toHaveBeenCalledTimes(1);
  });
});
