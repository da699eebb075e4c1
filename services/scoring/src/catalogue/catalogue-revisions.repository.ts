import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Tx } from '@ocop/persistence';
import { CatalogueRevision } from './catalogue-revision.entity';

/**
 * The stored catalogue revisions. Catalogues are reference data every signed-in caller reads (the criteria are public),
 * so these reads take no scope.
 */
@Injectable()
export class CatalogueRevisionsRepository {
  constructor(private readonly ds: DataSource) {}

  /** Serialises publications of one catalogue code until the caller's transaction ends (two imports of the same new file). */
  async lockCode(tx: Tx, code: string): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('scoring.catalogue:' || $1))`, [code]);
  }

  latest(code: string, tx?: Tx): Promise<CatalogueRevision | null> {
    return (tx ?? this.ds.manager).findOne(CatalogueRevision, { where: { code }, order: { revision: 'DESC' } });
  }

  byRevision(code: string, revision: number): Promise<CatalogueRevision | null> {
    return this.ds.manager.findOneBy(CatalogueRevision, { code, revision });
  }

  byId(id: string, tx?: Tx): Promise<CatalogueRevision> {
    return (tx ?? this.ds.manager).findOneByOrFail(CatalogueRevision, { id });
  }

  /** The newest revision of every catalogue, by code. */
  latestOfEach(): Promise<CatalogueRevision[]> {
    return this.ds
      .getRepository(CatalogueRevision)
      .createQueryBuilder('c')
      .distinctOn(['c.code'])
      .orderBy('c.code')
      .addOrderBy('c.revision', 'DESC')
      .getMany();
  }

  /** The newest revision (by creation, then revision) that serves the legal version. */
  newestServing(legalVersion: string, tx?: Tx): Promise<CatalogueRevision | null> {
    return (tx ?? this.ds.manager)
      .getRepository(CatalogueRevision)
      .createQueryBuilder('c')
      .where(':v = ANY(c.legal_versions)', { v: legalVersion })
      .orderBy('c.created_at', 'DESC')
      .addOrderBy('c.revision', 'DESC')
      .getOne();
  }

  /** Stores a new revision and returns it as stored (created_at stamped). */
  async insert(tx: Tx, revision: CatalogueRevision): Promise<CatalogueRevision> {
    await tx.getRepository(CatalogueRevision).save(revision);
    return tx.findOneByOrFail(CatalogueRevision, { id: revision.id });
  }
}
