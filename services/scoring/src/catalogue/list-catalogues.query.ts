import { Injectable } from '@nestjs/common';
import type { CatalogueSummaryView } from '@ocop/contracts';
import { CatalogueRevisionsRepository } from './catalogue-revisions.repository';
import { CatalogueLoader } from './catalogue.loader';
import { catalogueSummaryView } from './catalogue.view';

/** The newest revision of every catalogue. */
@Injectable()
export class ListCataloguesQuery {
  constructor(
    private readonly revisions: CatalogueRevisionsRepository,
    private readonly loader: CatalogueLoader,
  ) {}

  async execute(): Promise<CatalogueSummaryView[]> {
    return (await this.revisions.latestOfEach()).map((r) => catalogueSummaryView(r, this.loader.parse(r)));
  }
}
