import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as contracts from './index';
import {
  AgencyEvents,
  CertificationEvents,
  EVENT_PAYLOADS,
  InspectionEvents,
  RegistrationEvents,
  ScoringEvents,
  TradePromotionEvents,
  TrainingEvents,
  ProgrammeEvents,
  validateEventPayload,
  validatePayload,
  validationPolicyViolations,
  type EventPayload,
  type EventType,
} from './index';

/** Every versioned event type string written anywhere in the contracts' sources (`<context>.<event>.v<N>`). */
function typesDeclaredInSources(): string[] {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [join(dir, e.name)] : [],
    );
  const found = new Set<string>();
  for (const f of files(__dirname)) {
    for (const m of readFileSync(f, 'utf8').matchAll(/['"`]([a-z][a-z0-9-]*\.[a-z][a-z0-9-]*\.v\d+)['"`]/g)) found.add(m[1]!);
  }
  return [...found].sort();
}

// Samples as the producers build them (services/*: outbox.enqueue / enqueueMany), one per event type.
const id = (): string => randomUUID();
const at = '2026-11-24T01:00:00.000Z';
const dossier = {
  dossierId: id(),
  dossierCode: 'HS-38-2026-0001',
  productId: id(),
  producerId: id(),
  status: 'SUBMITTED',
  communeCode: '14801',
  provinceCode: '38',
};
const evaluation = {
  dossierId: dossier.dossierId,
  dossierCode: dossier.dossierCode,
  evaluationId: id(),
  productId: dossier.productId,
  producerId: dossier.producerId,
  tier: 'PROVINCE',
  unitCode: '38',
  provinceCode: '38',
};
const certificate = {
  certificateId: id(),
  number: '38-2026-0001/GCN-OCOP',
  code: 'QXJ4K7MN2P',
  dossierId: dossier.dossierId,
  productId: dossier.productId,
  producerId: dossier.producerId,
  provinceCode: '38',
  authorityUnitCode: '38',
};
const revocation = { ...certificate, revocationId: id(), source: 'INSPECTION', reasonCode: 'QUALITY_VIOLATION' };
const sample = {
  sampleId: id(),
  sampleCode: 'MAU-38-2026-0001',
  dossierId: dossier.dossierId,
  evaluationId: evaluation.evaluationId,
  inspectionTaskId: null,
  productId: dossier.productId,
  producerId: dossier.producerId,
  provinceCode: '38',
  labId: id(),
  labCode: 'LAB01',
};

const writtenConsultation = {
  sessionId: id(),
  reference: 'BB-38-2030-0004',
  councilId: id(),
  councilName: 'Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh',
  tier: 'PROVINCE',
  unitCode: '38',
  provinceCode: '38',
  sheetsDueAt: '2030-11-30T10:00:00.000Z',
  at,
};

const SAMPLES: { [T in EventType]: EventPayload<T> } = {
  [TradePromotionEvents.salesChannelChanged]: {
    channelId: randomUUID(),
    producerId: dossier.producerId,
    provinceCode: '38',
    districtCode: '395',
    kind: 'MODERN_RETAIL',
    status: 'CHECKED',
    since: '2024-03-01',
    endedOn: null,
    at: '2024-03-15T03:00:00.000Z',
  },
  [RegistrationEvents.complaintConfirmed]: {
    complaintId: id(),
    receiptCode: 'PA-7K2M9X4TQB',
    certificateId: id(),
    certificateCode: 'K7Q2M9X4TA',
    provinceCode: '38',
    description: 'Sản phẩm có nhãn 4 sao nhưng bao bì không có mã QR.',
    place: null,
    seenOn: '2026-03-14',
    confirmedAt: at,
  },
  [RegistrationEvents.productAttributesSet]: {
    productId: dossier.productId,
    producerId: dossier.producerId,
    provinceCode: '38',
    processingLevel: 'DEEP_PROCESSED',
    gift: true,
    export: false,
    communityTourism: false,
    greenValueChain: true,
    at: '2024-05-01T03:00:00.000Z',
  },
  [ProgrammeEvents.reportReminder]: {
    reminderId: randomUUID(),
    provinceCode: '38',
    unitCode: '395',
    unitName: 'Huyện Thọ Xuân',
    kind: 'DISTRICT_ANNUAL',
    year: 2024,
    dueBefore: '2024-12-01',
    recipient: 'UBND tỉnh Thanh Hóa',
    at: '2024-11-24T00:00:00.000Z',
  },
  [ProgrammeEvents.reportSubmitted]: {
    reportId: randomUUID(),
    provinceCode: '38',
    unitCode: '38',
    kind: 'PROVINCE_ANNUAL',
    year: 2024,
    from: '2024-01-01',
    to: '2024-12-31',
    issued3: 103,
    issued4: 13,
    issued5: 4,
    firstCertifications: 110,
    valid3: 300,
    valid4: 40,
    valid5: 6,
    revoked: 2,
    submittedAt: '2024-12-18T03:00:00.000Z',
  },
  [RegistrationEvents.producerRegistered]: {
    producerId: dossier.producerId,
    name: 'Hợp tác xã Nông nghiệp Xuân Lập',
    type: 'COOPERATIVE',
    communeCode: '14801',
    provinceCode: '38',
  },
  [RegistrationEvents.productRegistered]: {
    productId: dossier.productId,
    producerId: dossier.producerId,
    name: 'Chè Xuân Lập',
    productSetCode: '08',
  },
  [RegistrationEvents.dossierCreated]: { ...dossier, status: 'DRAFT', kind: 'NEW' },
  [RegistrationEvents.documentAttached]: {
    ...dossier,
    status: 'DRAFT',
    documentId: id(),
    documentType: 'REGISTRATION_FORM',
    fileName: 'phieu-dang-ky.pdf',
    sha256: 'a'.repeat(64),
  },
  [RegistrationEvents.dossierSubmitted]: { ...dossier, resubmission: false, legalVersion: '148+1489', filedAt: at },
  [RegistrationEvents.dossierReturned]: {
    ...dossier,
    status: 'RETURNED_FOR_COMPLETION',
    reasons: [{ documentType: 'QUALITY_DECLARATION', reason: 'Thiếu bản công bố chất lượng' }, { reason: 'Ảnh sản phẩm mờ' }],
  },
  [RegistrationEvents.dossierAccepted]: { ...dossier, status: 'ACCEPTED_BY_COMMUNE' },
  [RegistrationEvents.dossierProposed]: {
    ...dossier,
    status: 'PROPOSED',
    tier: 'PROVINCE',
    toUnitCode: '38',
    roundId: null,
    proposalReference: '12/TTr-UBND',
    legalVersion: '148+1489',
    filedAt: at,
    kind: 'NEW',
    districtCode: '380',
    productName: 'Chè Xuân Lập',
    productSetCode: '08',
    producerName: 'Hợp tác xã Nông nghiệp Xuân Lập',
    communeAssessment: { reportReference: null, entries: [{ criterionCode: 'A1', optionCode: 'A1.2' }] },
  },
  [RegistrationEvents.dossierWithdrawn]: { ...dossier, status: 'WITHDRAWN', reason: 'Chủ thể tạm dừng sản xuất' },
  [RegistrationEvents.dossierEvaluationStarted]: {
    ...dossier,
    status: 'UNDER_EVALUATION',
    causedBy: ScoringEvents.dossierScheduled,
    tier: 'PROVINCE',
    sessionId: id(),
    evaluationId: evaluation.evaluationId,
  },
  [RegistrationEvents.dossierForwarded]: {
    ...dossier,
    status: 'FORWARDED',
    causedBy: ScoringEvents.evaluationCompleted,
    tier: 'PROVINCE',
    sessionId: id(),
    evaluationId: null,
  },
  [RegistrationEvents.dossierNotCertified]: {
    ...dossier,
    status: 'NOT_CERTIFIED',
    causedBy: ScoringEvents.evaluationCompleted,
    tier: null,
    sessionId: null,
    evaluationId: null,
  },
  [RegistrationEvents.dossierCertified]: {
    ...dossier,
    status: 'CERTIFIED',
    causedBy: CertificationEvents.certificateIssued,
    certificateId: certificate.certificateId,
    certificateNumber: certificate.number,
    certificateCode: certificate.code,
    stars: 4,
    validFrom: '2026-11-24T00:00:00.000Z',
    validTo: '2029-11-24T00:00:00.000Z',
    evaluationId: evaluation.evaluationId,
  },
  [RegistrationEvents.reevaluationInvited]: {
    invitationId: id(),
    dossierId: dossier.dossierId,
    certificateId: certificate.certificateId,
    certificateNumber: certificate.number,
    productId: dossier.productId,
    producerId: dossier.producerId,
    validTo: '2029-11-24T00:00:00.000Z',
    noticeDays: 90,
    status: 'OPEN',
    reevaluationDossierId: null,
    communeCode: '14801',
    provinceCode: '38',
  },
  [RegistrationEvents.opinionRequested]: {
    ...dossier,
    status: 'PROPOSED',
    opinionId: id(),
    agencyCode: 'SYT',
    required: true,
    productGroup: 'FOOD',
    productSetCode: '01',
    productName: 'Giò lụa Thọ Xuân',
    dueAt: at,
  },
  [RegistrationEvents.opinionGiven]: {
    ...dossier,
    status: 'PROPOSED',
    opinionId: id(),
    agencyCode: 'SYT',
    required: true,
    conclusion: 'FAVOURABLE',
    text: 'Cơ sở đủ điều kiện an toàn thực phẩm.',
    reference: '125/SYT-ATTP',
    givenAt: at,
    via: 'NATS',
  },
  [RegistrationEvents.opinionReminded]: { ...dossier, status: 'PROPOSED', opinionId: id(), agencyCode: 'SYT', dueAt: at, at },
  [RegistrationEvents.opinionEscalated]: { ...dossier, status: 'PROPOSED', opinionId: id(), agencyCode: 'SYT', dueAt: at, at },
  [RegistrationEvents.guidanceRequested]: {
    ...dossier,
    status: 'DRAFT',
    threadId: id(),
    agencyCode: 'SKHCN',
    topic: 'TRACEABILITY',
    question: 'Sản phẩm cần mã truy xuất nguồn gốc theo tiêu chuẩn nào?',
    dueAt: at,
  },
  [RegistrationEvents.guidanceMessagePosted]: {
    ...dossier,
    status: 'DRAFT',
    threadId: id(),
    messageId: id(),
    agencyCode: 'SKHCN',
    topic: 'TRACEABILITY',
    side: 'AGENCY',
    via: 'NATS',
    text: 'Áp dụng TCVN 12850:2019.',
    at,
  },
  [RegistrationEvents.guidanceReminded]: {
    ...dossier,
    status: 'DRAFT',
    threadId: id(),
    agencyCode: 'SKHCN',
    topic: 'TRACEABILITY',
    dueAt: at,
    at,
  },
  [RegistrationEvents.guidanceEscalated]: {
    ...dossier,
    status: 'DRAFT',
    threadId: id(),
    agencyCode: 'SKHCN',
    topic: 'TRACEABILITY',
    dueAt: at,
    at,
  },
  [ScoringEvents.memberNominated]: {
    nominationId: id(),
    agencyCode: 'SYT',
    tier: 'PROVINCE',
    unitCode: '38',
    provinceCode: '38',
    userId: id(),
    fullName: 'Trần Thị Hạnh',
    role: 'MEMBER',
    status: 'PENDING',
    reason: null,
    councilId: null,
  },
  [ScoringEvents.nominationDecided]: {
    nominationId: id(),
    agencyCode: 'SYT',
    tier: 'PROVINCE',
    unitCode: '38',
    provinceCode: '38',
    userId: id(),
    fullName: 'Trần Thị Hạnh',
    role: 'MEMBER',
    status: 'ACCEPTED',
    reason: null,
    councilId: null,
  },
  [ScoringEvents.cataloguePublished]: {
    code: '148',
    revision: 2,
    legalVersions: ['148', '148+1489'],
    status: 'PROVISIONAL',
    checksum: 'b'.repeat(64),
    toComplete: 3,
  },
  [ScoringEvents.councilCreated]: {
    councilId: id(),
    name: 'Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Thanh Hóa năm 2026',
    tier: 'PROVINCE',
    unitCode: '38',
    provinceCode: '38',
    memberCount: 7,
  },
  [ScoringEvents.evaluationOpened]: { ...evaluation, legalVersion: '148+1489', forwardedFrom: null },
  [ScoringEvents.labResultRecorded]: { ...evaluation, labState: 'PASSED', reference: 'PKQ-2030-0153' },
  [ScoringEvents.dossierScheduled]: { ...evaluation, sessionId: id(), councilId: id() },
  [ScoringEvents.evaluationCompleted]: {
    ...evaluation,
    sessionId: id(),
    councilId: id(),
    legalVersion: '148+1489',
    catalogueCode: '148',
    catalogueRevision: 1,
    sheetCount: 5,
    sumHundredths: 37_500,
    mean: '75.00',
    band: 4,
    rank: 4,
    capReasons: [{ stars: 4, criterionCode: 'B2', labelVi: 'Chứng nhận chất lượng', required: '3.00', mean: '2.00' }],
    outcome: 'CERTIFY',
    stars: 4,
    certifyingTier: 'PROVINCE',
    authorityUnitCode: '38',
    nextTier: null,
    productName: 'Chè Xuân Lập',
    producerName: 'Hợp tác xã Nông nghiệp Xuân Lập',
    productSetCode: '08',
    dossierKind: 'NEW',
    completedAt: at,
    provisionalCriteria: false,
    withheldReason: null,
  },
  [ScoringEvents.evaluationDeferred]: { ...evaluation, sessionId: id(), reasons: ['QUORUM_NOT_MET', 'LAB_RESULTS_PENDING'] },
  [ScoringEvents.evaluationTransferred]: {
    ...evaluation,
    fromTier: 'DISTRICT',
    fromUnitCode: '380',
    legalVersion: '148',
    transferredAt: at,
    ruleVi: '',
    fromSessionId: null,
  },
  [ScoringEvents.sessionClosed]: { sessionId: id(), councilId: id(), reference: '05/BB-HĐ', completed: 3, deferred: 1, closedAt: at },
  [ScoringEvents.writtenConsultationReminder]: {
    ...writtenConsultation,
    memberId: id(),
    userId: id(),
    fullName: 'Lê Thị Hoa',
    dossierCodes: ['HS-380-2030-0007'],
    messageVi: 'Kính gửi Lê Thị Hoa: đề nghị gửi phiếu đánh giá hồ sơ HS-380-2030-0007 trước 30/11/2030 17:00 (giờ Việt Nam).',
  },
  [ScoringEvents.writtenConsultationEscalated]: {
    ...writtenConsultation,
    chairUserId: id(),
    secretaryUserId: null,
    missing: [{ memberId: id(), userId: id(), fullName: 'Lê Thị Hoa', dossierCodes: ['HS-380-2030-0007'] }],
    messageVi: 'Đã hết hạn gửi phiếu đánh giá; còn thiếu phiếu của Lê Thị Hoa (HS-380-2030-0007).',
  },
  [CertificationEvents.decisionIssued]: {
    decisionId: id(),
    kind: 'ISSUE',
    reference: '125/QĐ-UBND',
    authorityUnitCode: '38',
    provinceCode: '38',
    sessionId: id(),
    decidedAt: at,
  },
  [CertificationEvents.certificateIssued]: {
    ...certificate,
    evaluationId: evaluation.evaluationId,
    productName: 'Chè Xuân Lập',
    producerName: 'Hợp tác xã Nông nghiệp Xuân Lập',
    productSetCode: '08',
    stars: 4,
    tier: 'PROVINCE',
    decisionId: id(),
    decisionReference: '125/QĐ-UBND',
    validFrom: '2026-11-24T00:00:00.000Z',
    validTo: '2029-11-24T00:00:00.000Z',
    supersedes: null,
    issuedAt: at,
  },
  [CertificationEvents.certificateSuperseded]: { ...certificate, supersededBy: id(), supersededByNumber: '38-2029-0007/GCN-OCOP', at },
  [CertificationEvents.certificateExpiring]: {
    ...certificate,
    milestoneDays: 90,
    validTo: '2029-11-24T00:00:00.000Z',
    productName: 'Chè Xuân Lập',
    at,
  },
  [CertificationEvents.certificateExpired]: { ...certificate, validTo: '2029-11-24T00:00:00.000Z', at },
  [CertificationEvents.revocationRequested]: {
    ...revocation,
    source: 'EXPIRY',
    reasonCode: 'NOT_REEVALUATED',
    sourceReference: null,
    details: 'Không đánh giá lại khi hết hiệu lực',
    requestedAt: at,
  },
  [CertificationEvents.revocationRejected]: { ...revocation, source: 'OFFICE', note: 'Đã khắc phục', at },
  [CertificationEvents.certificateRevoked]: {
    ...revocation,
    source: 'INSPECTION',
    decisionId: id(),
    decisionReference: '45/QĐ-UBND',
    originalDecisionReference: '',
    revokedAt: at,
    returnDeadline: '2026-12-24T01:00:00.000Z',
  },
  [CertificationEvents.revocationReminderSent]: {
    ...revocation,
    source: 'INSPECTION',
    step: 'reminder',
    returnDeadline: '2026-12-24T01:00:00.000Z',
    at,
  },
  [CertificationEvents.revocationReturnConfirmed]: {
    ...revocation,
    source: 'INSPECTION',
    step: 'return-confirmed',
    returnDeadline: '2026-12-24T01:00:00.000Z',
    at,
  },
  [CertificationEvents.revocationEscalated]: {
    ...revocation,
    source: 'INSPECTION',
    step: 'escalation',
    returnDeadline: '2026-12-24T01:00:00.000Z',
    at,
  },
  [InspectionEvents.labRegistered]: {
    labId: id(),
    code: 'LAB01',
    name: 'Trung tâm Kiểm nghiệm Thanh Hóa',
    provinceCode: '38',
    indicators: ['E_COLI', 'LEAD'],
    turnaroundDays: 7,
  },
  [InspectionEvents.sampleRequested]: { ...sample, indicators: ['E_COLI'], dueAt: at },
  [InspectionEvents.sampleStepTaken]: { ...sample, step: 'COLLECT', stage: 'COLLECTED', at, by: 'office.38' },
  [InspectionEvents.sampleResultRecorded]: {
    ...sample,
    overall: 'PASS',
    reference: 'PKQ-2030-0153',
    indicators: [{ code: 'E_COLI', value: '< 10', unit: 'CFU/g', limit: '10', verdict: 'PASS' }],
    recordedVia: 'NATS',
    recordedAt: at,
  },
  [InspectionEvents.sampleReminderSent]: { ...sample, stage: 'REQUESTED', dueAt: at, at },
  [InspectionEvents.sampleEscalated]: {
    ...sample,
    dossierId: null,
    evaluationId: null,
    inspectionTaskId: id(),
    stage: 'COLLECTED',
    dueAt: at,
    at,
  },
  [InspectionEvents.campaignOpened]: {
    campaignId: id(),
    name: 'Hậu kiểm sản phẩm OCOP quý III/2031',
    provinceCode: '38',
    tasks: 10,
    pool: 120,
    rule: 'RANDOM',
  },
  [InspectionEvents.taskCompleted]: {
    taskId: id(),
    campaignId: id(),
    certificateId: certificate.certificateId,
    findings: [
      ['LABEL_STARS', 'COMPLIANT'],
      ['QUALITY_RECORDS', 'MAJOR'],
    ],
  },
  [InspectionEvents.taskCancelled]: {
    taskId: id(),
    campaignId: id(),
    certificateId: certificate.certificateId,
    reason: 'CERTIFICATE_REVOKED',
    at,
  },
  [InspectionEvents.violationRecorded]: {
    violationId: id(),
    taskId: id(),
    certificateId: certificate.certificateId,
    severity: 'MAJOR',
    itemCode: 'QUALITY_RECORDS',
  },
  [InspectionEvents.violationCorrected]: { violationId: id(), certificateId: certificate.certificateId, at },
  [InspectionEvents.revocationRequested]: {
    violationId: id(),
    taskId: id(),
    campaignId: id(),
    certificateId: certificate.certificateId,
    reasonCode: 'QUALITY_VIOLATION',
    details: 'Hồ sơ chất lượng: không có',
    severity: 'CRITICAL',
    requestedAt: at,
  },
  [TradePromotionEvents.eventScheduled]: {
    eventId: id(),
    provinceCode: '38',
    seriesId: null,
    kind: 'LIVESTREAM',
    title: 'Chợ Phiên OCOP trực tuyến (phiên 1/6)',
    startsAt: at,
    endsAt: at,
    capacity: 4,
  },
  [TradePromotionEvents.participantsSelected]: {
    eventId: id(),
    provinceCode: '38',
    seed: 'cho-phien-2031',
    selectedProducerIds: [dossier.producerId],
    waitlistedProducerIds: [],
    at,
  },
  [TradePromotionEvents.applicationWithdrawn]: {
    eventId: id(),
    provinceCode: '38',
    applicationId: id(),
    producerId: dossier.producerId,
    cause: 'CERTIFICATE_REVOKED',
    movedUpApplicationId: null,
    at,
  },
  [TradePromotionEvents.productWithdrawn]: {
    eventId: id(),
    provinceCode: '38',
    applicationId: id(),
    producerId: dossier.producerId,
    productId: dossier.productId,
    certificateId: certificate.certificateId,
    reason: 'CERTIFICATE_REVOKED',
    at,
  },
  [TradePromotionEvents.salesPointRegistered]: {
    salesPointId: id(),
    provinceCode: '38',
    level: 'DISTRICT',
    locationType: 'RETAIL_CENTRE',
    districtCode: '380',
    openedOn: '2031-06-01',
    upgraded: false,
  },
  [TradePromotionEvents.shelfProductWithdrawn]: {
    salesPointId: id(),
    provinceCode: '38',
    producerId: dossier.producerId,
    productId: dossier.productId,
    certificateId: certificate.certificateId,
    reason: 'CERTIFICATE_EXPIRED',
    at,
  },
  [TradePromotionEvents.catalogueChanged]: {
    certificateId: certificate.certificateId,
    productId: dossier.productId,
    provinceCode: '38',
    change: 'LISTED',
    at,
  },
  [TrainingEvents.classScheduled]: {
    classId: id(),
    courseId: id(),
    provinceCode: '38',
    districtCode: null,
    targetGroup: 'PRODUCERS_3STAR',
    startsOn: '2031-06-10',
    endsOn: '2031-06-12',
    capacity: 135,
  },
  [TrainingEvents.classStatusChanged]: { classId: id(), provinceCode: '38', status: 'OPEN', at },
  [TrainingEvents.enrolmentCompleted]: {
    enrolmentId: id(),
    classId: id(),
    provinceCode: '38',
    targetGroup: 'WORKERS',
    userId: null,
    producerId: dossier.producerId,
    outcome: 'COMPLETED',
    daysAttended: 2,
    at,
  },
  [TrainingEvents.producerInvited]: {
    invitationId: id(),
    producerId: dossier.producerId,
    classId: id(),
    provinceCode: '38',
    reason: 'CERTIFIED',
    at,
  },
  [AgencyEvents.marketSurveillanceReported]: {
    reportId: 'QLTT-2031-118',
    agencyCode: 'SCT',
    certificateCode: certificate.code,
    details: 'Sản phẩm bày bán ghi 5 sao trong khi giấy chứng nhận 3 sao',
    reportedAt: '2031-10-20T03:00:00.000Z',
  },
};

/** The object without one field. */
const without = <O extends object>(o: O, field: string): Record<string, unknown> =>
  Object.fromEntries(Object.entries(o).filter(([k]) => k !== field));

/** A required field of each class, removed to check that the class refuses the sample without it. */
const REQUIRED: { [T in EventType]?: keyof EventPayload<T> & string } = {
  [RegistrationEvents.producerRegistered]: 'producerId',
  [RegistrationEvents.productRegistered]: 'productId',
  [ScoringEvents.cataloguePublished]: 'revision',
  [ScoringEvents.councilCreated]: 'councilId',
  [ScoringEvents.sessionClosed]: 'sessionId',
  [ScoringEvents.writtenConsultationReminder]: 'memberId',
  [ScoringEvents.writtenConsultationEscalated]: 'missing',
  [CertificationEvents.decisionIssued]: 'decisionId',
  [InspectionEvents.labRegistered]: 'labId',
  [InspectionEvents.campaignOpened]: 'campaignId',
  [InspectionEvents.taskCompleted]: 'taskId',
  [InspectionEvents.taskCancelled]: 'taskId',
  [InspectionEvents.violationRecorded]: 'violationId',
  [InspectionEvents.violationCorrected]: 'violationId',
  [InspectionEvents.revocationRequested]: 'certificateId',
  [AgencyEvents.marketSurveillanceReported]: 'reportId',
  [TradePromotionEvents.eventScheduled]: 'eventId',
  [TradePromotionEvents.participantsSelected]: 'eventId',
  [TradePromotionEvents.applicationWithdrawn]: 'applicationId',
  [TradePromotionEvents.salesPointRegistered]: 'salesPointId',
  [TrainingEvents.classScheduled]: 'classId',
  [TrainingEvents.classStatusChanged]: 'classId',
  [TrainingEvents.enrolmentCompleted]: 'enrolmentId',
  [TrainingEvents.producerInvited]: 'invitationId',
  [ScoringEvents.memberNominated]: 'nominationId',
  [ScoringEvents.nominationDecided]: 'nominationId',
  [ProgrammeEvents.reportReminder]: 'reminderId',
  [TradePromotionEvents.salesChannelChanged]: 'channelId',
  [RegistrationEvents.productAttributesSet]: 'productId',
  [ProgrammeEvents.reportSubmitted]: 'reportId',
  [RegistrationEvents.complaintConfirmed]: 'complaintId',
};
const requiredOf = (type: EventType): string => {
  const s = SAMPLES[type] as unknown as Record<string, unknown>;
  return REQUIRED[type] ?? (['sampleId', 'certificateId', 'evaluationId', 'dossierId'].find((k) => typeof s[k] === 'string') as string);
};

const TYPES = Object.keys(EVENT_PAYLOADS).sort() as EventType[];

describe('the event registry', () => {
  it('has an entry for every event type the contracts declare, and none for a type they do not', () => {
    const declared = typesDeclaredInSources();
    const constants = [
      RegistrationEvents,
      ScoringEvents,
      CertificationEvents,
      InspectionEvents,
      TradePromotionEvents,
      TrainingEvents,
      AgencyEvents,
      ProgrammeEvents,
    ].flatMap((o) => Object.values(o));
    // Every exported `*Events` object of the contracts is one of the eight above.
    const exportedEventObjects = Object.keys(contracts).filter((k) => /Events$/.test(k) && k !== 'CERTIFICATE_STATUS_EVENTS');
    expect(exportedEventObjects.sort()).toEqual([
      'AgencyEvents',
      'CertificationEvents',
      'InspectionEvents',
      'ProgrammeEvents',
      'RegistrationEvents',
      'ScoringEvents',
      'TradePromotionEvents',
      'TrainingEvents',
    ]);
    expect(TYPES).toEqual(declared);
    expect(TYPES).toEqual([...constants].sort());
    expect(TYPES).toHaveLength(75);
  });

  it('holds its classes to the validation policy (bounded strings, numbers and lists, nested objects with their class, real instants)', () => {
    expect(validationPolicyViolations([...new Set(Object.values(EVENT_PAYLOADS))])).toEqual([]);
  });

  it.each(TYPES)('%s: accepts what its producer sends, with extra fields, and refuses it without a required field', (type) => {
    const good = SAMPLES[type] as unknown as Record<string, unknown>;
    const ok = validateEventPayload(type, good);
    expect(ok).toEqual({ ok: true, data: expect.any(EVENT_PAYLOADS[type]) });
    // A newer producer's extra field is allowed (consumers ignore it).
    expect(validateEventPayload(type, { ...good, addedInV1_1: { anything: [1, 2] } }).ok).toBe(true);

    const field = requiredOf(type);
    expect(field).toBeDefined();
    const missing = without(good, field);
    expect(validateEventPayload(type, missing)).toEqual({
      ok: false,
      field: `data.${field}`,
      message: expect.stringContaining(`data.${field}`),
    });
  });

  it('refuses wrong types and names the field by its path', () => {
    const proposed = SAMPLES[RegistrationEvents.dossierProposed];
    expect(validateEventPayload(RegistrationEvents.dossierProposed, { ...proposed, dossierId: 'HS-1' })).toEqual({
      ok: false,
      field: 'data.dossierId',
      message: 'data.dossierId must be a UUID',
    });
    expect(
      validateEventPayload(RegistrationEvents.dossierProposed, {
        ...proposed,
        communeAssessment: { reportReference: null, entries: [{ criterionCode: 'A1', optionCode: 2 }] },
      }),
    ).toMatchObject({
      ok: false,
      field: 'data.communeAssessment.entries.0.optionCode',
      message: expect.stringMatching(/^data\.communeAssessment\.entries\.0\.optionCode must be a string/),
    });
    const completed = SAMPLES[ScoringEvents.evaluationCompleted];
    expect(validateEventPayload(ScoringEvents.evaluationCompleted, { ...completed, stars: '4' })).toMatchObject({
      ok: false,
      field: 'data.stars',
    });
    expect(validateEventPayload(ScoringEvents.evaluationCompleted, { ...completed, outcome: 'MAYBE' })).toMatchObject({
      ok: false,
      field: 'data.outcome',
    });
    expect(validateEventPayload(ScoringEvents.evaluationCompleted, { ...completed, completedAt: '2026-11-24' })).toMatchObject({
      ok: false,
      field: 'data.completedAt',
    });
    // A nullable field is sent as null by its producer: null passes, a missing one does not.
    const noRound = without(proposed, 'roundId');
    expect(validateEventPayload(RegistrationEvents.dossierProposed, noRound)).toMatchObject({ ok: false, field: 'data.roundId' });
    expect(
      validateEventPayload(InspectionEvents.taskCompleted, { ...SAMPLES[InspectionEvents.taskCompleted], findings: [['ONLY_ONE']] }),
    ).toMatchObject({
      ok: false,
      field: 'data.findings',
    });
    const report = SAMPLES[AgencyEvents.marketSurveillanceReported];
    const neither = without(report, 'certificateCode');
    expect(validateEventPayload(AgencyEvents.marketSurveillanceReported, neither)).toMatchObject({
      ok: false,
      field: 'data.certificateCode',
    });
    expect(validateEventPayload(AgencyEvents.marketSurveillanceReported, { ...neither, certificateId: id() }).ok).toBe(true);
  });

  it('refuses data that is not an object, and a type it does not know', () => {
    for (const data of [null, [], 'x', 42]) {
      expect(validateEventPayload(ScoringEvents.sessionClosed, data)).toEqual({
        ok: false,
        field: 'data',
        message: 'data must be a JSON object',
      });
    }
    expect(validateEventPayload('scoring.session-closed.v9', SAMPLES[ScoringEvents.sessionClosed])).toMatchObject({
      ok: false,
      field: 'type',
    });
    expect(validatePayload(contracts.SessionClosedData, SAMPLES[ScoringEvents.sessionClosed]).ok).toBe(true);
  });
});
