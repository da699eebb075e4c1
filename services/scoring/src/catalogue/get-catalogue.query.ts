import { Injectable } from '@nestjs/common';
import { AppError, type CatalogueView } from '@ocop/contracts';
import { CatalogueRevisionsRepository } from './catalogue-revisions.repository';
import { CatalogueLoader } from './catalogue.loader';
import { catalogueView } from './catalogue.view';

/** The newest revision of a catalogue, or the given one (e.g. the revision a session pinned). */
@Injectable()
export class GetCatalogueQuery {
  constructor(
    private readonly revisions: CatalogueRevisionsRepository,
    private readonly loader: CatalogueLoader,
  ) {}

  async execute(code: string, revision?: number): Promise<CatalogueView> {
    if (revision === undefined) {
      const latest = await this.revisions.latest(code);
      if (!latest) throw AppError.notFound('CATALOGUE_NOT_FOUND', `no criteria catalogue ${code}`);
      return catalogueView(latest, this.loader.parse(latest));
    }
    const row = await this.revisions.byRevision(code, revision);
    if (!row) throw AppError.notFound('CATALOGUE_REVISION_NOT_FOUND', `criteria catalogue ${code} has no revision ${revision}`);
    return catalogueView(row, this.loader.parse(row));
  }
}
