import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, DEFAULT_PAGE } from '@ocop/contracts';
import type { Tx } from '@ocop/persistence';
import { Producer } from './producer.entity';
import { inScope, type ReadScope } from '@ocop/auth';

@Injectable()
export class ProducersRepository {
  constructor(private readonly ds: DataSource) {}

  /** The producer, or null when unknown or outside the scope. */
  async get(scope: ReadScope, id: string, tx?: Tx): Promise<Producer | null> {
    const p = await (tx ?? this.ds.manager).findOneBy(Producer, { id });
    return p && inScope(scope, { ...p, producerId: p.id }) ? p : null;
  }

  async list(scope: ReadScope, filter: { communeCode?: string; limit?: number; offset?: number }): Promise<Producer[]> {
    const q = this.ds
      .getRepository(Producer)
      .createQueryBuilder('p')
      .orderBy('p.created_at', 'DESC')
      .addOrderBy('p.id')
      .limit(filter.limit ?? DEFAULT_PAGE.limit)
      .offset(filter.offset ?? DEFAULT_PAGE.offset);
    switch (scope.kind) {
      case 'province':
        q.andWhere('p.province_code = :pc', { pc: scope.provinceCode });
        break;
      case 'district':
        q.andWhere('p.district_code = :dc', { dc: scope.districtCode });
        break;
      case 'commune':
        q.andWhere('p.commune_code = :cc', { cc: scope.communeCode });
        break;
      case 'producer':
        q.andWhere('p.id = :id', { id: scope.producerId });
        break;
      case 'all':
        break;
    }
    if (filter.communeCode) q.andWhere('p.commune_code = :fc', { fc: filter.communeCode });
    return q.getMany();
  }

  /** Inserts the producer; its business registration number being taken already is PRODUCER_DUPLICATE (the unique key decides, also between two requests at once). */
  async insert(tx: Tx, p: Producer): Promise<void> {
    try {
      await tx.insert(Producer, p);
    } catch (err) {
      const pg = (err as { driverError?: { code?: string; constraint?: string } }).driverError;
      if (pg?.code === '23505' && pg.constraint === 'producer_business_registration_number_key') {
        throw AppError.conflict(
          'PRODUCER_DUPLICATE',
          'a producer with this business registration number exists',
          'businessRegistrationNumber',
        );
      }
      throw err;
    }
  }
}
