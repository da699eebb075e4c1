import { AppError } from '@ocop/contracts';
import { PRODUCT_SETS, isProductSetCode } from '@ocop/domain';

/** Refuses a product set code registration does not know (a product's, or a product idea's), naming the field. */
export function requireProductSet(code: string, field = 'productSetCode'): void {
  if (!isProductSetCode(code))
    throw AppError.validation(
      'PRODUCT_SET_UNKNOWN',
      `no product set ${code}; one of ${PRODUCT_SETS.map((x) => x.code).join(', ')} (GET /api/reference/product-sets)`,
      field,
    );
}
