export { DomainRuleError } from './domain-rule.error';
export {
  DossierAction,
  DossierKind,
  DossierStatus,
  allowedDossierActions,
  isTerminalDossierStatus,
  nextDossierStatus,
} from './dossier-status';
export {
  MAX_POINTS_HUNDREDTHS,
  formatPoints,
  grantsCertificate,
  parsePoints,
  starBand,
  starBandOfMean,
  starBorderHundredths,
} from './points';
export { gapToNextStar } from './star-gap';
export type { CriterionGap, StarGap } from './star-gap';
export type { StarRating } from './points';
export {
  DISTRICT_AUTHORITIES_CEASED_ON,
  LEGAL_VERSIONS,
  Tier,
  cycleYear,
  legalVersionAt,
  proposalTargetTier,
  proposalTargetTierAt,
} from './legal-version';
export {
  vietnamClock,
  vietnamDay,
  vietnamYear,
  vietnamDayStart,
  vietnamYearSpan,
  vietnamCalendarDate,
  addVietnamMonths,
} from './vietnam-calendar';
export type { VietnamClock } from './vietnam-calendar';
export {
  MINISTRY_MERGED_ON,
  UNIT_TYPE_VI,
  UnitType,
  formalUnitName,
  ministryAt,
  normalizeUnitName,
  parseUnitName,
  peoplesCommitteeAt,
} from './authority-names';
export type { MinistryName, NamedUnit, PeoplesCommitteeName } from './authority-names';
export type { LegalVersion, LegalVersionCode } from './legal-version';
export { CERTIFICATE_VALIDITY_MONTHS, addMonthsClamped, certificateValidTo } from './validity';
export { UnitLevel, assertUnitCode, isValidUnitCode } from './administrative-unit';
export { PRODUCER_TYPE_LABELS_VI, ProducerType, assertBusinessRegistrationNumber, isValidBusinessRegistrationNumber } from './producer';
export { PRODUCT_GROUPS, PRODUCT_SETS, findProductSet, isProductSetCode } from './product-catalogue';
export type { ProductGroup, ProductGroupCode, ProductSet } from './product-catalogue';
export { DOSSIER_DOCUMENT_TYPES, isDossierDocumentType, missingRequiredDocuments } from './dossier-documents';
export type { DossierDocumentType } from './dossier-documents';
export {
  CatalogueInvalidError,
  catalogueCompletion,
  catalogueToDocument,
  criteriaOf,
  parseCatalogue,
  treeForProductSet,
} from './criteria-catalogue';
export type {
  CatalogueCriterion,
  CatalogueCriterionDocument,
  CatalogueDocument,
  CatalogueGroup,
  CatalogueGroupDocument,
  CatalogueIssue,
  CatalogueOption,
  CatalogueOptionDocument,
  CataloguePart,
  CataloguePartDocument,
  CataloguePointsValue,
  CatalogueStatus,
  CriteriaCatalogue,
  CriteriaTree,
  CriteriaTreeDocument,
  MandatoryRequirement,
  MandatoryRequirementDocument,
} from './criteria-catalogue';
export { communeScoredCriteria, evaluateDossier, meanText, scoreSheet, spreadOf, validateCommuneAssessment } from './evaluation';
export type { CapReason, CommuneAssessmentEntry, DossierEvaluation, ScoredSheet, SheetEntry, SpreadCheck } from './evaluation';
export {
  DEFAULT_DISTRICT_TRANSITION,
  TIER_MODELS,
  actingTier,
  districtTierActs,
  tierModelInForce,
  productSetNeedsSamples,
  routeEvaluation,
  tierModelAt,
  tierModelFor,
} from './tier-model';
export type { DistrictTransition, RoutingDecision, RoutingOutcome, TierModel, TierStep } from './tier-model';
export {
  CertificateStatus,
  CERTIFICATE_STATUS_VI,
  EXPIRY_NOTICE_DAYS,
  liveCertificateStatus,
  dueExpiryNotices,
  isRevocable,
  REVOCATION_REASONS,
  REVOCATION_REASON_CODES,
} from './certificate';
export type { RevocationReasonCode } from './certificate';
export {
  SampleStage,
  SAMPLE_STATUSES,
  SAMPLE_STEPS,
  canTakeStep,
  isOpenStage,
  stageDueAt,
  overallVerdict,
  canonicalResult,
  defaultIndicators,
  LAB_INDICATORS,
} from './sample';
export type { SampleStatus, SampleStep, StageDeadlines, Verdict, IndicatorResult, LabIndicator } from './sample';
export { seededKey } from './seeded-order';
export { verificationCode } from './verification-code';
export { PROMOTION_EVENT_KIND_VI, SHOWCASE_CATEGORY_VI, SALES_POINT_LOCATION_VI } from './promotion-labels';
export { FAIRNESS_RULES, selectParticipants } from './promotion-selection';
export type { FairnessRule, SelectionCandidate, SelectionOutcome, SelectionReason } from './promotion-selection';
export { DEFAULT_RISK_WEIGHTS, INSPECTION_CHECKLIST, inScope, riskScore, shareOf, selectCertificates } from './inspection-selection';
export type { PoolCertificate, CampaignScope, RiskWeights, SelectionRule, Selected } from './inspection-selection';
