import { Role } from '../actor';
import type { RpcRegistry } from '../rpc';
import { ProgrammeSubjects as S } from './programme.subjects';
import {
  AddTargetsCommand,
  CreatePlanCommand,
  CreatePlanTaskCommand,
  ImportTargetsCommand,
  ListPlansQuery,
  PlanIdQuery,
  PlanTaskEvidenceCommand,
  UpdatePlanTaskCommand,
} from './programme.dto';
import {
  ApplySupportCommand,
  DecideSupportCommand,
  FundingQuery,
  ListSupportApplicationsQuery,
  PaySupportCommand,
  RecordSettlementCommand,
  SetBudgetNormsCommand,
  CreateSupportPolicyCommand,
  ListRewardsQuery,
  ListSupportPoliciesQuery,
  PayRewardCommand,
  SupportPolicyIdQuery,
} from './support.dto';
import {
  AcknowledgeReportCommand,
  IndicatorsQuery,
  ListReportsQuery,
  ProvinceCodeQuery,
  ReportIdQuery,
  RunProgrammeJobCommand,
  SetReportSettingsCommand,
  SubmitReportBody,
} from './report.dto';
import { NationalExportCommand, NationalHubQuery } from './national-export.dto';
import { CreateCraftVillageCommand, ListCraftVillagesQuery, SetVillageProductsCommand } from './craft-village.dto';

/** Who keeps the province's plans: the standing office (and an admin). */
const PLANNERS = [Role.PROVINCE_OFFICE, Role.ADMIN];
/** Who reads plans and progress: the planners, and district offices (their district's targets). */
const PLAN_READERS = [...PLANNERS, Role.DISTRICT_OFFICER];
/** Who keeps a plan: the planners, and a district officer (its district's plan). */
const PLAN_KEEPERS = [...PLANNERS, Role.DISTRICT_OFFICER];
/** Who reads rewards: the readers of plans, and a producer (its own). */
const REWARD_READERS = [...PLAN_READERS, Role.PRODUCER];

export const ProgrammeRpc = {
  [S.planCreate]: { request: CreatePlanCommand, roles: PLAN_KEEPERS },
  [S.planList]: { request: ListPlansQuery, roles: PLAN_READERS },
  [S.planGet]: { request: PlanIdQuery, roles: PLAN_READERS },
  [S.targetsAdd]: { request: AddTargetsCommand, roles: PLAN_KEEPERS },
  [S.targetsImport]: { request: ImportTargetsCommand, roles: PLANNERS },
  [S.progress]: { request: PlanIdQuery, roles: PLAN_READERS },
  [S.planRollup]: { request: PlanIdQuery, roles: PLAN_READERS },
  [S.indicators]: { request: IndicatorsQuery, roles: PLAN_READERS },
  [S.taskCreate]: { request: CreatePlanTaskCommand, roles: PLAN_KEEPERS },
  [S.taskList]: { request: PlanIdQuery, roles: PLAN_READERS },
  [S.taskUpdate]: { request: UpdatePlanTaskCommand, roles: PLAN_KEEPERS },
  [S.taskAddEvidence]: { request: PlanTaskEvidenceCommand, roles: PLAN_KEEPERS },
  [S.policyCreate]: { request: CreateSupportPolicyCommand, roles: PLANNERS },
  [S.policyList]: { request: ListSupportPoliciesQuery, roles: REWARD_READERS },
  [S.policyGet]: { request: SupportPolicyIdQuery, roles: REWARD_READERS },
  [S.rewardList]: { request: ListRewardsQuery, roles: REWARD_READERS },
  [S.rewardPay]: { request: PayRewardCommand, roles: PLANNERS },
  [S.reportSettingsSet]: { request: SetReportSettingsCommand, roles: PLANNERS },
  [S.reportSettingsGet]: { request: ProvinceCodeQuery, roles: PLAN_READERS },
  [S.reportSubmit]: { request: SubmitReportBody, roles: PLAN_READERS },
  [S.reportList]: { request: ListReportsQuery, roles: PLAN_READERS },
  [S.reportGet]: { request: ReportIdQuery, roles: PLAN_READERS },
  [S.reportAcknowledge]: { request: AcknowledgeReportCommand, roles: PLANNERS },
  [S.reportXlsx]: { request: ReportIdQuery, roles: PLAN_READERS },
  [S.reportPdf]: { request: ReportIdQuery, roles: PLAN_READERS },
  [S.villageCreate]: { request: CreateCraftVillageCommand, roles: PLANNERS },
  [S.villageList]: { request: ListCraftVillagesQuery, roles: PLAN_READERS },
  [S.villageSetProducts]: { request: SetVillageProductsCommand, roles: PLANNERS },
  [S.nationalExport]: { request: NationalExportCommand, roles: PLANNERS },
  [S.applicationSubmit]: { request: ApplySupportCommand, roles: [Role.PRODUCER] },
  [S.applicationList]: { request: ListSupportApplicationsQuery, roles: REWARD_READERS },
  [S.applicationDecide]: { request: DecideSupportCommand, roles: PLANNERS },
  [S.applicationPay]: { request: PaySupportCommand, roles: PLANNERS },
  [S.settlementRecord]: { request: RecordSettlementCommand, roles: PLANNERS },
  [S.funding]: { request: FundingQuery, roles: PLANNERS },
  [S.budgetNormsSet]: { request: SetBudgetNormsCommand, roles: PLANNERS },
  [S.budgetEstimate]: { request: FundingQuery, roles: PLANNERS },
  [S.nationalFigures]: { request: NationalHubQuery, roles: [Role.ADMIN] },
  [S.nationalForwarded]: { request: NationalHubQuery, roles: [Role.ADMIN] },
  [S.jobRun]: { request: RunProgrammeJobCommand, roles: [Role.ADMIN] },
} satisfies RpcRegistry;
