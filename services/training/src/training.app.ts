import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { RpcClient, UserDirectory, type EventPublisher } from '@ocop/messaging';
import { createServiceApp } from '@ocop/service-kit';
import type { TrainingConfig } from './config/training.config';
import { TRAINING_DATABASE } from './database/training.database';
import { TRAINING_CONFIG } from './training.tokens';
import { CertificatesRepository } from './certificates/certificates.repository';
import { CertificatesConsumer } from './certificates/certificates.consumer';
import { EvaluationOutcomesConsumer } from './invitations/evaluation-outcomes.consumer';
import { CouncilsConsumer } from './councils/councils.consumer';
import { CouncilWarningsRepository } from './councils/council-warnings.repository';
import { InvitationWorkflow } from './invitations/invitation.workflow';
import { CoursesRepository } from './courses/courses.repository';
import { CreateCourseUseCase } from './courses/create-course.use-case';
import { AttachMaterialUseCase } from './courses/attach-material.use-case';
import { ClassesRepository } from './classes/classes.repository';
import { CreateClassUseCase } from './classes/create-class.use-case';
import { TransitionClassUseCase } from './classes/transition-class.use-case';
import { TrainingQueries } from './classes/training.queries';
import { EnrolmentsRepository } from './enrolments/enrolments.repository';
import { EnrolmentAccess } from './enrolments/enrolment-access.policy';
import { EnrolUseCase } from './enrolments/enrol.use-case';
import { WithdrawEnrolmentUseCase } from './enrolments/withdraw-enrolment.use-case';
import { RecordAttendanceUseCase } from './enrolments/record-attendance.use-case';
import { InvitationsRepository } from './invitations/invitations.repository';
import { TrainingHandler } from './training.handler';
import { CompletionCertificatesRepository } from './completion/completion-certificates.repository';
import { CompletionCertificateQueries } from './completion/completion-certificate.queries';
import { TrainingPlansRepository } from './plans/training-plans.repository';
import { CreateTrainingPlanUseCase } from './plans/create-training-plan.use-case';
import { TrainingProgressQueryHandler } from './plans/training-progress.query';

export interface TrainingAppOptions {
  publisher?: EventPublisher;
}

/** Builds the training process: courses, classes, enrolment, attendance, invitations, the certificate copy. */
export function createTrainingApp(config: TrainingConfig, o: TrainingAppOptions = {}): Promise<NestFastifyApplication> {
  return createServiceApp({
    name: 'training',
    database: TRAINING_DATABASE,
    config,
    publisher: o.publisher,
    providers: [
      { provide: TRAINING_CONFIG, useValue: config },
      { provide: UserDirectory, inject: [RpcClient], useFactory: (rpc: RpcClient) => new UserDirectory(rpc) },
      CertificatesRepository,
      CoursesRepository,
      CreateCourseUseCase,
      AttachMaterialUseCase,
      ClassesRepository,
      CreateClassUseCase,
      TransitionClassUseCase,
      TrainingQueries,
      EnrolmentsRepository,
      EnrolmentAccess,
      EnrolUseCase,
      WithdrawEnrolmentUseCase,
      RecordAttendanceUseCase,
      InvitationsRepository,
      InvitationWorkflow,
      CouncilWarningsRepository,
      CompletionCertificatesRepository,
      CompletionCertificateQueries,
      TrainingPlansRepository,
      CreateTrainingPlanUseCase,
      TrainingProgressQueryHandler,
    ],
    controllers: [CertificatesConsumer, EvaluationOutcomesConsumer, CouncilsConsumer, TrainingHandler],
  });
}
