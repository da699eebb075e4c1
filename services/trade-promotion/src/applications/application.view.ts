import type { ApplicationView } from '@ocop/contracts';
import { SHOWCASE_CATEGORY_VI } from '@ocop/domain';
import type { ApplicationWithProducts } from './applications.repository';

export function applicationView(a: ApplicationWithProducts): ApplicationView {
  return {
    id: a.id,
    eventId: a.eventId,
    producerId: a.producerId,
    producerName: a.producerName,
    communeCode: a.communeCode,
    districtCode: a.districtCode,
    status: a.status,
    position: a.position,
    reasons: a.reasons,
    products: a.products.map((p) => ({
      productId: p.productId,
      productName: p.productName,
      category: p.category,
      categoryVi: SHOWCASE_CATEGORY_VI[p.category] ?? p.category,
      certificateId: p.certificateId,
      certificateCode: p.certificateCode,
      stars: p.stars,
      status: p.status,
      withdrawnReason: p.withdrawnReason,
    })),
    appliedBy: a.appliedBy,
    appliedAt: a.appliedAt.toISOString(),
    decidedAt: a.decidedAt?.toISOString() ?? null,
    confirmedAt: a.confirmedAt?.toISOString() ?? null,
    withdrawnAt: a.withdrawnAt?.toISOString() ?? null,
    withdrawnReason: a.withdrawnReason,
  };
}
