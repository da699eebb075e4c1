import { Injectable } from '@nestjs/common';
import { AppError, type Actor, type DocumentView, type DossierView, type ListDossiersQuery, type TimelineEntryView } from '@ocop/contracts';
import { allowedDossierActions, missingRequiredDocuments, DossierKind, DossierStatus } from '@ocop/domain';
import { DossiersRepository } from './dossiers.repository';
import { TimelineEntriesRepository } from './timeline-entries.repository';
import { ProductsRepository } from '../products/products.repository';
import { readScopeOf } from '@ocop/auth';
import type { Dossier } from './dossier.entity';
import type { DossierDocument } from './dossier-document.entity';

/** Read side of dossiers, always through the caller's scope; `view` also answers the commands. */
@Injectable()
export class DossierQueries {
  constructor(
    private readonly dossiers: DossiersRepository,
    private readonly timelines: TimelineEntriesRepository,
    private readonly products: ProductsRepository,
  ) {}

  async get(actor: Actor, id: string): Promise<DossierView> {
    const d = await this.dossiers.get(readScopeOf(actor), id);
    if (!d) throw AppError.notFound('DOSSIER_NOT_FOUND', 'no such dossier');
    return this.view(d);
  }

  async list(actor: Actor, q: ListDossiersQuery): Promise<DossierView[]> {
    const rows = await this.dossiers.list(readScopeOf(actor), q);
    return Promise.all(rows.map((d) => this.view(d)));
  }

  async timeline(actor: Actor, id: string): Promise<TimelineEntryView[]> {
    const d = await this.dossiers.get(readScopeOf(actor), id);
    if (!d) throw AppError.notFound('DOSSIER_NOT_FOUND', 'no such dossier');
    return (await this.timelines.ofDossier(d.id)).map((e) => ({
      id: e.eventId,
      type: e.type,
      source: e.source,
      occurredAt: e.occurredAt.toISOString(),
      actorId: e.actorId,
      actorRole: e.actorRole,
      data: e.data,
    }));
  }

  async view(d: Dossier): Promise<DossierView> {
    const [product, documents] = await Promise.all([this.products.find(d.productId), this.dossiers.documents(d.id)]);
    return {
      id: d.id,
      code: d.code,
      productId: d.productId,
      productName: product?.name ?? '',
      productSetCode: product?.productSetCode ?? '',
      producerId: d.producerId,
      kind: d.kind,
      status: d.status,
      legalVersion: d.legalVersion,
      cycleYear: d.cycleYear,
      provinceCode: d.provinceCode,
      districtCode: d.districtCode,
      communeCode: d.communeCode,
      filedAt: d.filedAt?.toISOString() ?? null,
      proposedTier: d.proposedTier,
      proposedToUnitCode: d.proposedToUnitCode,
      roundId: d.roundId,
      communeAssessment: d.communeAssessment,
      returnReasons: d.returnReasons,
      missingDocuments: missingRequiredDocuments(
        d.kind as DossierKind,
        documents.map((x) => x.type),
      ),
      documents: documents.map(documentView),
      allowedActions: allowedDossierActions(d.status as DossierStatus),
      createdAt: d.createdAt.toISOString(),
      updatedAt: d.updatedAt.toISOString(),
    };
  }
}

export function documentView(x: DossierDocument): DocumentView {
  return {
    id: x.id,
    type: x.type,
    fileName: x.fileName,
    contentType: x.contentType,
    size: x.size,
    sha256: x.sha256,
    uploadedAt: x.uploadedAt.toISOString(),
  };
}
