import type { EvaluationView } from '@ocop/contracts';
import type { Evaluation } from './evaluation.entity';

export function evaluationView(e: Evaluation): EvaluationView {
  return {
    id: e.id,
    dossierId: e.dossierId,
    dossierCode: e.dossierCode,
    dossierKind: e.dossierKind,
    productId: e.productId,
    productName: e.productName,
    productSetCode: e.productSetCode,
    producerId: e.producerId,
    producerName: e.producerName,
    tier: e.tier,
    unitCode: e.unitCode,
    provinceCode: e.provinceCode,
    districtCode: e.districtCode,
    legalVersion: e.legalVersion,
    status: e.status,
    labState: e.labState,
    labReference: e.labReference,
    requiredOpinions: e.requiredOpinions,
    communeAssessment: e.communeAssessment,
    sessionId: e.sessionId,
    forwardedFrom: e.forwardedFrom,
    result: e.result,
    lastDeferral: e.lastDeferral,
    createdAt: e.createdAt.toISOString(),
  };
}
