/** Request/reply subjects answered by the scoring service (queue group `scoring`). */
export const ScoringSubjects = {
  catalogueList: 'scoring.catalogue.list',
  catalogueGet: 'scoring.catalogue.get',
  cataloguePut: 'scoring.catalogue.put',
  catalogueCheckCommuneAssessment: 'scoring.catalogue.check-commune-assessment',
  tierModels: 'scoring.tier-models',
  councilCreate: 'scoring.council.create',
  councilList: 'scoring.council.list',
  councilGet: 'scoring.council.get',
  councilDeclareConflict: 'scoring.council.declare-conflict',
  evaluationList: 'scoring.evaluation.list',
  evaluationGet: 'scoring.evaluation.get',
  evaluationGap: 'scoring.evaluation.gap',
  evaluationPlanSet: 'scoring.evaluation-plan.set',
  evaluationPlanList: 'scoring.evaluation-plan.list',
  evaluationPlanAssign: 'scoring.evaluation-plan.assign',
  samplesHand: 'scoring.ministry-sample.hand',
  samplesList: 'scoring.ministry-sample.list',
  samplesReceive: 'scoring.ministry-sample.receive',
  evaluationSetLabResult: 'scoring.evaluation.set-lab-result',
  sessionCreate: 'scoring.session.create',
  sessionList: 'scoring.session.list',
  sessionGet: 'scoring.session.get',
  sessionAddAgenda: 'scoring.session.add-agenda',
  sessionAttendance: 'scoring.session.attendance',
  sessionSubmitSheet: 'scoring.session.submit-sheet',
  sessionSheets: 'scoring.session.sheets',
  sessionSubmitAdvisory: 'scoring.session.submit-advisory-sheet',
  sessionAdvisorySheets: 'scoring.session.advisory-sheets',
  sessionClose: 'scoring.session.close',
  sessionMinutes: 'scoring.session.minutes',
  sessionMinutesPdf: 'scoring.session.minutes-pdf',
  /** Admin: run a scoring job now (`district-transfer`, `written-consultation-reminders`), optionally as of an instant. */
  jobRun: 'scoring.job.run',
  nominationCreate: 'scoring.nomination.create',
  nominationList: 'scoring.nomination.list',
  nominationAccept: 'scoring.nomination.accept',
  nominationReject: 'scoring.nomination.reject',
} as const;

/** Domain events published by scoring (JetStream, through its outbox). */
export const ScoringEvents = {
  cataloguePublished: 'scoring.catalogue-published.v1',
  councilCreated: 'scoring.council-created.v1',
  evaluationOpened: 'scoring.evaluation-opened.v1',
  labResultRecorded: 'scoring.lab-result-recorded.v1',
  dossierScheduled: 'scoring.dossier-scheduled.v1',
  evaluationCompleted: 'scoring.evaluation-completed.v1',
  evaluationDeferred: 'scoring.evaluation-deferred.v1',
  /** The 2025 calendar: a dossier waiting at a district moved to its province's waiting list (same evaluation, version and history). */
  evaluationTransferred: 'scoring.evaluation-transferred.v1',
  sessionClosed: 'scoring.session-closed.v1',
  /** An agency nominated one of its experts for a seat on a unit's council. */
  memberNominated: 'scoring.member-nominated.v1',
  /** The unit's office accepted or rejected a nomination, or seated the nominee on the council it set up. */
  nominationDecided: 'scoring.nomination-decided.v1',
  /** A scoring member of a written consultation is reminded, once, of the sheets they have not sent before the deadline. */
  writtenConsultationReminder: 'scoring.written-consultation-reminder.v1',
  /** The deadline of a written consultation passed with sheets missing: the chair and the organiser are told, once. */
  writtenConsultationEscalated: 'scoring.written-consultation-escalated.v1',
} as const;
