import { AppError, CertificationEvents, Role, type Actor } from '@ocop/contracts';
import type { EventOutbox } from '@ocop/messaging';
import type { Tx } from '@ocop/persistence';
import type { CertificatesRepository } from '../certificates/certificates.repository';
import type { CertificateRow } from '../certificates/certificate.mapper';
import type { RevocationsRepository } from './revocations.repository';
import { RevocationRequestWorkflow } from './revocation-request.workflow';

const office: Actor = { id: 'u1', username: 'office38', role: Role.PROVINCE_OFFICE, scope: { provinceCode: '38' } } as Actor;
const certificate = {
  id: 'c1',
  number: '38-2026-0001/GCN-OCOP',
  code: 'ABC',
  dossierId: 'd1',
  productId: 'pr1',
  producerId: 'p1',
  provinceCode: '38',
  authorityUnitCode: '38',
  tier: 'PROVINCE',
  status: 'ACTIVE',
} as CertificateRow;
const asOf = new Date('2026-03-01T00:00:00Z');

function setup(
  o: {
    same?: { id: string; certificateId: string; reasonCode: string } | null;
    open?: { id: string } | null;
    cert?: Partial<CertificateRow>;
  } = {},
) {
  const certificates = { lockForSystem: jest.fn().mockResolvedValue({ ...certificate, ...o.cert }) };
  const revocations = {
    findBySourceReference: jest.fn().mockResolvedValue(o.same ?? null),
    findOpenOf: jest.fn().mockResolvedValue(o.open ?? null),
    insertRequest: jest.fn().mockResolvedValue(undefined),
  };
  const outbox = { enqueueEvent: jest.fn().mockResolvedValue(undefined) };
  // The audit writer's one statement (writeAudit runs tx.query in the data source's schema).
  const tx = { query: jest.fn().mockResolvedValue([]), connection: { options: { schema: 'test' } } } as unknown as Tx;
  const workflow = new RevocationRequestWorkflow(
    certificates as unknown as CertificatesRepository,
    revocations as unknown as RevocationsRepository,
    outbox as unknown as EventOutbox,
  );
  return { workflow, certificates, revocations, outbox, tx };
}

const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    return (err as AppError).code;
  }
  return 'no error';
};

describe('RevocationRequestWorkflow.open', () => {
  it('records the request, its event and its audit record', async () => {
    const s = setup();
    const id = await s.workflow.open(s.tx, office, 'OFFICE', { certificateId: 'c1', reasonCode: 'OTHER', details: 'x' }, asOf);
    expect(s.revocations.insertRequest).toHaveBeenCalledWith(s.tx, {
      id,
      certificateId: 'c1',
      source: 'OFFICE',
      sourceReference: null,
      reasonCode: 'OTHER',
      details: 'x',
      requestedBy: 'office38',
      requestedAt: asOf,
    });
    expect(s.outbox.enqueueEvent).toHaveBeenCalledWith(
      s.tx,
      CertificationEvents.revocationRequested,
      'c1',
      expect.objectContaining({ revocationId: id, certificateId: 'c1', source: 'OFFICE', requestedAt: asOf.toISOString() }),
    );
    expect(s.tx.query).toHaveBeenCalledTimes(1);
    expect((s.tx.query as jest.Mock).mock.calls[0][0]).toMatch(/INSERT INTO "test"\.audit_log/);
    expect(s.revocations.findBySourceReference).not.toHaveBeenCalled(); // no reference, no lookup
  });

  it('gives the same request back for a repeated source reference, without reading the certificate', async () => {
    const s = setup({ same: { id: 'r0', certificateId: 'c1', reasonCode: 'OTHER' } });
    const r = { certificateId: 'c1', reasonCode: 'OTHER' as const, details: 'x', sourceReference: 'violation:v1' };
    expect(await s.workflow.open(s.tx, office, 'INSPECTION', r, asOf)).toBe('r0');
    expect(s.certificates.lockForSystem).not.toHaveBeenCalled();
    expect(s.revocations.insertRequest).not.toHaveBeenCalled();
  });

  it('refuses a reference already used for another certificate or reason', async () => {
    const s = setup({ same: { id: 'r0', certificateId: 'c2', reasonCode: 'OTHER' } });
    const r = { certificateId: 'c1', reasonCode: 'OTHER' as const, details: 'x', sourceReference: 'violation:v1' };
    expect(await codeOf(s.workflow.open(s.tx, office, 'INSPECTION', r, asOf))).toBe('REVOCATION_REFERENCE_CONFLICT');
  });

  it('refuses a requester outside the certificate, a certificate not revocable, and a second open request', async () => {
    const r = { certificateId: 'c1', reasonCode: 'OTHER' as const, details: 'x' };
    const other = { ...office, scope: { provinceCode: '40' } } as Actor;
    let s = setup();
    expect(await codeOf(s.workflow.open(s.tx, other, 'OFFICE', r, asOf))).toBe('SCOPE_FORBIDDEN');
    s = setup({ cert: { status: 'REVOKED' as CertificateRow['status'] } });
    expect(await codeOf(s.workflow.open(s.tx, office, 'OFFICE', r, asOf))).toBe('CERTIFICATE_NOT_REVOCABLE');
    s = setup({ open: { id: 'r9' } });
    expect(await codeOf(s.workflow.open(s.tx, office, 'OFFICE', r, asOf))).toBe('REVOCATION_ALREADY_REQUESTED');
    expect(s.revocations.insertRequest).not.toHaveBeenCalled();
    expect(s.outbox.enqueueEvent).not.toHaveBeenCalled();
  });
});
