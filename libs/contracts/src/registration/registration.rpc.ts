import { Role } from '../actor';
import { ALL_ROLES, PUBLIC_CALL, type RpcRegistry } from '../rpc';
import { RegistrationSubjects as S } from './registration.subjects';
import { CreateProducerCommand, GetProducerQuery, ListProducersQuery } from './producer.dto';
import { CreateProductCommand, ListProductsQuery, SetProductAttributesCommand } from './product.dto';
import { CreateRoundCommand, ListRoundsQuery } from './round.dto';
import {
  AttachDocumentCommand,
  CreateDossierCommand,
  DossierIdCommand,
  ListDossiersQuery,
  ListUnitsQuery,
  ProposeDossierCommand,
  ReturnDossierCommand,
  WithdrawDossierCommand,
} from './dossier.dto';
import { AskGuidanceCommand, DossierGuidanceQuery, GuidanceMessageCommand, ListGuidanceQuery } from './guidance.dto';
import {
  DossierOpinionsQuery,
  GiveOpinionCommand,
  ListOpinionRulesQuery,
  RunRegistrationJobCommand,
  SetOpinionRuleCommand,
} from './opinion.dto';
import { ListReevaluationInvitationsQuery } from './reevaluation-invitation.dto';
import {
  AssessProductIdeaCommand,
  FileProductIdeaCommand,
  ListProductIdeasQuery,
  PickProductIdeaCommand,
  ProductIdeaIdQuery,
  RejectProductIdeaCommand,
  SendProductIdeaListCommand,
} from './idea.dto';
import {
  AttachComplaintPhotoCommand,
  ComplaintIdQuery,
  ComplaintReceiptQuery,
  ListComplaintsQuery,
  SubmitComplaintCommand,
  TriageComplaintCommand,
} from './complaint.dto';
import {
  CheckConsultantGrantQuery,
  ConsultantGrantIdCommand,
  ConsultantIdQuery,
  CreateConsultantCommand,
  GrantConsultantCommand,
  ListConsultantGrantsQuery,
  ListConsultantsQuery,
} from './consultant.dto';

/** Who reads producers, products and dossiers (each in their own scope). */
export const DOSSIER_READERS: readonly Role[] = [
  Role.PRODUCER,
  Role.CONSULTANT,
  Role.COMMUNE_OFFICER,
  Role.DISTRICT_OFFICER,
  Role.PROVINCE_OFFICE,
  Role.ADMIN,
  Role.COUNCIL_MEMBER,
  Role.AGENCY_OFFICER,
  Role.INSPECTOR,
];
const OFFICIALS = [Role.COMMUNE_OFFICER, Role.DISTRICT_OFFICER, Role.PROVINCE_OFFICE, Role.ADMIN, Role.COUNCIL_MEMBER];
/** Who fills in a dossier: its producer (or a consultant it granted access), or the commune on the producer's behalf. */
export const DOSSIER_EDITORS: readonly Role[] = [Role.PRODUCER, Role.CONSULTANT, Role.COMMUNE_OFFICER];
/** Who reads public complaints about the certified products of their unit; the standing office triages them. */
const COMPLAINT_READERS = [Role.DISTRICT_OFFICER, Role.PROVINCE_OFFICE, Role.ADMIN, Role.INSPECTOR];
/** Who does the commune's intake (check, return, accept, propose). */
export const INTAKE_ROLES: readonly Role[] = [Role.COMMUNE_OFFICER, Role.ADMIN];

/** Who files a product idea: its producer, or the commune or district of the producer on its behalf. */
export const IDEA_FILERS: readonly Role[] = [Role.PRODUCER, Role.COMMUNE_OFFICER, Role.DISTRICT_OFFICER];
/** Who reads product ideas (each in their own scope: a producer its own, an officer its unit's, the office its province's). */
export const IDEA_READERS: readonly Role[] = [...IDEA_FILERS, Role.PROVINCE_OFFICE, Role.ADMIN];

