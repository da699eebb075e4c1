import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, RegistrationEvents, type Actor, type AttachDocumentCommand } from '@ocop/contracts';
import { DOSSIER_DOCUMENT_TYPES, isDossierDocumentType } from '@ocop/domain';
import { now } from '@ocop/observability';
import { readScopeOf } from '@ocop/auth';
import { DossierDocument } from './dossier-document.entity';
import { DossiersRepository } from './dossiers.repository';
import { DossierWorkflow } from './dossier.workflow';
import { ALLOWED_CONTENT_TYPES, EDITABLE_STATUSES } from './dossier-editing.policy';

/** Attaching an uploaded document's metadata (the gateway stored the bytes) to a dossier while it is editable. */
@Injectable()
export class AttachDocumentUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly dossiers: DossiersRepository,
    private readonly workflow: DossierWorkflow,
  ) {}

  async execute(actor: Actor, cmd: AttachDocumentCommand): Promise<DossierDocument> {
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
      if (!EDITABLE_STATUSES.has(d.status))
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
