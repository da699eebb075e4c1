import { InitialTraining1797300000000 } from './migrations/1797300000000-InitialTraining';
import { CompletionCertificates1797400000000 } from './migrations/1797400000000-CompletionCertificates';
import { TrainingPlans1797500000000 } from './migrations/1797500000000-TrainingPlans';
import { CourseMaterials1797600000000 } from './migrations/1797600000000-CourseMaterials';
import { CouncilWarnings1797700000000 } from './migrations/1797700000000-CouncilWarnings';
import { CertificateRecord } from '../certificates/certificate.entity';
import { Course } from '../courses/course.entity';
import { TrainingClass } from '../classes/training-class.entity';
import { Enrolment } from '../enrolments/enrolment.entity';
import { Attendance } from '../enrolments/attendance.entity';
import { Invitation } from '../invitations/invitation.entity';
import { CompletionCertificate } from '../completion/completion-certificate.entity';
import { CertificateCounter } from '../completion/certificate-counter.entity';
import { TrainingPlan } from '../plans/training-plan.entity';
import { CourseMaterial } from '../courses/course-material.entity';
import { CouncilWarning } from '../councils/council-warning.entity';

/** The training schema's tables, one entity each (they match the migrations: test/entities-match-migrations.medium-spec.ts). */
export const TRAINING_ENTITIES = [
  CertificateRecord,
  Course,
  TrainingClass,
  Enrolment,
  Attendance,
  Invitation,
  CompletionCertificate,
  CertificateCounter,
  TrainingPlan,
  CourseMaterial,
  CouncilWarning,
];

/** The training schema: courses, classes, enrolments, attendance, invitations, completion certificates, plans, the certificate copy. */
export const TRAINING_DATABASE = {
  schema: 'training',
  entities: TRAINING_ENTITIES,
  migrations: [
    InitialTraining1797300000000,
    CompletionCertificates1797400000000,
    TrainingPlans1797500000000,
    CourseMaterials1797600000000,
    CouncilWarnings1797700000000,
  ],
};
