/** Payloads of registration's domain events (version 1). Every dossier event carries dossierId. */
export interface DossierEventData {
  dossierId: string;
  dossierCode: string;
  productId: string;
  producerId: string;
  status: string;
  communeCode: string;
  provinceCode: string;
}
export interface DossierSubmittedData extends DossierEventData {
  resubmission: boolean;
  legalVersion: string;
  filedAt: string;
}
export interface DossierReturnedData extends DossierEventData {
  reasons: { documentType?: string; reason: string }[];
}
export interface DossierProposedData extends DossierEventData {
  tier: string;
  toUnitCode: string;
  roundId: string | null;
  proposalReference: string | null;
  legalVersion: string;
  filedAt: string;
  kind: string;
  districtCode: string | null;
  productName: string;
  productSetCode: string;
  producerName: string;
  communeAssessment: { reportReference: string | null; entries: { criterionCode: string; optionCode: string }[] } | null;
}
export interface DocumentAttachedData extends DossierEventData {
  documentId: string;
  documentType: string;
  fileName: string;
  sha256: string;
}
export interface ProducerRegisteredData {
  producerId: string;
  name: string;
  type: string;
  communeCode: string;
  provinceCode: string;
}
export interface ProductRegisteredData {
  productId: string;
  producerId: string;
  name: string;
  productSetCode: string;
}
/** `registration.dossier-certified.v1`: the dossier's certificate was issued. */
export interface DossierCertifiedData extends DossierEventData {
  causedBy: string;
  certificateId: string;
  certificateNumber: string;
  certificateCode: string | null;
  stars: number | null;
  validFrom: string | null;
  validTo: string | null;
  evaluationId: string | null;
}
/** `registration.reevaluation-invited.v1`: the producer is invited to file a RE_EVALUATION dossier before the certificate ends. */
export interface ReevaluationInvitedData {
  invitationId: string;
  dossierId: string;
  certificateId: string;
  certificateNumber: string;
  productId: string;
  producerId: string;
  validTo: string;
  noticeDays: number;
  status: string;
  reevaluationDossierId: string | null;
  communeCode: string;
  provinceCode: string;
}
