import type { ProductIdeaListView, ProductIdeaView } from '@ocop/contracts';
import { findProductSet } from '@ocop/domain';
import type { ProductIdea } from './product-idea.entity';
import type { ProductIdeaList } from './product-idea-list.entity';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function productIdeaView(i: ProductIdea): ProductIdeaView {
  return {
    id: i.id,
    year: i.year,
    producerId: i.producerId,
    provinceCode: i.provinceCode,
    districtCode: i.districtCode,
    communeCode: i.communeCode,
    name: i.name,
    productSetCode: i.productSetCode,
    productGroup: findProductSet(i.productSetCode)?.group ?? '',
    description: i.description,
    rawMaterials: i.rawMaterials,
    expectedMarket: i.expectedMarket,
    status: i.status,
    feasibilityReason: i.feasibilityReason,
    assessedAt: iso(i.assessedAt),
    listId: i.listId,
    sentAt: iso(i.sentAt),
    decidedAt: iso(i.decidedAt),
    decisionReason: i.decisionReason,
    pickedProductId: i.pickedProductId,
    pickedDossierId: i.pickedDossierId,
    createdBy: i.createdBy,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
  };
}

export function productIdeaListView(l: ProductIdeaList, ideas: ProductIdea[]): ProductIdeaListView {
  return {
    id: l.id,
    provinceCode: l.provinceCode,
    districtCode: l.districtCode,
    year: l.year,
    sentAt: l.sentAt.toISOString(),
    sentBy: l.sentBy,
    ideas: ideas.map(productIdeaView),
  };
}
