import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { DEMO, RegistrationEvents, SYSTEM_ACTOR } from '@ocop/contracts';
import { EventOutbox } from '@ocop/messaging';
import { cycleYear } from '@ocop/domain';
import { writeAudit } from '@ocop/persistence';
import { AdministrativeUnit } from '../units/administrative-unit.entity';
import { Producer } from '../producers/producer.entity';
import { Consultant } from '../consultants/consultant.entity';
import { ConsultantsRepository } from '../consultants/consultants.repository';
import { NO_PRODUCT_ATTRIBUTES, Product } from '../products/product.entity';
import { EvaluationRound } from '../rounds/round.entity';
import { UnitsRepository } from '../units/units.repository';
import { ProducersRepository } from '../producers/producers.repository';
import { ProductsRepository } from '../products/products.repository';
import { RoundsRepository } from '../rounds/rounds.repository';
import { DEMO_PRODUCER_ID, DEMO_PRODUCT_ID, DEMO_PROVINCE, loadDemoDistricts } from './thanh-hoa.demo';

/** Loads the Thanh Hóa demo data into an empty registration schema. Does nothing when units exist. */
@Injectable()
export class SeedDemoDataUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly units: UnitsRepository,
    private readonly producers: ProducersRepository,
    private readonly consultants: ConsultantsRepository,
    private readonly products: ProductsRepository,
    private readonly rounds: RoundsRepository,
    private readonly outbox: EventOutbox,
  ) {}

  async execute(root: string, asOf: Date, logger: Logger): Promise<boolean> {
    if ((await this.units.count()) > 0) return false;
    const districts = loadDemoDistricts(root);
    await this.ds.transaction(async (tx) => {
      const u = (code: string, level: AdministrativeUnit['level'], name: string, parentCode: string | null, districtCode: string | null) =>
        Object.assign(new AdministrativeUnit(), { code, level, name, parentCode, provinceCode: DEMO_PROVINCE.code, districtCode });
      await this.units.insertMany(tx, [u(DEMO_PROVINCE.code, 'PROVINCE', DEMO_PROVINCE.name, null, null)]);
      await this.units.insertMany(
        tx,
        districts.map((d) => u(d.code, 'DISTRICT', d.name, DEMO_PROVINCE.code, d.code)),
      );
      await this.units.insertMany(
        tx,
        districts.flatMap((d) => d.communes.map((c) => u(c.code, 'COMMUNE', c.name, d.code, d.code))),
      );
      const commune = districts[0].communes[0];
      const producer = Object.assign(new Producer(), {
        id: DEMO_PRODUCER_ID,
        type: 'COOPERATIVE',
        name: 'Hợp tác xã Nông nghiệp Đông Thanh',
        businessRegistrationNumber: '2801234567',
        representativeName: 'Lê Thị Hoa',
        phone: '0912345678',
        email: null,
        address: `Thôn 1, ${commune.name}`,
        provinceCode: DEMO_PROVINCE.code,
        districtCode: districts[0].code,
        communeCode: commune.code,
        womanLed: true,
        ethnicMinority: false,
      });
      const product = Object.assign(new Product(), {
        id: DEMO_PRODUCT_ID,
        producerId: DEMO_PRODUCER_ID,
        name: 'Mật ong rừng Đông Thanh',
        productSetCode: '04',
        description: null,
        ...NO_PRODUCT_ATTRIBUTES,
      });
      await this.producers.insert(tx, producer);
      await this.products.insert(tx, product);
      // Announced like any registration, so every service's copy of producers and products knows them.
      await this.outbox.enqueueEvent(tx, RegistrationEvents.producerRegistered, DEMO_PRODUCER_ID, {
        producerId: producer.id,
        name: producer.name,
        type: producer.type,
        communeCode: producer.communeCode,
        provinceCode: producer.provinceCode,
      });
      await this.outbox.enqueueEvent(tx, RegistrationEvents.productRegistered, DEMO_PRODUCT_ID, {
        productId: product.id,
        producerId: product.producerId,
        name: product.name,
        productSetCode: product.productSetCode,
      });
      // A consultant in the province's register, for the demo consultant account (no producer has granted it access yet).
      await this.consultants.insert(
        tx,
        Object.assign(new Consultant(), {
          id: DEMO.consultantId,
          provinceCode: DEMO_PROVINCE.code,
          kind: 'INDIVIDUAL' as const,
          name: 'Trịnh Văn Tư',
          registrationNumber: null,
          phone: '0912 000 111',
          services: ['DOSSIER', 'PRODUCT_STORY'],
          createdAt: asOf,
          createdBy: SYSTEM_ACTOR.id,
        }),
      );
      const year = cycleYear(asOf);
      await this.rounds.insert(
        tx,
        Object.assign(new EvaluationRound(), {
          id: randomUUID(),
          provinceCode: DEMO_PROVINCE.code,
          cycleYear: year,
          number: 1,
          name: `Đợt 1 năm ${year}`,
          opensOn: `${year}-01-01`,
          closesOn: `${year}-12-31`,
        }),
      );
      await writeAudit(tx, {
        actorId: SYSTEM_ACTOR.id,
        actorRole: SYSTEM_ACTOR.role,
        action: 'demo.seed',
        entityType: 'registration',
        entityId: 'demo',
        details: { districts: districts.length },
      });
    });
    logger.info({ districts: districts.length }, 'demo data loaded (Thanh Hóa)');
    return true;
  }
}
