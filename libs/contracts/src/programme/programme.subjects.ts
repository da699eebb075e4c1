/** Request/reply subjects answered by the programme service (queue group `programme`). */
export const ProgrammeSubjects = {
  planCreate: 'programme.plan.create',
  planList: 'programme.plan.list',
  planGet: 'programme.plan.get',
  targetsAdd: 'programme.plan.add-targets',
  targetsImport: 'programme.plan.import-targets',
  progress: 'programme.plan.progress',
  taskCreate: 'programme.task.create',
  taskList: 'programme.task.list',
  taskUpdate: 'programme.task.update',
  taskAddEvidence: 'programme.task.add-evidence',
  policyCreate: 'programme.support-policy.create',
  policyList: 'programme.support-policy.list',
  policyGet: 'programme.support-policy.get',
  rewardList: 'programme.reward.list',
  rewardPay: 'programme.reward.pay',
} as const;
