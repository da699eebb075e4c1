import { Payload } from '@nestjs/microservices';
import {
  ClassIdQuery,
  CreateClassCommand,
  CreateCourseCommand,
  EnrolCommand,
  EnrolmentIdQuery,
  ListClassesQuery,
  ListCoursesQuery,
  ListEnrolmentsQuery,
  ListInvitationsQuery,
  RecordAttendanceCommand,
  TrainingSubjects as S,
  TrainingCodeQuery,
  TransitionClassCommand,
  CreateTrainingPlanCommand,
  TrainingProgressQuery,
  AttachMaterialCommand,
  MaterialIdQuery,
  ListCouncilWarningsQuery,
} from '@ocop/contracts';
import { Caller, Handles, RpcController, requireActor, type RpcContext } from '@ocop/messaging';
import { CreateCourseUseCase } from './courses/create-course.use-case';
import { AttachMaterialUseCase } from './courses/attach-material.use-case';
import { CreateClassUseCase } from './classes/create-class.use-case';
import { TransitionClassUseCase } from './classes/transition-class.use-case';
import { TrainingQueries } from './classes/training.queries';
import { EnrolUseCase } from './enrolments/enrol.use-case';
import { WithdrawEnrolmentUseCase } from './enrolments/withdraw-enrolment.use-case';
import { RecordAttendanceUseCase } from './enrolments/record-attendance.use-case';
import { CompletionCertificateQueries } from './completion/completion-certificate.queries';
import { CreateTrainingPlanUseCase } from './plans/create-training-plan.use-case';
import { TrainingProgressQueryHandler } from './plans/training-progress.query';

/** The bus edge of training: courses, classes and their life, enrolment, attendance, invitations. */
@RpcController()
export class TrainingHandler {
  constructor(
    private readonly createCourse: CreateCourseUseCase,
    private readonly createClass: CreateClassUseCase,
    private readonly transition: TransitionClassUseCase,
    private readonly enrol: EnrolUseCase,
    private readonly withdraw: WithdrawEnrolmentUseCase,
    private readonly attendance: RecordAttendanceUseCase,
    private readonly queries: TrainingQueries,
    private readonly completion: CompletionCertificateQueries,
    private readonly createPlan: CreateTrainingPlanUseCase,
    private readonly progress: TrainingProgressQueryHandler,
    private readonly attachMaterial: AttachMaterialUseCase,
  ) {}

  @Handles(S.courseCreate)
  courseCreate(@Payload() c: CreateCourseCommand, @Caller() call: RpcContext) {
    return this.createCourse.execute(requireActor(call), c, call.asOf);
  }

  @Handles(S.courseList)
  courseList(@Payload() q: ListCoursesQuery, @Caller() call: RpcContext) {
    return this.queries.courseList(requireActor(call), q);
  }

  @Handles(S.classCreate)
  classCreate(@Payload() c: CreateClassCommand, @Caller() call: RpcContext) {
    return this.createClass.execute(requireActor(call), c, call.asOf);
  }

  @Handles(S.classList)
  classList(@Payload() q: ListClassesQuery, @Caller() call: RpcContext) {
    return this.queries.classList(requireActor(call), q);
  }

  @Handles(S.classGet)
  classGet(@Payload() q: ClassIdQuery, @Caller() call: RpcContext) {
    return this.queries.classGet(requireActor(call), q.classId);
  }

  @Handles(S.classTransition)
  classTransition(@Payload() c: TransitionClassCommand, @Caller() call: RpcContext) {
    return this.transition.execute(requireActor(call), c, call.asOf);
  }

  @Handles(S.enrol)
  enrolment(@Payload() c: EnrolCommand, @Caller() call: RpcContext) {
    return this.enrol.execute(requireActor(call), c, call.asOf);
  }

  @Handles(S.enrolmentList)
  enrolmentList(@Payload() q: ListEnrolmentsQuery, @Caller() call: RpcContext) {
    return this.queries.enrolmentList(requireActor(call), q);
  }

  @Handles(S.enrolmentWithdraw)
  enrolmentWithdraw(@Payload() q: EnrolmentIdQuery, @Caller() call: RpcContext) {
    return this.withdraw.execute(requireActor(call), q.enrolmentId, call.asOf);
  }

  @Handles(S.attendanceRecord)
  attendanceRecord(@Payload() c: RecordAttendanceCommand, @Caller() call: RpcContext) {
    return this.attendance.execute(requireActor(call), c, call.asOf);
  }

  @Handles(S.invitationList)
  invitationList(@Payload() q: ListInvitationsQuery, @Caller() call: RpcContext) {
    return this.queries.invitationList(requireActor(call), q);
  }

  @Handles(S.certificatePdf)
  certificatePdf(@Payload() q: EnrolmentIdQuery, @Caller() call: RpcContext) {
    return this.completion.pdf(requireActor(call), q.enrolmentId);
  }

  @Handles(S.publicVerify)
  verify(@Payload() q: TrainingCodeQuery) {
    return this.completion.verify(q.code);
  }

  @Handles(S.planCreate)
  planCreate(@Payload() c: CreateTrainingPlanCommand, @Caller() call: RpcContext) {
    return this.createPlan.execute(requireActor(call), c, call.asOf);
  }

  @Handles(S.planProgress)
  planProgress(@Payload() q: TrainingProgressQuery, @Caller() call: RpcContext) {
    return this.progress.execute(requireActor(call), q, call.asOf);
  }

  @Handles(S.materialAttach)
  materialAttach(@Payload() c: AttachMaterialCommand, @Caller() call: RpcContext) {
    return this.attachMaterial.execute(requireActor(call), c, call.asOf);
  }

  @Handles(S.materialGet)
  material(@Payload() q: MaterialIdQuery, @Caller() call: RpcContext) {
    return this.queries.materialFile(requireActor(call), q.courseId, q.materialId);
  }

  @Handles(S.councilWarnings)
  councilWarnings(@Payload() q: ListCouncilWarningsQuery, @Caller() call: RpcContext) {
    return this.queries.councilWarnings(requireActor(call), q);
  }
}
