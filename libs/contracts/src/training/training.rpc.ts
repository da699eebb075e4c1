import { Role } from '../actor';
import { PUBLIC_CALL, type RpcRegistry } from '../rpc';
import { TrainingSubjects as S } from './training.subjects';
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
  TrainingCodeQuery,
  TransitionClassCommand,
  CreateTrainingPlanCommand,
  TrainingProgressQuery,
  AttachMaterialCommand,
  MaterialIdQuery,
  ListCouncilWarningsQuery,
} from './training.dto';

/** Who organises training: the standing office (the province's classes) and district offices (their district's). */
export const TRAINING_ORGANISERS: readonly Role[] = [Role.PROVINCE_OFFICE, Role.DISTRICT_OFFICER, Role.ADMIN];
/** Who enrols: producers their staff, offices their officials, users themselves (the service checks which). */
const ENROLLERS = [
  Role.PRODUCER,
  Role.COMMUNE_OFFICER,
  Role.DISTRICT_OFFICER,
  Role.PROVINCE_OFFICE,
  Role.ADMIN,
  Role.COUNCIL_MEMBER,
  Role.INSPECTOR,
  Role.AGENCY_OFFICER,
];

export const TrainingRpc = {
  [S.courseCreate]: { request: CreateCourseCommand, roles: [Role.PROVINCE_OFFICE, Role.ADMIN] },
  [S.courseList]: { request: ListCoursesQuery, roles: ENROLLERS },
  [S.classCreate]: { request: CreateClassCommand, roles: TRAINING_ORGANISERS },
  [S.classList]: { request: ListClassesQuery, roles: ENROLLERS },
  [S.classGet]: { request: ClassIdQuery, roles: ENROLLERS },
  [S.classTransition]: { request: TransitionClassCommand, roles: TRAINING_ORGANISERS },
  [S.enrol]: { request: EnrolCommand, roles: ENROLLERS },
  [S.enrolmentList]: { request: ListEnrolmentsQuery, roles: ENROLLERS },
  [S.enrolmentWithdraw]: { request: EnrolmentIdQuery, roles: ENROLLERS },
  [S.attendanceRecord]: { request: RecordAttendanceCommand, roles: TRAINING_ORGANISERS },
  [S.invitationList]: {
    request: ListInvitationsQuery,
    roles: [Role.PRODUCER, Role.COMMUNE_OFFICER, Role.DISTRICT_OFFICER, Role.PROVINCE_OFFICE, Role.ADMIN],
  },
  [S.materialAttach]: { request: AttachMaterialCommand, roles: [Role.PROVINCE_OFFICE, Role.ADMIN] },
  [S.materialGet]: { request: MaterialIdQuery, roles: ENROLLERS },
  [S.councilWarnings]: { request: ListCouncilWarningsQuery, roles: TRAINING_ORGANISERS },
  [S.planCreate]: { request: CreateTrainingPlanCommand, roles: TRAINING_ORGANISERS },
  [S.planProgress]: { request: TrainingProgressQuery, roles: TRAINING_ORGANISERS },
  [S.certificatePdf]: { request: EnrolmentIdQuery, roles: ENROLLERS },
  [S.publicVerify]: { request: TrainingCodeQuery, roles: PUBLIC_CALL },
} satisfies RpcRegistry;
