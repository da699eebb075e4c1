import * as domain from './index';

describe('@ocop/domain public face', () => {
  it('exposes every module through the alias', () => {
    const expected = [
      'DomainRuleError',
      'DossierAction',
      'DossierKind',
      'DossierStatus',
      'allowedDossierActions',
      'isTerminalDossierStatus',
      'nextDossierStatus',
      'MAX_POINTS_HUNDREDTHS',
      'formatPoints',
      'grantsCertificate',
      'parsePoints',
      'starBand',
      'starBandOfMean',
      'LEGAL_VERSIONS',
      'Tier',
      'cycleYear',
      'legalVersionAt',
      'proposalTargetTier',
      'vietnamDate',
      'CERTIFICATE_VALIDITY_MONTHS',
      'addMonthsClamped',
      'certificateValidTo',
      'CertificateStatus',
      'CERTIFICATE_STATUS_VI',
      'EXPIRY_NOTICE_DAYS',
      'liveCertificateStatus',
      'dueExpiryNotices',
      'isRevocable',
      'REVOCATION_REASONS',
      'REVOCATION_REASON_CODES',
      'SampleStage',
      'SAMPLE_STATUSES',
      'SAMPLE_STEPS',
      'canTakeStep',
      'isOpenStage',
      'stageDueAt',
      'overallVerdict',
      'canonicalResult',
      'defaultIndicators',
      'UnitLevel',
      'assertUnitCode',
      'isValidUnitCode',
      'PRODUCER_TYPE_LABELS_VI',
      'ProducerType',
      'assertBusinessRegistrationNumber',
      'isValidBusinessRegistrationNumber',
      'PRODUCT_GROUPS',
      'PRODUCT_SETS',
      'findProductSet',
      'isProductSetCode',
      'DOSSIER_DOCUMENT_TYPES',
      'isDossierDocumentType',
      'missingRequiredDocuments',
      'CatalogueInvalidError',
      'catalogueCompletion',
      'catalogueToDocument',
      'criteriaOf',
      'parseCatalogue',
      'treeForProductSet',
      'communeScoredCriteria',
      'evaluateDossier',
      'meanText',
      'scoreSheet',
      'spreadOf',
      'validateCommuneAssessment',
      'TIER_MODELS',
      'productSetNeedsSamples',
      'routeEvaluation',
      'tierModelAt',
      'tierModelFor',
    ];
    expect(Object.keys(domain).sort()).toEqual([...expected].sort());
    for (const name of expected) expect((domain as Record<string, unknown>)[name]).toBeDefined();
  });

  it('works end to end: a commune proposes a 69.99-point dossier filed after 1489 to the province, 3★', () => {
    const status = domain.nextDossierStatus(domain.DossierStatus.ACCEPTED_BY_COMMUNE, domain.DossierAction.PROPOSE);
    expect(status).toBe(domain.DossierStatus.PROPOSED);
    expect(domain.proposalTargetTier(domain.legalVersionAt(new Date('2025-09-01T00:00:00Z')))).toBe(domain.Tier.PROVINCE);
    expect(domain.starBand(domain.parsePoints('69.99'))).toBe(3);
  });
});
