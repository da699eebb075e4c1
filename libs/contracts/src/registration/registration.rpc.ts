import { Role } from '../actor';
import { ALL_ROLES, type RpcRegistry } from '../rpc';
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

/** Who reads producers, products and dossiers (each in their own scope). */
export const DOSSIER_READERS: readonly Role[] = [
  Role.PRODUCER,
  Role.COMMUNE_OFFICER,
  Role.DISTRICT_OFFICER,
  Role.PROVINCE_OFFICE,
  Role.ADMIN,
  Role.COUNCIL_MEMBER,
  Role.AGENCY_OFFICER,
  Role.INSPECTOR,
];
const OFFICIALS = [Role.COMMUNE_OFFICER, Role.DISTRICT_OFFICER, Role.PROVINCE_OFFICE, Role.ADMIN, Role.COUNCIL_MEMBER];
/** Who fills in a dossier: its producer, or the commune on the producer's behalf. */
export const DOSSIER_EDITORS: readonly Role[] = [Role.PRODUCER, Role.COMMUNE_OFFICER];
/** Who does the commune's intake (check, return, accept, propose). */
export const INTAKE_ROLES: readonly Role[] = [Role.COMMUNE_OFFICER, Role.ADMIN];

export const RegistrationRpc = {
  [S.unitsList]: { request: ListUnitsQuery, roles: ALL_ROLES },
  [S.producerCreate]: { request: CreateProducerCommand, roles: [Role.COMMUNE_OFFICER, Role.PROVINCE_OFFICE, Role.ADMIN] },
  [S.producerGet]: { request: GetProducerQuery, roles: DOSSIER_READERS },
  [S.producerList]: { request: ListProducersQuery, roles: DOSSIER_READERS },
  [S.productCreate]: { request: CreateProductCommand, roles: [Role.PRODUCER, Role.COMMUNE_OFFICER, Role.PROVINCE_OFFICE, Role.ADMIN] },
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
  [S.jobRun]: { request: RunRegistrationJobCommand, roles: [Role.ADMIN] },
} satisfies RpcRegistry;
