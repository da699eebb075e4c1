import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { DossierProposedData, EventEnvelope } from '@ocop/contracts';
import type { Tx } from '@ocop/persistence';
import { Evaluation } from './evaluation.entity';
import { EvaluationWorkflow } from './evaluation.workflow';

/** A dossier proposed by its commune enters the proposal tier's list of dossiers awaiting a session. */
@Injectable()
export class OpenEvaluationUseCase {
  constructor(private readonly workflow: EvaluationWorkflow) {}

  async execute(event: EventEnvelope, tx: Tx): Promise<void> {
    // Validated by the consumer against DossierProposedData (ids, codes, filedAt an instant, kind, names required).
    const d = event.data as DossierProposedData;
    const e = Object.assign(new Evaluation(), {
      id: randomUUID(),
      dossierId: d.dossierId,
      dossierCode: d.dossierCode,
      dossierKind: d.kind,
      productId: d.productId,
      productName: d.productName,
      productSetCode: d.productSetCode,
      producerId: d.producerId,
      producerName: d.producerName,
      tier: d.tier,
      unitCode: d.toUnitCode,
      provinceCode: d.provinceCode,
      districtCode: d.districtCode,
      communeCode: d.communeCode,
      legalVersion: d.legalVersion,
      filedAt: new Date(d.filedAt),
      communeAssessment: d.communeAssessment?.entries ?? null,
      labState: 'NOT_REQUIRED',
      labReference: null,
      status: 'AWAITING_SESSION',
      sessionId: null,
      forwardedFrom: null,
      lastDeferral: null,
      result: null,
      requiredOpinions: d.requiredOpinions ?? [],
    });
    await this.workflow.open(tx, e);
  }
}
