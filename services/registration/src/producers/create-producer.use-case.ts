import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, RegistrationEvents, type Actor, type CreateProducerCommand, type ProducerRegisteredData } from '@ocop/contracts';
import { assertBusinessRegistrationNumber, ProducerType } from '@ocop/domain';
import { coversUnit } from '@ocop/auth';
import { EventOutbox } from '@ocop/messaging';
import { writeAudit } from '@ocop/persistence';
import { currentContext, now } from '@ocop/observability';
import { Producer } from './producer.entity';
import { ProducersRepository } from './producers.repository';
import { UnitsRepository } from '../units/units.repository';

@Injectable()
export class CreateProducerUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly producers: ProducersRepository,
    private readonly units: UnitsRepository,
    private readonly outbox: EventOutbox,
  ) {}

  async execute(actor: Actor, cmd: CreateProducerCommand): Promise<Producer> {
    const brn = cmd.businessRegistrationNumber.trim().toUpperCase();
    assertBusinessRegistrationNumber(cmd.type as ProducerType, brn, 'businessRegistrationNumber');
    return this.ds.transaction(async (tx) => {
      const commune = await this.units.find(cmd.communeCode, tx);
      if (!commune || commune.level !== 'COMMUNE')
        throw AppError.validation('UNIT_UNKNOWN', `no commune with code ${cmd.communeCode}`, 'communeCode');
      if (!coversUnit(actor, { ...commune, communeCode: commune.code }))
        throw AppError.forbidden('OUT_OF_SCOPE', 'the commune is outside your administrative scope');
      const p = Object.assign(new Producer(), {
        id: randomUUID(),
        type: cmd.type,
        name: cmd.name.trim(),
        businessRegistrationNumber: brn,
        representativeName: cmd.representativeName.trim(),
        phone: cmd.phone.trim(),
        email: cmd.email ?? null,
        address: cmd.address.trim(),
        provinceCode: commune.provinceCode,
        districtCode: commune.districtCode,
        communeCode: commune.code,
        womanLed: cmd.womanLed,
        ethnicMinority: cmd.ethnicMinority,
        createdAt: now(),
      });
      await this.producers.insert(tx, p);
      await writeAudit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        action: 'producer.register',
        entityType: 'producer',
        entityId: p.id,
        details: { name: p.name, businessRegistrationNumber: brn, communeCode: p.communeCode },
        correlationId: currentContext()?.correlationId,
      });
      const data: ProducerRegisteredData = {
        producerId: p.id,
        name: p.name,
        type: p.type,
        communeCode: p.communeCode,
        provinceCode: p.provinceCode,
      };
      await this.outbox.enqueueEvent(tx, RegistrationEvents.producerRegistered, p.id, data);
      return p;
    });
  }
}
