import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { openServiceTestDatabase, type ServiceTestDatabase } from '@ocop/testing';
import { CERTIFICATION_DATABASE } from '../../src/database/certification.database';
import { CertificatesRepository, type NewCertificate } from '../../src/certificates/certificates.repository';
import { DecisionsRepository } from '../../src/certificates/decisions.repository';

/** A fresh database (cloned from the migrated template) and a DataSource over the certification schema. */
export const certificationDatabase = (): Promise<ServiceTestDatabase> =>
  openServiceTestDatabase(CERTIFICATION_DATABASE, 'certification-medium-test');

let seq = 0;

/** An ISSUE decision of an authority (province or district) in a province. */
export async function givenDecision(
  ds: DataSource,
  o: { provinceCode: string; authorityUnitCode?: string; decidedAt?: Date },
): Promise<string> {
  const id = randomUUID();
  const authority = o.authorityUnitCode ?? o.provinceCode;
  await ds.transaction((tx) =>
    new DecisionsRepository(ds).insert(tx, {
      id,
      kind: 'ISSUE',
      authorityUnitCode: authority,
      authorityTier: authority === o.provinceCode ? 'PROVINCE' : 'DISTRICT',
      provinceCode: o.provinceCode,
      year: 2026,
      seq: ++seq,
      reference: `${seq}/QĐ-UBND`,
      sessionId: randomUUID(),
      citesDecisionId: null,
      authorityVi: '',
      issuerVi: 'ỦY BAN NHÂN DÂN',
      placeVi: 'Nơi',
      decidedAt: o.decidedAt ?? new Date('2026-01-10T03:00:00Z'),
      decidedBy: 'system',
    }),
  );
  return id;
}

/** An ACTIVE certificate of that decision (its place and authority), with the fields given. */
export async function givenCertificate(
  ds: DataSource,
  decision: { id: string; provinceCode: string; authorityUnitCode?: string },
  o: Partial<NewCertificate> = {},
): Promise<NewCertificate> {
  const n = ++seq;
  const authority = decision.authorityUnitCode ?? decision.provinceCode;
  const c: NewCertificate = {
    id: randomUUID(),
    number: `${authority}-2026-${String(n).padStart(4, '0')}/GCN-OCOP`,
    code: `CODE${String(n).padStart(6, '0')}`,
    evaluationId: randomUUID(),
    dossierId: randomUUID(),
    productId: randomUUID(),
    producerId: randomUUID(),
    productName: `Sản phẩm ${n}`,
    producerName: `Chủ thể ${n}`,
    productSetCode: 'B1',
    stars: 4,
    tier: authority === decision.provinceCode ? 'PROVINCE' : 'DISTRICT',
    authorityUnitCode: authority,
    provinceCode: decision.provinceCode,
    decisionId: decision.id,
    validFrom: new Date('2026-01-10T00:00:00Z'),
    validTo: new Date('2099-01-10T00:00:00Z'), // outside every sweep window unless a test says otherwise
    supersedesId: null,
    issuedAt: new Date('2026-01-10T03:00:00Z'),
    provisionalCriteria: false,
    ...o,
  };
  await ds.transaction((tx) => new CertificatesRepository(ds).insertIssued(tx, c));
  return c;
}
