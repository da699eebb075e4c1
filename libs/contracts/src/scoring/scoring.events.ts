/** Payloads of scoring's domain events (version 1). Every evaluation event carries dossierId. */
export interface EvaluationEventData {
  dossierId: string;
  dossierCode: string;
  evaluationId: string;
  productId: string;
  producerId: string;
  tier: string;
  unitCode: string;
  provinceCode: string;
}

export interface EvaluationOpenedData extends EvaluationEventData {
  legalVersion: string;
  forwardedFrom: string | null;
}
export interface DossierScheduledData extends EvaluationEventData {
  sessionId: string;
  councilId: string;
}

export interface CapReasonData {
  stars: number;
  criterionCode: string;
  labelVi: string;
  required: string;
  mean: string;
}

/** `scoring.evaluation-completed.v1`: a council finalised a dossier at one tier. Certification acts on outcome CERTIFY. */
export interface EvaluationCompletedData extends EvaluationEventData {
  sessionId: string;
  councilId: string;
  legalVersion: string;
  catalogueCode: string;
  catalogueRevision: number;
  sheetCount: number;
  /** Exact mean as a fraction of hundredths: sumHundredths / sheetCount. */
  sumHundredths: number;
  /** The mean floored to hundredths, e.g. "86.40" (display only; the band is decided exactly). */
  mean: string;
  band: number;
  rank: number;
  capReasons: CapReasonData[];
  outcome: 'CERTIFY' | 'FORWARD' | 'NO_CERTIFICATE';
  stars: number;
  /** The tier whose authority certifies `stars` (may be lower than `tier` when a forwarded dossier scored lower). */
  certifyingTier: string | null;
  /** Administrative unit of that authority: district code, province code, or "VN" for the ministry. */
  authorityUnitCode: string | null;
  nextTier: string | null;
  productName: string;
  producerName: string;
  productSetCode: string;
  dossierKind: string;
  completedAt: string;
  /** Scored against a PROVISIONAL catalogue revision (148's points not completed by an operator). */
  provisionalCriteria?: boolean;
  /** Set when a certificate was withheld: PROVISIONAL_CRITERIA (outcome NO_CERTIFICATE, `stars` is what the scores gave). */
  withheldReason?: 'PROVISIONAL_CRITERIA' | null;
}

export interface EvaluationDeferredData extends EvaluationEventData {
  sessionId: string;
  reasons: string[];
}
export interface EvaluationTransferredData extends EvaluationEventData {
  fromTier: string;
  fromUnitCode: string;
  legalVersion: string;
  transferredAt: string;
  ruleVi: string;
  /** Set when the dossier was taken off the agenda of a district session that was still open. */
  fromSessionId: string | null;
}
export interface SessionClosedData {
  sessionId: string;
  councilId: string;
  reference: string;
  completed: number;
  deferred: number;
  closedAt: string;
}
