import type { SelectQueryBuilder, ObjectLiteral } from 'typeorm';
import type { ReadScope } from '@ocop/auth';

/**
 * Narrows a query to a reader's scope, on a table that records where its producer is (`province_code`,
 * `district_code`, `commune_code`, `producer_id`): applications and sales channels.
 */
export function andInScope<T extends ObjectLiteral>(q: SelectQueryBuilder<T>, alias: string, scope: ReadScope): SelectQueryBuilder<T> {
  switch (scope.kind) {
    case 'all':
      return q;
    case 'province':
      return q.andWhere(`${alias}.province_code = :scopeProvince`, { scopeProvince: scope.provinceCode });
    case 'district':
      return q.andWhere(`${alias}.district_code = :scopeDistrict`, { scopeDistrict: scope.districtCode });
    case 'commune':
      return q.andWhere(`${alias}.commune_code = :scopeCommune`, { scopeCommune: scope.communeCode });
    case 'producer':
      return q.andWhere(`${alias}.producer_id = :scopeProducer`, { scopeProducer: scope.producerId });
  }
}
