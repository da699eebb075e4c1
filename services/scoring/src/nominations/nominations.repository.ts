import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { Tx } from '@ocop/persistence';
import { CouncilNomination } from './nomination.entity';

export interface NominationFilter {
  agencyCode?: string;
  provinceCode?: string;
  districtCode?: string;
  tier?: string;
  unitCode?: string;
  status?: string;
  limit: number;
  offset: number;
}

@Injectable()
export class NominationsRepository {
  constructor(private readonly ds: DataSource) {}

  /** Inserts unless the user has a live (pending or accepted) nomination for the unit already; true when inserted. */
  async insertIfNoLive(tx: Tx, n: CouncilNomination): Promise<boolean> {
    const res = await tx.createQueryBuilder().insert().into(CouncilNomination).values(n).orIgnore().returning('id').execute();
    return (res.raw as unknown[]).length > 0;
  }

  getForUpdate(tx: Tx, id: string): Promise<CouncilNomination | null> {
    return tx.getRepository(CouncilNomination).createQueryBuilder('n').where('n.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  save(tx: Tx, n: CouncilNomination): Promise<CouncilNomination> {
    return tx.save(CouncilNomination, n);
  }

  /** The unit's accepted nominations of these users, locked (a council being set up seats them). */
  acceptedForUpdate(tx: Tx, tier: string, unitCode: string, userIds: string[]): Promise<CouncilNomination[]> {
    if (!userIds.length) return Promise.resolve([]);
    return tx
      .getRepository(CouncilNomination)
      .createQueryBuilder('n')
      .where(`n.tier = :tier AND n.unit_code = :unitCode AND n.status = 'ACCEPTED'`, { tier, unitCode })
      .andWhere({ userId: In(userIds) })
      .setLock('pessimistic_write')
      .getMany();
  }

  list(f: NominationFilter): Promise<CouncilNomination[]> {
    const q = this.ds.getRepository(CouncilNomination).createQueryBuilder('n').orderBy('n.nominated_at', 'ASC').addOrderBy('n.id', 'ASC');
    if (f.agencyCode) q.andWhere('n.agency_code = :agency', { agency: f.agencyCode });
    if (f.provinceCode) q.andWhere('n.province_code = :province', { province: f.provinceCode });
    if (f.districtCode) q.andWhere(`n.tier = 'DISTRICT' AND n.unit_code = :district`, { district: f.districtCode });
    if (f.tier) q.andWhere('n.tier = :tier', { tier: f.tier });
    if (f.unitCode) q.andWhere('n.unit_code = :unit', { unit: f.unitCode });
    if (f.status) q.andWhere('n.status = :status', { status: f.status });
    return q.limit(f.limit).offset(f.offset).getMany();
  }
}
