import { ListNominationsQuery, NominateMemberCommand, NominationIdCommand, RejectNominationCommand } from './nomination.dto';
import { Role } from '../actor';
import { AssignExpertCommand, ListEvaluationPlansQuery, SetEvaluationPlanCommand } from './evaluation-plan.dto';
import { ALL_ROLES, type RpcRegistry } from '../rpc';
import { ScoringSubjects as S } from './scoring.subjects';
import { CheckCommuneAssessmentQuery, GetCatalogueQuery, PutCatalogueCommand } from './catalogue.dto';
import { CouncilIdQuery, CreateCouncilCommand, DeclareConflictCommand, ListCouncilsQuery } from './council.dto';
import {
  AddAgendaCommand,
  AttendanceCommand,
  CreateSessionCommand,
  EvaluationIdQuery,
  HandSamplesCommand,
  ReceiveSamplesCommand,
  ListEvaluationsQuery,
  ListSessionsQuery,
  RunScoringJobCommand,
  SessionIdQuery,
  SetLabResultCommand,
  SheetsQuery,
  SubmitSheetCommand,
} from './session.dto';

/** The offices that set councils up and run their sessions' paperwork. */
const OFFICES = [Role.PROVINCE_OFFICE, Role.DISTRICT_OFFICER, Role.ADMIN];
const COUNCIL_READERS = [...OFFICES, Role.COUNCIL_MEMBER, Role.AGENCY_OFFICER];
/** A consultant reads the evaluations of the producer it acts for (the gap to the next star, above all). */
const EVALUATION_READERS = [...COUNCIL_READERS, Role.PRODUCER, Role.CONSULTANT, Role.COMMUNE_OFFICER];
/** Sessions are organised by the offices and by the council's own members (the secretary). */
const ORGANISERS = [...OFFICES, Role.COUNCIL_MEMBER];

export const ScoringRpc = {
  [S.catalogueList]: { roles: ALL_ROLES },
  [S.catalogueGet]: { request: GetCatalogueQuery, roles: ALL_ROLES },
  [S.cataloguePut]: { request: PutCatalogueCommand, roles: [Role.ADMIN] },
  /** Asked by registration when the commune proposes a dossier with its assessment (its intake roles). */
  [S.catalogueCheckCommuneAssessment]: { request: CheckCommuneAssessmentQuery, roles: [Role.COMMUNE_OFFICER, Role.ADMIN] },
  [S.tierModels]: { roles: ALL_ROLES },
  [S.councilCreate]: { request: CreateCouncilCommand, roles: OFFICES },
  [S.councilList]: { request: ListCouncilsQuery, roles: COUNCIL_READERS },
  [S.councilGet]: { request: CouncilIdQuery, roles: COUNCIL_READERS },
  [S.councilDeclareConflict]: { request: DeclareConflictCommand, roles: OFFICES },
  [S.nominationCreate]: { request: NominateMemberCommand, roles: [Role.AGENCY_OFFICER] },
  [S.nominationList]: { request: ListNominationsQuery, roles: [...OFFICES, Role.AGENCY_OFFICER] },
  [S.nominationAccept]: { request: NominationIdCommand, roles: OFFICES },
  [S.nominationReject]: { request: RejectNominationCommand, roles: OFFICES },
  [S.evaluationList]: { request: ListEvaluationsQuery, roles: EVALUATION_READERS },
  [S.evaluationGet]: { request: EvaluationIdQuery, roles: EVALUATION_READERS },
  [S.evaluationGap]: { request: EvaluationIdQuery, roles: EVALUATION_READERS },
  [S.evaluationPlanSet]: { request: SetEvaluationPlanCommand, roles: [Role.DISTRICT_OFFICER] },
  [S.evaluationPlanList]: { request: ListEvaluationPlansQuery, roles: [...OFFICES, Role.AGENCY_OFFICER] },
  [S.evaluationPlanAssign]: { request: AssignExpertCommand, roles: [Role.AGENCY_OFFICER] },
  [S.samplesHand]: { request: HandSamplesCommand, roles: [Role.PROVINCE_OFFICE, Role.ADMIN] },
  [S.samplesList]: { request: EvaluationIdQuery, roles: COUNCIL_READERS },
  [S.samplesReceive]: { request: ReceiveSamplesCommand, roles: [Role.COUNCIL_MEMBER, Role.ADMIN] },
  [S.evaluationSetLabResult]: { request: SetLabResultCommand, roles: [Role.PROVINCE_OFFICE, Role.ADMIN] },
  [S.sessionCreate]: { request: CreateSessionCommand, roles: ORGANISERS },
  [S.sessionList]: { request: ListSessionsQuery, roles: COUNCIL_READERS },
  [S.sessionGet]: { request: SessionIdQuery, roles: COUNCIL_READERS },
  [S.sessionAddAgenda]: { request: AddAgendaCommand, roles: ORGANISERS },
  [S.sessionAttendance]: { request: AttendanceCommand, roles: ORGANISERS },
  [S.sessionSubmitSheet]: { request: SubmitSheetCommand, roles: [Role.COUNCIL_MEMBER] },
  [S.sessionSheets]: { request: SheetsQuery, roles: COUNCIL_READERS },
  [S.sessionSubmitAdvisory]: { request: SubmitSheetCommand, roles: [Role.COUNCIL_MEMBER] },
  [S.sessionAdvisorySheets]: { request: SheetsQuery, roles: COUNCIL_READERS },
  [S.sessionClose]: { request: SessionIdQuery, roles: [Role.COUNCIL_MEMBER] },
  [S.sessionMinutes]: { request: SessionIdQuery, roles: COUNCIL_READERS },
  [S.sessionMinutesPdf]: { request: SessionIdQuery, roles: COUNCIL_READERS },
  [S.jobRun]: { request: RunScoringJobCommand, roles: [Role.ADMIN] },
} satisfies RpcRegistry;
