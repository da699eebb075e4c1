/** Request/reply subjects answered by the registration service (queue group `registration`). */
export const RegistrationSubjects = {
  unitsList: 'registration.units.list',
  producerCreate: 'registration.producer.create',
  producerGet: 'registration.producer.get',
  producerList: 'registration.producer.list',
  productCreate: 'registration.product.create',
  productList: 'registration.product.list',
  productSetAttributes: 'registration.product.set-attributes',
  roundCreate: 'registration.round.create',
  roundList: 'registration.round.list',
  dossierCreate: 'registration.dossier.create',
  dossierGet: 'registration.dossier.get',
  dossierList: 'registration.dossier.list',
  dossierAttachDocument: 'registration.dossier.attach-document',
  dossierSubmit: 'registration.dossier.submit',
  dossierReturn: 'registration.dossier.return',
  dossierAccept: 'registration.dossier.accept',
  dossierPropose: 'registration.dossier.propose',
  dossierWithdraw: 'registration.dossier.withdraw',
  dossierTimeline: 'registration.dossier.timeline',
  reevaluationInvitationList: 'registration.reevaluation-invitation.list',
  opinionRuleList: 'registration.opinion-rule.list',
  opinionRuleSet: 'registration.opinion-rule.set',
  dossierGiveOpinion: 'registration.dossier.give-opinion',
  dossierOpinions: 'registration.dossier.opinions',
  dossierAskGuidance: 'registration.dossier.ask-guidance',
  dossierGuidance: 'registration.dossier.guidance',
  guidanceList: 'registration.guidance.list',
  guidanceReply: 'registration.guidance.reply',
  productIdeaFile: 'registration.product-idea.file',
  productIdeaGet: 'registration.product-idea.get',
  productIdeaList: 'registration.product-idea.list',
  productIdeaAssess: 'registration.product-idea.assess',
  productIdeaListSend: 'registration.product-idea-list.send',
  productIdeaPick: 'registration.product-idea.pick',
  productIdeaReject: 'registration.product-idea.reject',
  jobRun: 'registration.job.run',
  complaintSubmit: 'registration.complaint.submit',
  complaintAttachPhoto: 'registration.complaint.attach-photo',
  complaintPublicStatus: 'registration.complaint.public-status',
  complaintList: 'registration.complaint.list',
  complaintGet: 'registration.complaint.get',
  complaintPhoto: 'registration.complaint.photo',
  complaintTriage: 'registration.complaint.triage',
  consultantCreate: 'registration.consultant.create',
  consultantList: 'registration.consultant.list',
  consultantGet: 'registration.consultant.get',
  consultantGrant: 'registration.consultant-grant.create',
  consultantGrantRevoke: 'registration.consultant-grant.revoke',
  consultantGrantList: 'registration.consultant-grant.list',
  consultantGrantCheck: 'registration.consultant-grant.check',
} as const;

/** Domain events published by registration (JetStream, through its outbox). */
export const RegistrationEvents = {
  producerRegistered: 'registration.producer-registered.v1',
  productRegistered: 'registration.product-registered.v1',
  /** A product's priority categories (processing, gift, export, community tourism, green value chain) were set. */
  productAttributesSet: 'registration.product-attributes-set.v1',
  dossierCreated: 'registration.dossier-created.v1',
  documentAttached: 'registration.document-attached.v1',
  dossierSubmitted: 'registration.dossier-submitted.v1',
  dossierReturned: 'registration.dossier-returned.v1',
  dossierAccepted: 'registration.dossier-accepted.v1',
  dossierProposed: 'registration.dossier-proposed.v1',
  /** The producer or the commune withdrew the dossier before it was proposed (with a reason). */
  dossierWithdrawn: 'registration.dossier-withdrawn.v1',
  dossierEvaluationStarted: 'registration.dossier-evaluation-started.v1',
  dossierForwarded: 'registration.dossier-forwarded.v1',
  dossierNotCertified: 'registration.dossier-not-certified.v1',
  /** The certificate was issued (certification's certificate-issued): UNDER_EVALUATION → CERTIFIED. */
  dossierCertified: 'registration.dossier-certified.v1',
  /** The first expiry notice of a certificate opened a re-evaluation invitation (dossierId = the certified dossier). */
  reevaluationInvited: 'registration.reevaluation-invited.v1',
  /** The province's opinion rule asks an agency for its written opinion on a proposed dossier, by a due time. */
  opinionRequested: 'registration.opinion-requested.v1',
  /** An agency gave its written opinion on a dossier (its officer, or its own service): on the timeline, and scoring's gate. */
  opinionGiven: 'registration.opinion-given.v1',
  /** A required opinion is due soon: the agency is reminded, once. */
  opinionReminded: 'registration.opinion-reminded.v1',
  /** A required opinion is overdue: the standing office is told, once. */
  opinionEscalated: 'registration.opinion-escalated.v1',
  /** A producer or its commune asks an agency for guidance on a part of a dossier, to be answered by `dueAt`. */
  guidanceRequested: 'registration.guidance-requested.v1',
  /** A message in a guidance thread: the agency's answer, or the asker's follow-up. */
  guidanceMessagePosted: 'registration.guidance-message-posted.v1',
  /** A guidance question not answered is due soon: the agency is reminded, once. */
  guidanceReminded: 'registration.guidance-reminded.v1',
  /** A guidance question is still not answered at its due time: the standing office is told, once. */
  guidanceEscalated: 'registration.guidance-escalated.v1',
  /** The standing office confirmed a public complaint about a certified product: inspection opens an ad-hoc campaign. */
  complaintConfirmed: 'registration.complaint-confirmed.v1',
} as const;
