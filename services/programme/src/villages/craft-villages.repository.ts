import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Tx } from '@ocop/persistence';
import { validAt } from '../certificates/certificates.repository';
import { CraftVillage, CraftVillageProduct } from './craft-village.entity';

@Injectable()
export class CraftVillagesRepository {
  constructor(private readonly ds: DataSource) {}

  /** Inserts the village unless its district has one of that name; whether it is new. */
  async insert(tx: Tx, v: CraftVillage): Promise<boolean> {
    const r = await tx.createQueryBuilder().insert().into(CraftVillage).values(v).orIgnore().returning(['id']).execute();
    return (r.raw as unknown[]).length === 1;
  }

  village(id: string, tx?: Tx): Promise<CraftVillage | null> {
    return (tx ?? this.ds.manager).findOneBy(CraftVillage, { id });
  }

  list(provinceCode: string | undefined, districtCode: string | undefined, limit: number, offset: number): Promise<CraftVillage[]> {
    const q = this.ds
      .getRepository(CraftVillage)
      .createQueryBuilder('v')
      .orderBy('v.district_code')
      .addOrderBy('v.name')
      .addOrderBy('v.id');
    if (provinceCode) q.andWhere('v.province_code = :provinceCode', { provinceCode });
    if (districtCode) q.andWhere('v.district_code = :districtCode', { districtCode });
    return q.limit(limit).offset(offset).getMany();
  }

  async productsOf(villageIds: string[], tx?: Tx): Promise<CraftVillageProduct[]> {
    if (!villageIds.length) return [];
    return (tx ?? this.ds.manager)
      .getRepository(CraftVillageProduct)
      .createQueryBuilder('p')
      .where('p.village_id IN (:...villageIds)', { villageIds })
      .orderBy('p.product_id')
      .getMany();
  }

  /** The village's products become these. */
  async setProducts(tx: Tx, villageId: string, productIds: string[]): Promise<void> {
    await tx.delete(CraftVillageProduct, { villageId });
    if (productIds.length)
      await tx.insert(
        CraftVillageProduct,
        productIds.map((productId) => ({ villageId, productId })),
      );
  }

  /** Of these villages, those with a product holding a certificate valid at `at`. */
  async withOcopProduct(villageIds: string[], at: Date): Promise<Set<string>> {
    if (!villageIds.length) return new Set();
    const rows: { village_id: string }[] = await this.ds.query(
      `SELECT DISTINCT p.village_id FROM programme.craft_village_product p
         JOIN programme.certificate c ON c.product_id = p.product_id
        WHERE p.village_id = ANY($1::uuid[]) AND c.stars >= 3 AND ${validAt('c', 2)}`,
      [villageIds, at],
    );
    return new Set(rows.map((r) => r.village_id));
  }

  /** A unit's craft villages (a province's, or a district's), traditional ones only if asked, and how many have an OCOP product at `at`. */
  async share(
    provinceCode: string,
    districtCode: string | null,
    traditionalOnly: boolean,
    at: Date,
  ): Promise<{ villages: number; withProduct: number }> {
    const [r]: { villages: string; with_product: string }[] = await this.ds.query(
      `SELECT count(*) AS villages,
              count(*) FILTER (WHERE EXISTS (
                SELECT 1 FROM programme.craft_village_product p JOIN programme.certificate c ON c.product_id = p.product_id
                 WHERE p.village_id = v.id AND c.stars >= 3 AND ${validAt('c', 4)})) AS with_product
         FROM programme.craft_village v
        WHERE v.province_code = $1 AND ($2::text IS NULL OR v.district_code = $2) AND (NOT $3 OR v.traditional)`,
      [provinceCode, districtCode, traditionalOnly, at],
    );
    return { villages: Number(r!.villages), withProduct: Number(r!.with_product) };
  }
}
