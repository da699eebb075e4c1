/** Request/reply subjects answered by the certification service (queue group `certification`). */
export const CertificationSubjects = {
  certificateList: 'certification.certificate.list',
  certificateGet: 'certification.certificate.get',
  certificatePdf: 'certification.certificate.pdf',
  decisionList: 'certification.decision.list',
  decisionGet: 'certification.decision.get',
  decisionPdf: 'certification.decision.pdf',
  revocationRequest: 'certification.revocation.request',
  revocationList: 'certification.revocation.list',
  revocationGet: 'certification.revocation.get',
  revocationDecide: 'certification.revocation.decide',
  revocationReject: 'certification.revocation.reject',
  revocationConfirmReturn: 'certification.revocation.confirm-return',
  notificationList: 'certification.notification.list',
  jobRun: 'certification.job.run',
  /** Public (no login): the live record behind a verification code, the issuer keys, the revocation status list. */
  publicVerify: 'certification.public.verify',
  publicKeys: 'certification.public.keys',
  publicStatusList: 'certification.public.status-list',
} as const;

/** Domain events published by certification (JetStream, through its outbox). */
export const CertificationEvents = {
  decisionIssued: 'certification.decision-issued.v1',
  certificateIssued: 'certification.certificate-issued.v1',
  certificateSuperseded: 'certification.certificate-superseded.v1',
  certificateExpiring: 'certification.certificate-expiring.v1',
  certificateExpired: 'certification.certificate-expired.v1',
  revocationRequested: 'certification.revocation-requested.v1',
  revocationRejected: 'certification.revocation-rejected.v1',
  certificateRevoked: 'certification.certificate-revoked.v1',
  revocationReminderSent: 'certification.revocation-reminder-sent.v1',
  revocationReturnConfirmed: 'certification.revocation-return-confirmed.v1',
  revocationEscalated: 'certification.revocation-escalated.v1',
} as const;

/** Every event type that changes what the public verification of a certificate shows (caches drop the code on these). */
export const CERTIFICATE_STATUS_EVENTS: readonly string[] = [
  CertificationEvents.certificateIssued,
  CertificationEvents.certificateSuperseded,
  CertificationEvents.certificateExpiring,
  CertificationEvents.certificateExpired,
  CertificationEvents.certificateRevoked,
];
