import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppError, ScoringEvents, type Actor } from '@ocop/contracts';
import { CatalogueInvalidError, catalogueCompletion, catalogueToDocument, parseCatalogue, type CriteriaCatalogue } from '@ocop/domain';
import { EventOutbox } from '@ocop/messaging';
import { writeAudit } from '@ocop/persistence';
import { currentContext } from '@ocop/observability';
import { CatalogueRevision } from './catalogue-revision.entity';
import { CatalogueRevisionsRepository } from './catalogue-revisions.repository';
import { CatalogueLoader } from './catalogue.loader';

/**
 * Publishing a catalogue document, from a file at start or through the API: only content not seen before becomes a
 * new revision (never edited in place); the revision, its audit record and its event are written in one transaction.
 */
@Injectable()
export class CataloguePublisher {
  constructor(
    private readonly ds: DataSource,
    private readonly outbox: EventOutbox,
    private readonly revisions: CatalogueRevisionsRepository,
    private readonly loader: CatalogueLoader,
  ) {}

  async publish(actor: Actor, doc: unknown, source: string): Promise<{ revision: CatalogueRevision; created: boolean }> {
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
      await this.revisions.lockCode(tx, catalogue.code);
      const latest = await this.revisions.latest(catalogue.code, tx);
      if (latest?.checksum === checksum) return { revision: latest, created: false };
      const saved = await this.revisions.insert(
        tx,
        Object.assign(new CatalogueRevision(), {
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
        }),
      );
      await writeAudit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        action: 'catalogue.publish',
        entityType: 'catalogue',
        entityId: saved.id,
        details: { code: saved.code, revision: saved.revision, checksum, source, replaces: latest?.revision ?? null },
        correlationId: currentContext()?.correlationId,
      });
      await this.outbox.enqueueEvent(tx, ScoringEvents.cataloguePublished, saved.id, {
        code: saved.code,
        revision: saved.revision,
        legalVersions: saved.legalVersions,
        status: saved.status,
        checksum,
        toComplete: catalogueCompletion(catalogue).length,
      });
      this.loader.remember(saved.id, catalogue);
      return { revision: saved, created: true };
    });
  }
}
