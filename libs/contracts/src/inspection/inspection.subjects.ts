/** Request/reply subjects answered by the inspection service (queue group `inspection`). */
export const InspectionSubjects = {
  labRegister: 'inspection.lab.register',
  labList: 'inspection.lab.list',
  labIssueCredential: 'inspection.lab.issue-credential',
  labRevokeCredential: 'inspection.lab.revoke-credential',
  sampleRequest: 'inspection.sample.request',
  sampleList: 'inspection.sample.list',
  sampleGet: 'inspection.sample.get',
  sampleCollect: 'inspection.sample.collect',
  sampleDispatch: 'inspection.sample.dispatch',
  sampleReceive: 'inspection.sample.receive',
  sampleCancel: 'inspection.sample.cancel',
  sampleRecordResult: 'inspection.sample.record-result',
  jobRun: 'inspection.job.run',
  campaignCreate: 'inspection.campaign.create',
  campaignList: 'inspection.campaign.list',
  campaignGet: 'inspection.campaign.get',
  campaignSelect: 'inspection.campaign.select',
  taskList: 'inspection.task.list',
  taskComplete: 'inspection.task.complete',
  taskAssign: 'inspection.task.assign',
  taskAttachEvidence: 'inspection.task.attach-evidence',
  violationList: 'inspection.violation.list',
  violationCorrect: 'inspection.violation.correct',
  coverage: 'inspection.coverage',
  recurrenceCreate: 'inspection.recurrence.create',
  recurrenceList: 'inspection.recurrence.list',
  recurrenceRun: 'inspection.recurrence.run',
} as const;

/** A lab's own service sends results on `<prefix>.agency.<labCode>.sample-results` (request/reply) with its credential in this header. */
export const LAB_CREDENTIAL_HEADER = 'ocop-lab-credential';
export const labResultsSubject = (prefix: string, labCode: string): string => `${prefix}.agency.${labCode}.sample-results`;

/** Domain events published by inspection (JetStream, through its outbox). Sample events carry the dossier they serve, if any. */
export const InspectionEvents = {
  labRegistered: 'inspection.lab-registered.v1',
  sampleRequested: 'inspection.sample-requested.v1',
  sampleStepTaken: 'inspection.sample-step-taken.v1',
  sampleResultRecorded: 'inspection.sample-result-recorded.v1',
  sampleReminderSent: 'inspection.sample-reminder-sent.v1',
  sampleEscalated: 'inspection.sample-escalated.v1',
  campaignOpened: 'inspection.campaign-opened.v1',
  taskCompleted: 'inspection.task-completed.v1',
  taskCancelled: 'inspection.task-cancelled.v1',
  violationRecorded: 'inspection.violation-recorded.v1',
  violationCorrected: 'inspection.violation-corrected.v1',
  /** Consumed by certification: one per violation, whatever the retries (certification dedups on the violation id). */
  revocationRequested: 'inspection.revocation-requested.v1',
} as const;
