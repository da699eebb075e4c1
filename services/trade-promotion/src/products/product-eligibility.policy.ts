import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, RegistrationSubjects, type Actor, type ProductView } from '@ocop/contracts';
import { RpcClient } from '@ocop/messaging';
import { CertificatesRepository } from '../certificates/certificates.repository';

export interface ShownProduct {
  productId: string;
  productName: string;
  category: string;
  certificateId: string | null;
  certificateCode: string | null;
  stars: number | null;
}

/**
 * How a producer's product may be shown at an event or on a shelf. As OCOP only with a 3★–5★ certificate valid at the
 * instant, known from certification's events (never the producer's word); in another category only where the event or
 * point accepts it, and only a product registration knows as the producer's. Refusals name the item's field.
 */
@Injectable()
export class ProductEligibility {
  constructor(
    private readonly ds: DataSource,
    private readonly certificates: CertificatesRepository,
    private readonly rpc: RpcClient,
  ) {}

  async resolve(
    actor: Actor,
    producerId: string,
    items: { productId: string; category?: string }[],
    accepted: readonly string[],
    asOf: Date,
    fieldOf: (i: number, key: 'productId' | 'category') => string,
  ): Promise<ShownProduct[]> {
    const seen = new Set<string>();
    items.forEach((p, i) => {
      if (seen.has(p.productId)) throw AppError.validation('PRODUCT_DUPLICATE', 'each product is listed once', fieldOf(i, 'productId'));
      seen.add(p.productId);
      if (!accepted.includes(p.category ?? 'OCOP'))
        throw AppError.validation(
          'CATEGORY_NOT_ALLOWED',
          `${accepted.join(', ')} products are accepted, not ${p.category ?? 'OCOP'}`,
          fieldOf(i, 'category'),
        );
    });
    const certified = await this.certificates.validByProduct(
      this.ds.manager,
      producerId,
      items.filter((p) => (p.category ?? 'OCOP') === 'OCOP').map((p) => p.productId),
      asOf,
    );
    const registered = items.some((p) => (p.category ?? 'OCOP') !== 'OCOP')
      ? await this.rpc.request<ProductView[]>(RegistrationSubjects.productList, { producerId }, { actor })
      : [];
    return items.map((p, i) => {
      const category = p.category ?? 'OCOP';
      if (category === 'OCOP') {
        const cert = certified.get(p.productId);
        if (!cert)
          throw AppError.rule(
            'PRODUCT_NOT_CERTIFIED',
            `product ${p.productId} of this producer has no OCOP certificate of 3 to 5 stars valid on ${asOf.toISOString()} (revoked, expired or never issued); it may be shown only in another category that is accepted`,
            fieldOf(i, 'productId'),
          );
        return {
          productId: p.productId,
          productName: cert.productName,
          category,
          certificateId: cert.certificateId,
          certificateCode: cert.code,
          stars: cert.stars,
        };
      }
      const product = registered.find((x) => x.id === p.productId);
      if (!product) throw AppError.notFound('PRODUCT_NOT_FOUND', 'no such product of this producer', fieldOf(i, 'productId'));
      return { productId: p.productId, productName: product.name, category, certificateId: null, certificateCode: null, stars: null };
    });
  }
}
