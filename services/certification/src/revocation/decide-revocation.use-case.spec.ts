import { AppError, CertificationEvents, Role, type Actor } from '@ocop/contracts';
import type { DataSource } from 'typeorm';
import type { EventOutbox } from '@ocop/messaging';
import type { CertificationConfig } from '../config/certification.config';
import type { Authorities } from '../authorities/authorities.client';
import type { CertificateRow } from '../certificates/certificate.mapper';
import type { CertificatesRepository } from '../certificates/certificates.repository';
import type { DecisionsRepository } from '../certificates/decisions.repository';
import type { NumberCountersRepository } from '../certificates/number-counters.repository';
import type { NotificationOutbox } from '../notifications/notification.outbox';
import type { RevocationTimers } from './revocation.timers';
import type { RevocationsRepository } from './revocations.repository';
import type { GetRevocationQuery } from './get-revocation.query';
import { DecideRevocationUseCase } from './decide-revocation.use-case';

const districtCertificate = {
  id: 'c1',
  number: '380-2024-0001/GCN-OCOP',
  code: 'ABC',
  dossierId: 'd1',
  productId: 'pr1',
  producerId: 'p1',
  productName: 'Chè',
  provinceCode: '38',
  authorityUnitCode: '380',
  tier: 'DISTRICT',
  status: 'ACTIVE',
  decisionId: 'dec0',
} as CertificateRow;
const requested = { id: 'r1', certificateId: 'c1', source: 'OFFICE', reasonCode: 'OTHER', status: 'REQUESTED' };
const districtOfficer = {
  id: 'u1',
  username: 'huyen',
  role: Role.DISTRICT_OFFICER,
  scope: { provinceCode: '38', districtCode: '380' },
} as Actor;
const provinceOffice = { id: 'u2', username: 'tinh', role: Role.PROVINCE_OFFICE, scope: { provinceCode: '38' } } as Actor;

function setup(o: { revocation?: object } = {}) {
  // The audit writer's one statement (writeAudit runs tx.query in the data source's schema).
  const tx = { query: jest.fn().mockResolvedValue([]), connection: { options: { schema: 'test' } } };
  const events: string[] = [];
  const r = { ...requested, ...o.revocation };
  const m = {
    ds: { transaction: jest.fn(async (fn: (t: unknown) => unknown) => fn(tx)) },
    timers: { schedule: jest.fn(async () => void events.push('timers')) },
    outbox: { enqueueEvents: jest.fn().mockResolvedValue(undefined) },
    notifications: { queue: jest.fn().mockResolvedValue(undefined) },
    authorities: {
      describe: jest.fn().mockResolvedValue({ authorityVi: '', issuerVi: 'UBND', placeVi: 'Nơi', decisionSymbol: 'QĐ-UBND' }),
    },
    certificates: {
      getForSystem: jest.fn().mockResolvedValue(districtCertificate),
      lockForSystem: jest.fn().mockResolvedValue(districtCertificate),
      markRevoked: jest.fn().mockResolvedValue(undefined),
    },
    decisions: {
      getForSystem: jest.fn().mockResolvedValue({ id: 'dec0', reference: '7/QĐ-UBND' }),
      insert: jest.fn().mockResolvedValue(undefined),
    },
    counters: { next: jest.fn().mockResolvedValue(12) },
    revocations: {
      getForSystem: jest.fn().mockResolvedValue(r),
      lockForSystem: jest.fn().mockResolvedValue(r),
      markRevoked: jest.fn(async () => void events.push('revoked')),
    },
    getRevocation: { execute: jest.fn().mockResolvedValue({ id: 'r1' }) },
  };
  const useCase = new DecideRevocationUseCase(
    m.ds as unknown as DataSource,
    m.timers as unknown as RevocationTimers,
    m.outbox as unknown as EventOutbox,
    m.notifications as unknown as NotificationOutbox,
    m.authorities as unknown as Authorities,
    m.certificates as unknown as CertificatesRepository,
    m.decisions as unknown as DecisionsRepository,
    m.counters as unknown as NumberCountersRepository,
    m.revocations as unknown as RevocationsRepository,
    m.getRevocation as unknown as GetRevocationQuery,
    { returnDays: 15, reminderDaysBefore: 5 } as CertificationConfig,
  );
  return { useCase, m, events };
}

