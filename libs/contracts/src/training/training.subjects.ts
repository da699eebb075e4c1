/** Request/reply subjects answered by the training service (queue group `training`). */
export const TrainingSubjects = {
  courseCreate: 'training.course.create',
  courseList: 'training.course.list',
  classCreate: 'training.class.create',
  classList: 'training.class.list',
  classGet: 'training.class.get',
  classTransition: 'training.class.transition',
  enrol: 'training.enrolment.create',
  enrolmentList: 'training.enrolment.list',
  enrolmentWithdraw: 'training.enrolment.withdraw',
  attendanceRecord: 'training.attendance.record',
  invitationList: 'training.invitation.list',
  materialAttach: 'training.course.attach-material',
  materialGet: 'training.course.material',
  councilWarnings: 'training.council-warning.list',
  planCreate: 'training.plan.create',
  planProgress: 'training.plan.progress',
  /** A completion certificate as a PDF (its person's readers and the class's organisers). */
  certificatePdf: 'training.enrolment.certificate-pdf',
  /** No login: a completion certificate by the code of its QR. */
  publicVerify: 'training.public.verify',
} as const;

/** Domain events published by training (JetStream, through its outbox). */
export const TrainingEvents = {
  classScheduled: 'training.class-scheduled.v1',
  classStatusChanged: 'training.class-status-changed.v1',
  /** One per person when a class completes: completed or not, with the days attended. */
  enrolmentCompleted: 'training.enrolment-completed.v1',
  producerInvited: 'training.producer-invited.v1',
} as const;
