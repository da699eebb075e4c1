/** Request/reply subjects answered by the programme service (queue group `programme`). */
export const ProgrammeSubjects = {
  planCreate: 'programme.plan.create',
  planList: 'programme.plan.list',
  planGet: 'programme.plan.get',
  targetsAdd: 'programme.plan.add-targets',
  targetsImport: 'programme.plan.import-targets',
  progress: 'programme.plan.progress',
  planRollup: 'programme.plan.rollup',
  indicators: 'programme.indicators.get',
  taskCreate: 'programme.task.create',
  taskList: 'programme.task.list',
  taskUpdate: 'programme.task.update',
  taskAddEvidence: 'programme.task.add-evidence',
  policyCreate: 'programme.support-policy.create',
  policyList: 'programme.support-policy.list',
  policyGet: 'programme.support-policy.get',
  rewardList: 'programme.reward.list',
  rewardPay: 'programme.reward.pay',
  reportSettingsSet: 'programme.report-settings.set',
  reportSettingsGet: 'programme.report-settings.get',
  reportSubmit: 'programme.report.submit',
  reportList: 'programme.report.list',
  reportGet: 'programme.report.get',
  reportAcknowledge: 'programme.report.acknowledge',
  reportXlsx: 'programme.report.xlsx',
  reportPdf: 'programme.report.pdf',
  villageCreate: 'programme.craft-village.create',
  villageList: 'programme.craft-village.list',
  villageSetProducts: 'programme.craft-village.set-products',
  nationalExport: 'programme.national-export.get',
  /** national-hub mode: the annual figures and forwarded dossiers the provinces shared. */
  nationalFigures: 'programme.national.figures',
  nationalForwarded: 'programme.national.forwarded',
  applicationSubmit: 'programme.support-application.submit',
  applicationList: 'programme.support-application.list',
  applicationDecide: 'programme.support-application.decide',
  applicationPay: 'programme.support-application.pay',
  settlementRecord: 'programme.settlement.record',
  funding: 'programme.funding.get',
  budgetNormsSet: 'programme.budget-norms.set',
  budgetEstimate: 'programme.budget-estimate.get',
  /** Admin: run a programme job now (`report-reminders`), optionally as of an instant. */
  jobRun: 'programme.job.run',
} as const;

/** Domain events published by the programme (JetStream, through its outbox). */
export const ProgrammeEvents = {
  /** A unit that has not submitted its annual report is reminded, once, before the day it is due. */
  reportReminder: 'programme.report-reminder.v1',
  /** A report was submitted, its figures frozen (the national hub takes the province's annual figures from it). */
  reportSubmitted: 'programme.report-submitted.v1',
} as const;
