import type { CatalogueSummaryView, CatalogueView } from '@ocop/contracts';
import { catalogueCompletion, type CriteriaCatalogue } from '@ocop/domain';
import type { CatalogueRevision } from './catalogue-revision.entity';

export function catalogueSummaryView(r: CatalogueRevision, catalogue: CriteriaCatalogue): CatalogueSummaryView {
  return {
    code: r.code,
    revision: r.revision,
    titleVi: r.titleVi,
    legalVersions: r.legalVersions,
    status: r.status,
    checksum: r.checksum,
    source: r.source,
    createdAt: r.createdAt.toISOString(),
    toCompleteCount: catalogueCompletion(catalogue).length,
  };
}

export function catalogueView(r: CatalogueRevision, catalogue: CriteriaCatalogue): CatalogueView {
  return { ...catalogueSummaryView(r, catalogue), toComplete: catalogueCompletion(catalogue), document: r.document };
}
