import type { SalesPointView } from '@ocop/contracts';
import { SALES_POINT_LOCATION_VI, SHOWCASE_CATEGORY_VI } from '@ocop/domain';
import type { SalesPoint } from './sales-point.entity';
import type { ShelfItem } from './shelf-item.entity';

const num = (v: string | null): number | null => (v === null ? null : Number(v));

export function salesPointView(p: SalesPoint, shelf: ShelfItem[]): SalesPointView {
  return {
    id: p.id,
    provinceCode: p.provinceCode,
    name: p.name,
    locationType: p.locationType,
    locationTypeVi: SALES_POINT_LOCATION_VI[p.locationType] ?? p.locationType,
    level: p.level,
    districtCode: p.districtCode,
    operatorName: p.operatorName,
    operatorUserId: p.operatorUserId,
    address: p.address,
    latitude: num(p.latitude),
    longitude: num(p.longitude),
    openedOn: p.openedOn,
    fundingSource: p.fundingSource,
    supportVnd: num(p.supportVnd),
    supportReceivedOn: p.supportReceivedOn,
    obligationEndsOn: p.obligationEndsOn,
    upgrade: p.upgradedOn && p.upgradedFromVi ? { upgradedOn: p.upgradedOn, fromVi: p.upgradedFromVi } : null,
    criteria: p.criteria.map((c) => ({ code: c.code, labelVi: c.labelVi, met: c.met, note: c.note ?? null })),
    shelf: shelf.map((i) => ({
      producerId: i.producerId,
      producerName: i.producerName,
      productId: i.productId,
      productName: i.productName,
      category: i.category,
      categoryVi: SHOWCASE_CATEGORY_VI[i.category] ?? i.category,
      certificateCode: i.certificateCode,
      stars: i.stars,
      status: i.status,
      withdrawnReason: i.withdrawnReason,
      shelvedAt: i.shelvedAt.toISOString(),
    })),
    createdBy: p.createdBy,
    createdAt: p.createdAt.toISOString(),
  };
}
