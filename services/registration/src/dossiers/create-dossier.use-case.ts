import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, RegistrationEvents, Role, type Actor, type AttachDocumentCommand, type CreateDossierCommand } from '@ocop/contracts';
import { DOSSIER_DOCUMENT_TYPES, DossierStatus, cycleYear, isDossierDocumentType } from '@ocop/domain';
import { now } from '@ocop/observability';
import { Dossier } from './dossier.entity';
import { DossierDocument } from './dossier-document.entity';
import { DossiersRepository } from './dossiers.repository';
import { DossierWorkflow } from './dossier-workflow';
import { ProducersRepository } from '../producers/producers.repository';
import { ProductsRepository } from '../products/products.repository';
import { readScopeOf } from '@ocop/auth';
import { ReevaluationInvitations } from '../reevaluation/reevaluation-invitations';

const EDITORS = [Role.PRODUCER, Role.COMMUNE_OFFICER];
const EDITABLE = new Set<string>([DossierStatus.DRAFT, DossierStatus.RETURNED_FOR_COMPLETION]);
export const ALLOWED_CONTENT_TYPES = new Set(['application/pdf', 'image/jpeg', 'image/png']);

/** Opening a dossier for a product (a re-evaluation files the product's open invitation) and attaching its documents while it is editable. */
@Injectable()
export class CreateDossierUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly dossiers: DossiersRepository,
    private readonly producers: ProducersRepository,
    private readonly products: ProductsRepository,
    private readonly workflow: DossierWorkflow,
    private readonly invitations: ReevaluationInvitations,
  ) {}

  async create(actor: Actor, cmd: CreateDossierCommand, asOf: Date): Promise<Dossier> {
    return this.ds.transaction(async (tx) => {
      const product = await this.products.find(cmd.productId, tx);
      const producer = product && (await this.producers.get(readScopeOf(actor), product.producerId, tx));
      if (!product || !producer) throw AppError.notFound('PRODUCT_NOT_FOUND', 'no such product');
      if (!EDITORS.includes(actor.role)) throw AppError.forbidden('ROLE_FORBIDDEN', `role ${actor.role} may not open dossiers`);
      const year = cycleYear(asOf);
      const d = Object.assign(new Dossier(), {
        id: randomUUID(),
        code: await this.dossiers.nextCode(tx, year),
        productId: product.id,
        producerId: producer.id,
        kind: cmd.kind,
        status: DossierStatus.DRAFT,
        legalVersion: null,
        cycleYear: year,
        provinceCode: producer.provinceCode,
        districtCode: producer.districtCode,
        communeCode: producer.communeCode,
        filedAt: null,
        proposedTier: null,
        proposedToUnitCode: null,
        roundId: null,
        proposalReference: null,
        returnReasons: [],
      });
      await this.dossiers.insert(tx, d);
      await this.workflow.record(tx, actor, d, 'create', { kind: d.kind }, RegistrationEvents.dossierCreated, { kind: d.kind });
      await this.invitations.dossierFiled(tx, actor, d);
      return d;
    });
  }

  async attachDocument(actor: Actor, cmd: AttachDocumentCommand): Promise<DossierDocument> {
    if (!isDossierDocumentType(cmd.type))
      throw AppError.validation(
        'DOCUMENT_TYPE_UNKNOWN',
        `unknown document type ${cmd.type}; one of ${DOSSIER_DOCUMENT_TYPES.map((t) => t.code).join(', ')}`,
        'type',
      );
    if (!ALLOWED_CONTENT_TYPES.has(cmd.contentType))
      throw AppError.validation('DOCUMENT_CONTENT_TYPE', 'only PDF, JPEG and PNG files are accepted', 'contentType');
    return this.ds.transaction(async (tx) => {
      const d = await this.dossiers.getForUpdate(tx, readScopeOf(actor), cmd.dossierId);
      if (!EDITORS.includes(actor.role)) throw AppError.forbidden('ROLE_FORBIDDEN', `role ${actor.role} may not change dossiers`);
      if (!EDITABLE.has(d.status))
        throw AppError.conflict('DOSSIER_NOT_EDITABLE', `documents cannot be added to a dossier in status ${d.status}`);
      const doc = Object.assign(new DossierDocument(), {
        id: randomUUID(),
        dossierId: d.id,
        type: cmd.type,
        fileName: cmd.fileName,
        contentType: cmd.contentType,
        size: cmd.size,
        sha256: cmd.sha256,
        storageKey: cmd.storageKey,
        uploadedBy: actor.id,
        uploadedAt: now(),
      });
      await this.dossiers.insertDocument(tx, doc);
      await this.workflow.record(
        tx,
        actor,
        d,
        'attach_document',
        { documentId: doc.id, type: doc.type, sha256: doc.sha256 },
        RegistrationEvents.documentAttached,
        { documentId: doc.id, documentType: doc.type, fileName: doc.fileName, sha256: doc.sha256 },
      );
      return doc;
    });
  }
}
