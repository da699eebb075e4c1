import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import type { Tx } from '@ocop/persistence';
import { AdministrativeUnit } from './administrative-unit.entity';

/** Administrative units are public reference data: reads need no scope. */
@Injectable()
export class UnitsRepository {
  constructor(private readonly ds: DataSource) {}

  find(code: string, tx?: Tx): Promise<AdministrativeUnit | null> {
    return (tx ?? this.ds.manager).findOneBy(AdministrativeUnit, { code });
  }

  list(filter: { level?: string; parentCode?: string }): Promise<AdministrativeUnit[]> {
    return this.ds.getRepository(AdministrativeUnit).find({
      where: {
        ...(filter.level ? { level: filter.level as AdministrativeUnit['level'] } : {}),
        ...(filter.parentCode ? { parentCode: filter.parentCode } : filter.level === 'PROVINCE' ? { parentCode: IsNull() } : {}),
      },
      order: { code: 'ASC' },
    });
  }

  async count(): Promise<number> {
    return this.ds.getRepository(AdministrativeUnit).count();
  }

  async insertMany(tx: Tx, units: AdministrativeUnit[]): Promise<void> {
    await tx.insert(AdministrativeUnit, units);
  }
}
