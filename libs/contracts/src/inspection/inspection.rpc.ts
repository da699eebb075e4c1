import { Role } from '../actor';
import type { RpcRegistry } from '../rpc';
import { InspectionSubjects as S } from './inspection.subjects';
import {
  CancelSampleCommand,
  CollectSampleCommand,
  LabCredentialQuery,
  LabIdQuery,
  ListSamplesQuery,
  RecordResultCommand,
  RegisterLabCommand,
  RequestSampleCommand,
  RunInspectionJobCommand,
  SampleIdQuery,
} from './lab-testing.dto';
import {
  AssignTaskCommand,
  AttachEvidenceCommand,
  CampaignIdQuery,
  CompleteTaskCommand,
  CoverageQuery,
  CreateCampaignCommand,
  CreateRecurrenceCommand,
  ListTasksQuery,
  ListViolationsQuery,
  RunRecurrenceCommand,
  ViolationIdQuery,
} from './campaign.dto';

/** The province's office (or its admin) runs inspection. */
const OFFICE = [Role.PROVINCE_OFFICE, Role.ADMIN];
const STAFF = [...OFFICE, Role.INSPECTOR, Role.AGENCY_OFFICER];
const FIELD = [...OFFICE, Role.INSPECTOR];
const SAMPLE_READERS = [...OFFICE, Role.LAB, Role.PRODUCER, Role.INSPECTOR, Role.AGENCY_OFFICER, Role.COUNCIL_MEMBER];

export const InspectionRpc = {
  [S.labRegister]: { request: RegisterLabCommand, roles: OFFICE },
  [S.labList]: { roles: [...OFFICE, Role.LAB, Role.INSPECTOR, Role.AGENCY_OFFICER, Role.COUNCIL_MEMBER, Role.DISTRICT_OFFICER] },
  [S.labIssueCredential]: { request: LabIdQuery, roles: [Role.ADMIN] },
  [S.labRevokeCredential]: { request: LabCredentialQuery, roles: [Role.ADMIN] },
  [S.sampleRequest]: { request: RequestSampleCommand, roles: OFFICE },
  [S.sampleList]: { request: ListSamplesQuery, roles: SAMPLE_READERS },
  [S.sampleGet]: { request: SampleIdQuery, roles: SAMPLE_READERS },
  [S.sampleCollect]: { request: CollectSampleCommand, roles: OFFICE },
  [S.sampleDispatch]: { request: SampleIdQuery, roles: OFFICE },
  [S.sampleReceive]: { request: SampleIdQuery, roles: [...OFFICE, Role.LAB] },
  [S.sampleCancel]: { request: CancelSampleCommand, roles: OFFICE },
  [S.sampleRecordResult]: { request: RecordResultCommand, roles: [Role.LAB] },
  [S.jobRun]: { request: RunInspectionJobCommand, roles: [Role.ADMIN] },
  [S.campaignCreate]: { request: CreateCampaignCommand, roles: OFFICE },
  [S.campaignList]: { roles: STAFF },
  [S.campaignGet]: { request: CampaignIdQuery, roles: STAFF },
  [S.campaignSelect]: { request: CampaignIdQuery, roles: OFFICE },
  [S.taskList]: { request: ListTasksQuery, roles: STAFF },
  [S.taskAssign]: { request: AssignTaskCommand, roles: OFFICE },
  [S.taskAttachEvidence]: { request: AttachEvidenceCommand, roles: FIELD },
  [S.taskComplete]: { request: CompleteTaskCommand, roles: FIELD },
  [S.violationList]: { request: ListViolationsQuery, roles: STAFF },
  [S.violationCorrect]: { request: ViolationIdQuery, roles: FIELD },
  [S.coverage]: { request: CoverageQuery, roles: STAFF },
  [S.recurrenceCreate]: { request: CreateRecurrenceCommand, roles: OFFICE },
  [S.recurrenceList]: { roles: STAFF },
  [S.recurrenceRun]: { request: RunRecurrenceCommand, roles: [Role.ADMIN] },
} satisfies RpcRegistry;