export const RegistrationRpc = {
  [S.unitsList]: { request: ListUnitsQuery, roles: ALL_ROLES },
  [S.producerCreate]: { request: CreateProducerCommand, roles: [Role.COMMUNE_OFFICER, Role.PROVINCE_OFFICE, Role.ADMIN] },
  [S.producerGet]: { request: GetProducerQuery, roles: DOSSIER_READERS },
  [S.producerList]: { request: ListProducersQuery, roles: DOSSIER_READERS },
  [S.productCreate]: {
    request: CreateProductCommand,
    roles: [Role.PRODUCER, Role.CONSULTANT, Role.COMMUNE_OFFICER, Role.PROVINCE_OFFICE, Role.ADMIN],
  },
  [S.productList]: { request: ListProductsQuery, roles: DOSSIER_READERS },
  [S.productSetAttributes]: {
    request: SetProductAttributesCommand,
    roles: [Role.PRODUCER, Role.COMMUNE_OFFICER, Role.DISTRICT_OFFICER, Role.PROVINCE_OFFICE, Role.ADMIN],
  },
  [S.roundCreate]: { request: CreateRoundCommand, roles: [Role.PROVINCE_OFFICE, Role.ADMIN] },
  [S.roundList]: { request: ListRoundsQuery, roles: [...OFFICIALS, Role.PRODUCER] },
  [S.dossierCreate]: { request: CreateDossierCommand, roles: DOSSIER_EDITORS },
  [S.dossierGet]: { request: DossierIdCommand, roles: DOSSIER_READERS },
  [S.dossierList]: { request: ListDossiersQuery, roles: DOSSIER_READERS },
  [S.dossierTimeline]: { request: DossierIdCommand, roles: DOSSIER_READERS },
  [S.dossierAttachDocument]: { request: AttachDocumentCommand, roles: DOSSIER_EDITORS },
  [S.dossierSubmit]: { request: DossierIdCommand, roles: DOSSIER_EDITORS },
  [S.dossierReturn]: { request: ReturnDossierCommand, roles: INTAKE_ROLES },
  [S.dossierAccept]: { request: DossierIdCommand, roles: INTAKE_ROLES },
  [S.dossierWithdraw]: { request: WithdrawDossierCommand, roles: [Role.PRODUCER, ...INTAKE_ROLES] },
  [S.dossierPropose]: { request: ProposeDossierCommand, roles: INTAKE_ROLES },
  [S.reevaluationInvitationList]: {
    request: ListReevaluationInvitationsQuery,
    roles: [Role.PRODUCER, Role.COMMUNE_OFFICER, Role.DISTRICT_OFFICER, Role.PROVINCE_OFFICE, Role.ADMIN],
  },
  [S.opinionRuleList]: { request: ListOpinionRulesQuery, roles: [...OFFICIALS, Role.AGENCY_OFFICER] },
  [S.opinionRuleSet]: { request: SetOpinionRuleCommand, roles: [Role.PROVINCE_OFFICE, Role.ADMIN] },
  [S.dossierGiveOpinion]: { request: GiveOpinionCommand, roles: [Role.AGENCY_OFFICER] },
  [S.dossierOpinions]: { request: DossierOpinionsQuery, roles: DOSSIER_READERS },
  [S.dossierAskGuidance]: { request: AskGuidanceCommand, roles: DOSSIER_EDITORS },
  [S.dossierGuidance]: { request: DossierGuidanceQuery, roles: DOSSIER_READERS },
  [S.guidanceList]: { request: ListGuidanceQuery, roles: [Role.AGENCY_OFFICER, Role.PROVINCE_OFFICE, Role.ADMIN] },
  [S.guidanceReply]: { request: GuidanceMessageCommand, roles: [...DOSSIER_EDITORS, Role.AGENCY_OFFICER] },
  [S.productIdeaFile]: { request: FileProductIdeaCommand, roles: IDEA_FILERS },
  [S.productIdeaGet]: { request: ProductIdeaIdQuery, roles: IDEA_READERS },
  [S.productIdeaList]: { request: ListProductIdeasQuery, roles: IDEA_READERS },
  [S.productIdeaAssess]: { request: AssessProductIdeaCommand, roles: [Role.DISTRICT_OFFICER] },
  [S.productIdeaListSend]: { request: SendProductIdeaListCommand, roles: [Role.DISTRICT_OFFICER] },
  [S.productIdeaPick]: { request: PickProductIdeaCommand, roles: [Role.PROVINCE_OFFICE] },
  [S.productIdeaReject]: { request: RejectProductIdeaCommand, roles: [Role.PROVINCE_OFFICE] },
  [S.jobRun]: { request: RunRegistrationJobCommand, roles: [Role.ADMIN] },
  [S.complaintSubmit]: { request: SubmitComplaintCommand, roles: PUBLIC_CALL },
  [S.complaintAttachPhoto]: { request: AttachComplaintPhotoCommand, roles: PUBLIC_CALL },
  [S.complaintPublicStatus]: { request: ComplaintReceiptQuery, roles: PUBLIC_CALL },
  [S.complaintList]: { request: ListComplaintsQuery, roles: COMPLAINT_READERS },
  [S.complaintGet]: { request: ComplaintIdQuery, roles: COMPLAINT_READERS },
  [S.complaintPhoto]: { request: ComplaintIdQuery, roles: COMPLAINT_READERS },
  [S.complaintTriage]: { request: TriageComplaintCommand, roles: [Role.PROVINCE_OFFICE] },
  [S.consultantCreate]: { request: CreateConsultantCommand, roles: [Role.PROVINCE_OFFICE] },
  [S.consultantList]: {
    request: ListConsultantsQuery,
    roles: [Role.PRODUCER, Role.COMMUNE_OFFICER, Role.DISTRICT_OFFICER, Role.PROVINCE_OFFICE, Role.ADMIN],
  },
  [S.consultantGet]: { request: ConsultantIdQuery, roles: [Role.PROVINCE_OFFICE, Role.ADMIN] },
  [S.consultantGrant]: { request: GrantConsultantCommand, roles: [Role.PRODUCER] },
  [S.consultantGrantRevoke]: { request: ConsultantGrantIdCommand, roles: [Role.PRODUCER] },
  [S.consultantGrantList]: {
    request: ListConsultantGrantsQuery,
    roles: [Role.PRODUCER, Role.CONSULTANT, Role.PROVINCE_OFFICE, Role.ADMIN],
  },
  [S.consultantGrantCheck]: { request: CheckConsultantGrantQuery, roles: [Role.CONSULTANT] },
} satisfies RpcRegistry;
