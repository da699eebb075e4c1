import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DossierKind, DossierStatus } from '@ocop/domain';
import { createServiceDataSource, initializeServiceDatabase, type Tx } from '@ocop/persistence';
import type { TestEnv } from '@ocop/testing';
import { REGISTRATION_DATABASE } from '../../src/database/registration.database';
import { AdministrativeUnit } from '../../src/units/administrative-unit.entity';
import { Producer } from '../../src/producers/producer.entity';
import { Product } from '../../src/products/product.entity';
import { Dossier } from '../../src/dossiers/dossier.entity';

/** The registration schema of a test file's own database (cloned from the migrated template). */
export function openRegistrationDb(env: TestEnv): Promise<DataSource> {
  return initializeServiceDatabase(
    createServiceDataSource({ ...REGISTRATION_DATABASE, url: env.databaseUrl, applicationName: 'registration-medium', poolSize: 4 }),
  );
}

/** A province with one district and a commune in it, under fresh codes (each test file builds its own places). */
export interface Place {
  provinceCode: string;
  districtCode: string;
  communeCode: string;
}

let serial = 0;

export async function insertPlace(tx: Tx): Promise<Place> {
  serial += 1;
  const n = `${process.pid % 100}${serial}`.padStart(4, '0').slice(-4);
  const provinceCode = `P${n}`;
  const districtCode = `D${n}`;
  const communeCode = `C${n}`;
  const unit = (code: string, level: AdministrativeUnit['level'], parentCode: string | null, districtCodeOf: string | null) =>
    Object.assign(new AdministrativeUnit(), { code, level, name: code, parentCode, provinceCode, districtCode: districtCodeOf });
  await tx.insert(AdministrativeUnit, [
    unit(provinceCode, 'PROVINCE', null, null),
    unit(districtCode, 'DISTRICT', provinceCode, districtCode),
    unit(communeCode, 'COMMUNE', districtCode, districtCode),
  ]);
  return { provinceCode, districtCode, communeCode };
}

export async function insertProducer(tx: Tx, place: Place): Promise<Producer> {
  const p = Object.assign(new Producer(), {
    id: randomUUID(),
    type: 'COOPERATIVE',
    name: 'HTX thử',
    businessRegistrationNumber: randomUUID(),
    representativeName: 'Người đại diện',
    phone: '0912345678',
    email: null,
    address: 'Thôn 1',
    ...place,
    womanLed: false,
    ethnicMinority: false,
  });
  await tx.insert(Producer, p);
  return p;
}

export async function insertProduct(tx: Tx, producer: Producer): Promise<Product> {
  const p = Object.assign(new Product(), {
    id: randomUUID(),
    producerId: producer.id,
    name: 'Mật ong',
    productSetCode: '04',
    description: null,
  });
  await tx.insert(Product, p);
  return p;
}

export async function insertDossier(tx: Tx, product: Product, producer: Producer, over: Partial<Dossier> = {}): Promise<Dossier> {
  const d = Object.assign(new Dossier(), {
    id: randomUUID(),
    code: `HS-T-${randomUUID()}`,
    productId: product.id,
    producerId: producer.id,
    kind: DossierKind.NEW,
    status: DossierStatus.DRAFT,
    legalVersion: null,
    cycleYear: 2026,
    provinceCode: producer.provinceCode,
    districtCode: producer.districtCode,
    communeCode: producer.communeCode,
    filedAt: null,
    proposedTier: null,
    proposedToUnitCode: null,
    roundId: null,
    proposalReference: null,
    communeAssessment: null,
    returnReasons: [],
    ...over,
  });
  await tx.save(Dossier, d);
  return d;
}
