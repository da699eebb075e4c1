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
export interface DossierSubmittedData extends DossierEventData { resubmission: boolean; legalVersion: string; filedAt: string }
export interface DossierReturnedData extends DossierEventData { reasons: { documentType?: string; reason: string }[] }
export interface DossierProposedData extends DossierEventData {
  tier: string; toUnitCode: string; roundId: string | null; proposalReference: string | null; legalVersion: string; filedAt: string; kind: string;
  districtCode: string | null; productName: string; productSetCode: string; producerName: string;
  communeAssessment: { reportReference: string | null; entries: { criterionCode: string; optionCode: string }[] } | null;
}
export interface DocumentAttachedData extends DossierEventData { documentId: string; documentType: string; fileName: string; sha256: string }
export interface ProducerRegisteredData { producerId: string; name: string; type: string; communeCode: string; provinceCode: string }
export interface ProductRegisteredData { productId: string; producerId: string; name: string; productSetCode: string }