describe('DecideRevocationUseCase', () => {
  it('before 01/07/2025 the district decides: a REVOKE decision numbered by the district, citing the original', async () => {
    const { useCase, m } = setup();
    const asOf = new Date('2025-03-01T03:00:00Z');
    await useCase.execute(districtOfficer, 'r1', asOf);
    expect(m.authorities.describe).toHaveBeenCalledWith('380', '38', asOf);
    expect(m.counters.next).toHaveBeenCalledWith(expect.anything(), 'DECISION', '380', 2025);
    expect(m.decisions.insert).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({
        kind: 'REVOKE',
        authorityUnitCode: '380',
        authorityTier: 'DISTRICT',
        reference: '12/QĐ-UBND',
        citesDecisionId: 'dec0',
      }),
    );
  });

  it('from 01/07/2025 the province decides on a district certificate, and the district officer may not', async () => {
    const asOf = new Date('2025-08-01T03:00:00Z');
    const refused = setup();
    await expect(refused.useCase.execute(districtOfficer, 'r1', asOf)).rejects.toMatchObject({ code: 'NOT_ISSUING_AUTHORITY' });
    expect(refused.m.decisions.insert).not.toHaveBeenCalled();

    const { useCase, m } = setup();
    await useCase.execute(provinceOffice, 'r1', asOf);
    expect(m.authorities.describe).toHaveBeenCalledWith('38', '38', asOf);
    expect(m.decisions.insert).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({ authorityUnitCode: '38', authorityTier: 'PROVINCE' }),
    );
  });

  it('sets the return deadline and the reminder from the configuration, and schedules them after the transaction', async () => {
    const { useCase, m, events } = setup();
    const asOf = new Date('2025-03-01T03:00:00Z');
    await useCase.execute(districtOfficer, 'r1', asOf);
    const deadline = new Date('2025-03-16T03:00:00Z');
    const reminder = new Date('2025-03-11T03:00:00Z');
    expect(m.revocations.markRevoked).toHaveBeenCalledWith(expect.anything(), 'r1', {
      decisionId: expect.any(String),
      decidedBy: 'huyen',
      decidedAt: asOf,
      returnDeadline: deadline,
      reminderDueAt: reminder,
    });
    expect(m.certificates.markRevoked).toHaveBeenCalledWith(expect.anything(), 'c1', asOf, 'OTHER');
    expect(m.timers.schedule).toHaveBeenCalledWith('r1', [
      { step: 'reminder', at: reminder },
      { step: 'deadline', at: deadline },
    ]);
    expect(events).toEqual(['revoked', 'timers']);
    const [, published] = m.outbox.enqueueEvents.mock.calls[0] as [unknown, { type: string; data: Record<string, unknown> }[]];
    expect(published.map((e) => e.type)).toEqual([CertificationEvents.decisionIssued, CertificationEvents.certificateRevoked]);
    expect(published[1]!.data).toMatchObject({ originalDecisionReference: '7/QĐ-UBND', returnDeadline: deadline.toISOString() });
  });

  it('refuses a request that is not open, and schedules nothing', async () => {
    const { useCase, m } = setup({ revocation: { status: 'REJECTED' } });
    const err = await useCase.execute(districtOfficer, 'r1', new Date('2025-03-01T03:00:00Z')).catch((e: AppError) => e);
    expect(err).toMatchObject({ code: 'REVOCATION_NOT_OPEN' });
    expect(m.timers.schedule).not.toHaveBeenCalled();
  });
});
