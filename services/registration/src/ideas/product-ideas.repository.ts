import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEFAULT_PAGE, type ProductIdeaStatus } from '@ocop/contracts';
import { inScope, type ReadScope } from '@ocop/auth';
import type { Tx } from '@ocop/persistence';
import { ProductIdea } from './product-idea.entity';
import { ProductIdeaList } from './product-idea-list.entity';

export interface ProductIdeaFilter {
  year?: number;
  status?: ProductIdeaStatus;
  districtCode?: string;
  limit?: number;
  offset?: number;
}

/** Product ideas and the districts' lists of them; every user read takes the caller's scope. */
@Injectable()
export class ProductIdeasRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * Serialises what changes a district's ideas of a year (filing, assessing, sending the list) inside the caller's
   * transaction, so an idea is never filed or re-assessed while its list is being sent.
   */
  async lockDistrictYear(tx: Tx, districtCode: string, year: number): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`registration.product-idea-list:${districtCode}:${year}`]);
  }

  /** The idea, or null when unknown or outside the scope (callers answer 404 either way). */
  async get(scope: ReadScope, id: string, tx?: Tx): Promise<ProductIdea | null> {
    const i = await (tx ?? this.ds.manager).findOneBy(ProductIdea, { id });
    return i && inScope(scope, i) ? i : null;
  }

  /** Same, locked for update inside the caller's transaction. */
  async getForUpdate(tx: Tx, scope: ReadScope, id: string): Promise<ProductIdea | null> {
    const i = await tx.getRepository(ProductIdea).createQueryBuilder('i').where('i.id = :id', { id }).setLock('pessimistic_write').getOne();
    return i && inScope(scope, i) ? i : null;
  }

  /** The ideas in the scope, newest first, filtered and paged. */
  list(scope: ReadScope, f: ProductIdeaFilter): Promise<ProductIdea[]> {
    const q = this.ds
      .getRepository(ProductIdea)
      .createQueryBuilder('i')
      .orderBy('i.created_at', 'DESC')
      .addOrderBy('i.id', 'ASC')
      .limit(f.limit ?? DEFAULT_PAGE.limit)
      .offset(f.offset ?? DEFAULT_PAGE.offset);
    switch (scope.kind) {
      case 'province':
        q.andWhere('i.province_code = :pc', { pc: scope.provinceCode });
        break;
      case 'district':
        q.andWhere('i.province_code = :pc AND i.district_code = :dc', { pc: scope.provinceCode, dc: scope.districtCode });
        break;
      case 'commune':
        q.andWhere('i.province_code = :pc AND i.commune_code = :cc', { pc: scope.provinceCode, cc: scope.communeCode });
        break;
      case 'producer':
        q.andWhere('i.producer_id = :pid', { pid: scope.producerId });
        break;
      case 'all':
        break;
    }
    if (f.year !== undefined) q.andWhere('i.year = :year', { year: f.year });
    if (f.status) q.andWhere('i.status = :status', { status: f.status });
    if (f.districtCode) q.andWhere('i.district_code = :fd', { fd: f.districtCode });
    return q.getMany();
  }

  /** A district's ideas of a year, oldest first, locked inside the caller's transaction (sending its list). */
  ofDistrictYearForUpdate(tx: Tx, provinceCode: string, districtCode: string, year: number): Promise<ProductIdea[]> {
    return tx
      .getRepository(ProductIdea)
      .createQueryBuilder('i')
      .where('i.province_code = :provinceCode AND i.district_code = :districtCode AND i.year = :year', { provinceCode, districtCode, year })
      .orderBy('i.created_at', 'ASC')
      .addOrderBy('i.id', 'ASC')
      .setLock('pessimistic_write')
      .getMany();
  }

  async insert(tx: Tx, i: ProductIdea): Promise<void> {
    await tx.insert(ProductIdea, i);
  }

  save(tx: Tx, i: ProductIdea): Promise<ProductIdea> {
    return tx.save(ProductIdea, i);
  }

  /** The district's sent list of the year, or null while it has not sent one. */
  sentList(tx: Tx, districtCode: string, year: number): Promise<ProductIdeaList | null> {
    return tx.findOneBy(ProductIdeaList, { districtCode, year });
  }

  async insertList(tx: Tx, l: ProductIdeaList): Promise<void> {
    await tx.insert(ProductIdeaList, l);
  }
}
