import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@ocop/contracts';
import type { CommuneAssessmentEntry } from '@ocop/domain';
import { UnrecoverableEventError } from '@ocop/messaging';
import type { Tx } from '@ocop/persistence';
import { Evaluation } from './evaluation.entity';
import { EvaluationWorkflow } from './evaluation-workflow';

/** What registration's `dossier-proposed` event carries that scoring needs (version 1). */
interface ProposedDossier {
  dossierId: string;
  dossierCode: string;
  productId: string;
  producerId: string;
  communeCode: string;
  provinceCode: string;
  districtCode?: string | null;
  tier: string;
  toUnitCode: string;
  legalVersion: string;
  filedAt?: string;
  kind?: string;
  productName?: string;
  productSetCode?: string;
  producerName?: string;
  communeAssessment?: { entries: CommuneAssessmentEntry[] } | null;
}

/** A dossier proposed by its commune enters the proposal tier's list of dossiers awaiting a session. */
@Injectable()
export class OpenEvaluationUseCase {
  constructor(private readonly workflow: EvaluationWorkflow) {}

  async execute(event: EventEnvelope, tx: Tx): Promise<void> {
    const d = event.data as ProposedDossier;
    for (const k of [
      'dossierId',
      'dossierCode',
      'productId',
      'producerId',
      'communeCode',
      'provinceCode',
      'tier',
      'toUnitCode',
      'legalVersion',
      'filedAt',
      'productName',
      'productSetCode',
      'producerName',
    ] as const) {
      if (typeof d[k] !== 'string') throw new UnrecoverableEventError(`${event.type} ${event.id} lacks ${k}`);
    }
    const e = Object.assign(new Evaluation(), {
      id: randomUUID(),
      dossierId: d.dossierId,
      dossierCode: d.dossierCode,
      dossierKind: d.kind ?? 'NEW',
      productId: d.productId,
      productName: d.productName,
      productSetCode: d.productSetCode,
      producerId: d.producerId,
      producerName: d.producerName,
      tier: d.tier,
      unitCode: d.toUnitCode,
      provinceCode: d.provinceCode,
      districtCode: d.districtCode ?? null,
      communeCode: d.communeCode,
      legalVersion: d.legalVersion,
      filedAt: new Date(d.filedAt!),
      communeAssessment: d.communeAssessment?.entries ?? null,
      labState: 'NOT_REQUIRED',
      labReference: null,
      status: 'AWAITING_SESSION',
      sessionId: null,
      forwardedFrom: null,
      lastDeferral: null,
      result: null,
    });
    await this.workflow.open(tx, e);
  }
}
