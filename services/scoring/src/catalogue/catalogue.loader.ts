import { Injectable } from '@nestjs/common';
import { AppError } from '@ocop/contracts';
import { parseCatalogue, type CriteriaCatalogue, type LegalVersionCode } from '@ocop/domain';
import type { Tx } from '@ocop/persistence';
import type { CatalogueRevision } from './catalogue-revision.entity';
import { CatalogueRevisionsRepository } from './catalogue-revisions.repository';

export interface LoadedCatalogue {
  revision: CatalogueRevision;
  catalogue: CriteriaCatalogue;
}

/** Stored catalogue revisions, parsed once: what the sessions' use cases score against. */
@Injectable()
export class CatalogueLoader {
  /** Parsed revisions by id; revisions are immutable, so entries never go stale. */
  private readonly parsed = new Map<string, CriteriaCatalogue>();
  /**
   * Revisions read by id, row and parsed form: every sheet submitted reads its agenda item's revision, and a row is the
   * whole catalogue document (tens of kilobytes of JSON to fetch and decode). Immutable, so never stale; a province
   * has a few dozen revisions at most.
   */
  private readonly byId = new Map<string, LoadedCatalogue>();

  constructor(private readonly revisions: CatalogueRevisionsRepository) {}

  /** The catalogue a dossier filed under `legalVersion` is scored against now: the newest revision serving that version. */
  async forLegalVersion(legalVersion: LegalVersionCode, tx?: Tx): Promise<LoadedCatalogue> {
    const row = await this.revisions.newestServing(legalVersion, tx);
    if (!row)
      throw AppError.rule('CATALOGUE_MISSING', `no criteria catalogue serves legal version ${legalVersion}; an operator must load one`);
    return { revision: row, catalogue: this.parse(row) };
  }

  async byRevisionId(id: string, tx?: Tx): Promise<LoadedCatalogue> {
    let loaded = this.byId.get(id);
    if (!loaded) {
      const row = await this.revisions.byId(id, tx);
      loaded = { revision: row, catalogue: this.parse(row) };
      this.byId.set(id, loaded);
    }
    return loaded;
  }

  parse(row: CatalogueRevision): CriteriaCatalogue {
    let c = this.parsed.get(row.id);
    if (!c) {
      c = parseCatalogue(row.document);
      this.parsed.set(row.id, c);
    }
    return c;
  }

  /** A revision just published: its parsed form is known already. */
  remember(id: string, catalogue: CriteriaCatalogue): void {
    this.parsed.set(id, catalogue);
  }
}
