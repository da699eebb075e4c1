import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import type { Tx } from '@ocop/persistence';
import { AdministrativeUnit } from './administrative-unit.entity';

/**
 * Administrative units are public reference data: reads need no scope. The application only ever adds units (the seed,
 * through insertMany) and never changes or deletes one — a new map of units comes with a migration and a restart — so
 * a unit found once is kept in memory and every command naming it (a producer's commune) skips that round trip. A code
 * not found is asked again next time.
 */
@Injectable()
export class UnitsRepository {
  private readonly known = new Map<string, Readonly<AdministrativeUnit>>();

  constructor(private readonly ds: DataSource) {}

  async find(code: string, tx?: Tx): Promise<Readonly<AdministrativeUnit> | null> {
    const cached = this.known.get(code);
    if (cached) return cached;
    const unit = await (tx ?? this.ds.manager).findOneBy(AdministrativeUnit, { code });
    if (unit) this.known.set(code, Object.freeze(unit));
    return unit;
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
