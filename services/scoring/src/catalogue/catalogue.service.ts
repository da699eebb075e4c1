import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { AppError, ScoringEvents, SYSTEM_ACTOR, type Actor, type CatalogueSummaryView, type CatalogueView } from '@ocop/contracts';
import {
  CatalogueInvalidError,
  catalogueCompletion,
  catalogueToDocument,
  parseCatalogue,
  type CriteriaCatalogue,
  type LegalVersionCode,
} from '@ocop/domain';
import { EventOutbox } from '@ocop/messaging';
import { writeAudit, type Tx } from '@ocop/persistence';
import { currentContext } from '@ocop/observability';
import { CatalogueRevision } from './catalogue-revision.entity';

export interface LoadedCatalogue {
  revision: CatalogueRevision;
  catalogue: CriteriaCatalogue;
}

/**
 * The criteria catalogues as versioned data: imported from files at start (only content not seen
 * before becomes a new revision), replaced through the API, never edited in place. A dossier's
 * sessions pin the revision they scored against.
 */
@Injectable()
export class CatalogueService {
  /** Parsed revisions by id; revisions are immutable, so entries never go stale. */
  private readonly parsed = new Map<string, CriteriaCatalogue>();

  constructor(
    private readonly ds: DataSource,
    private readonly outbox: EventOutbox,
  ) {}

  /** Imports every *.json of `dir` whose canonical content is not stored yet. A bad file is logged and skipped. */
  async importDirectory(dir: string, logger: Logger): Promise<void> {
    const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
    for (const file of files) {
      try {
        const doc = JSON.parse(await readFile(join(dir, file), 'utf8')) as unknown;
        const { revision, created } = await this.store(SYSTEM_ACTOR, doc, `file:${file}`);
        if (created) logger.info({ code: revision.code, revision: revision.revision, file }, 'criteria catalogue imported');
      } catch (err) {
        logger.error(
          { err, file, issues: (err as CatalogueInvalidError).issues },
          `criteria catalogue file ${file} refused: ${(err as Error).message}`,
        );
      }
    }
  }

  /** Adds or replaces a catalogue through the API (ADMIN). Storing the same content again changes nothing. */
  async put(actor: Actor, code: string, doc: Record<string, unknown>): Promise<CatalogueView> {
    if (doc.code !== code) throw AppError.validation('CATALOGUE_CODE_MISMATCH', `the document's code must be ${code}`, 'document.code');
    const { revision } = await this.store(actor, doc, `api:${actor.username}`);
    return this.view(revision);
  }

  private async store(actor: Actor, doc: unknown, source: string): Promise<{ revision: CatalogueRevision; created: boolean }> {
    let catalogue: CriteriaCatalogue;
    try {
      catalogue = parseCatalogue(doc);
    } catch (err) {
      if (err instanceof CatalogueInvalidError)
        throw AppError.validation('CATALOGUE_INVALID', err.message, `document.${err.issues[0]?.path ?? ''}`);
      throw err;
    }
    const document = catalogueToDocument(catalogue) as unknown as Record<string, unknown>;
    const checksum = createHash('sha256').update(JSON.stringify(document)).digest('hex');
    return this.ds.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('scoring.catalogue:' || $1))`, [catalogue.code]);
      const latest = await this.latestOf(catalogue.code, tx);
      if (latest?.checksum === checksum) return { revision: latest, created: false };
      const revision = Object.assign(new CatalogueRevision(), {
        id: randomUUID(),
        code: catalogue.code,
        revision: (latest?.revision ?? 0) + 1,
        titleVi: catalogue.titleVi,
        legalVersions: catalogue.legalVersions,
        status: catalogue.status,
        document,
        checksum,
        source,
        createdBy: actor.id,
      });
      await tx.getRepository(CatalogueRevision).save(revision);
      const saved = await tx.findOneByOrFail(CatalogueRevision, { id: revision.id });
      await writeAudit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        action: 'catalogue.publish',
        entityType: 'catalogue',
        entityId: saved.id,
        details: { code: saved.code, revision: saved.revision, checksum, source, replaces: latest?.revision ?? null },
        correlationId: currentContext()?.correlationId,
      });
      await this.outbox.enqueue(tx, ScoringEvents.cataloguePublished, saved.id, {
        code: saved.code,
        revision: saved.revision,
        legalVersions: saved.legalVersions,
        status: saved.status,
        checksum,
        toComplete: catalogueCompletion(catalogue).length,
      });
      this.parsed.set(saved.id, catalogue);
      return { revision: saved, created: true };
    });
  }

  private latestOf(code: string, tx?: Tx): Promise<CatalogueRevision | null> {
    return (tx ?? this.ds.manager).findOne(CatalogueRevision, { where: { code }, order: { revision: 'DESC' } });
  }

  async list(): Promise<CatalogueSummaryView[]> {
    const rows: CatalogueRevision[] = await this.ds
      .getRepository(CatalogueRevision)
      .createQueryBuilder('c')
      .distinctOn(['c.code'])
      .orderBy('c.code')
      .addOrderBy('c.revision', 'DESC')
      .getMany();
    return rows.map((r) => this.summary(r));
  }

  /** The newest revision of a catalogue, or the given one (e.g. the revision a session pinned). */
  async get(code: string, revision?: number): Promise<CatalogueView> {
    if (revision === undefined) {
      const latest = await this.latestOf(code);
      if (!latest) throw AppError.notFound('CATALOGUE_NOT_FOUND', `no criteria catalogue ${code}`);
      return this.view(latest);
    }
    const row = await this.ds.manager.findOneBy(CatalogueRevision, { code, revision });
    if (!row) throw AppError.notFound('CATALOGUE_REVISION_NOT_FOUND', `criteria catalogue ${code} has no revision ${revision}`);
    return this.view(row);
  }

  /** The catalogue a dossier filed under `legalVersion` is scored against now: the newest revision serving that version. */
  async forLegalVersion(legalVersion: LegalVersionCode, tx?: Tx): Promise<LoadedCatalogue> {
    const row = await (tx ?? this.ds.manager)
      .getRepository(CatalogueRevision)
      .createQueryBuilder('c')
      .where(':v = ANY(c.legal_versions)', { v: legalVersion })
      .orderBy('c.created_at', 'DESC')
      .addOrderBy('c.revision', 'DESC')
      .getOne();
    if (!row)
      throw AppError.rule('CATALOGUE_MISSING', `no criteria catalogue serves legal version ${legalVersion}; an operator must load one`);
    return { revision: row, catalogue: this.parse(row) };
  }

  async byRevisionId(id: string, tx?: Tx): Promise<LoadedCatalogue> {
    const row = await (tx ?? this.ds.manager).findOneByOrFail(CatalogueRevision, { id });
    return { revision: row, catalogue: this.parse(row) };
  }

  parse(row: CatalogueRevision): CriteriaCatalogue {
    let c = this.parsed.get(row.id);
    if (!c) {
      c = parseCatalogue(row.document);
      this.parsed.set(row.id, c);
    }
    return c;
  }

  private summary(r: CatalogueRevision): CatalogueSummaryView {
    return {
      code: r.code,
      revision: r.revision,
      titleVi: r.titleVi,
      legalVersions: r.legalVersions,
      status: r.status,
      checksum: r.checksum,
      source: r.source,
      createdAt: r.createdAt.toISOString(),
      toCompleteCount: catalogueCompletion(this.parse(r)).length,
    };
  }

  private view(r: CatalogueRevision): CatalogueView {
    return { ...this.summary(r), toComplete: catalogueCompletion(this.parse(r)), document: r.document };
  }
}
