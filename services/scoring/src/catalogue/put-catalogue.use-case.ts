import { Injectable } from '@nestjs/common';
import { AppError, type Actor, type CatalogueView } from '@ocop/contracts';
import { CataloguePublisher } from './catalogue.publisher';
import { CatalogueLoader } from './catalogue.loader';
import { catalogueView } from './catalogue.view';

/** Adds or replaces a catalogue through the API (ADMIN). Storing the same content again changes nothing. */
@Injectable()
export class PutCatalogueUseCase {
  constructor(
    private readonly publisher: CataloguePublisher,
    private readonly loader: CatalogueLoader,
  ) {}

  async execute(actor: Actor, code: string, doc: Record<string, unknown>): Promise<CatalogueView> {
    if (doc.code !== code) throw AppError.validation('CATALOGUE_CODE_MISMATCH', `the document's code must be ${code}`, 'document.code');
    const { revision } = await this.publisher.publish(actor, doc, `api:${actor.username}`);
    return catalogueView(revision, this.loader.parse(revision));
  }
}
