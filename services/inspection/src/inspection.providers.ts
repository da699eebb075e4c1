import { LabsRepository } from './labs/labs.repository';
import { LabCredentialSigner } from './labs/lab-credential.signer';
import { RegisterLabUseCase } from './labs/register-lab.use-case';
import { SeedDemoLabUseCase } from './labs/seed-demo-lab.use-case';
import { ListLabsQuery } from './labs/list-labs.query';
import { IssueLabCredentialUseCase } from './labs/issue-lab-credential.use-case';
import { RevokeLabCredentialUseCase } from './labs/revoke-lab-credential.use-case';
import { AuthenticateLabUseCase } from './labs/authenticate-lab.use-case';
import { SamplesRepository } from './samples/samples.repository';
import { RequestSampleUseCase } from './samples/request-sample.use-case';
import { TakeSampleStepUseCase } from './samples/take-sample-step.use-case';
import { CancelSampleUseCase } from './samples/cancel-sample.use-case';
import { RecordSampleResultUseCase } from './samples/record-sample-result.use-case';
import { SendSampleFollowUpsUseCase } from './samples/send-sample-follow-ups.use-case';
import { ListSamplesQuery } from './samples/list-samples.query';
import { GetSampleQuery } from './samples/get-sample.query';
import { ListOpenSampleTimersQuery } from './samples/list-open-sample-timers.query';
import { CertificatePoolRepository } from './certificate-pool/certificate-pool.repository';
import { AddToPoolUseCase } from './certificate-pool/add-to-pool.use-case';
import { ChangePoolStatusUseCase } from './certificate-pool/change-pool-status.use-case';
import { CampaignsRepository } from './campaigns/campaigns.repository';
import { CampaignSelectionWorkflow } from './campaigns/campaign-selection.workflow';
import { CreateCampaignUseCase } from './campaigns/create-campaign.use-case';
import { SelectCampaignUseCase } from './campaigns/select-campaign.use-case';
import { OpenAdHocCampaignUseCase } from './campaigns/open-ad-hoc-campaign.use-case';
import { GetCampaignQuery } from './campaigns/get-campaign.query';
import { ListCampaignsQuery } from './campaigns/list-campaigns.query';
import { RecurrencesRepository } from './recurrences/recurrences.repository';
import { CreateRecurrenceUseCase } from './recurrences/create-recurrence.use-case';
import { RunRecurrenceUseCase } from './recurrences/run-recurrence.use-case';
import { ListRecurrencesQuery } from './recurrences/list-recurrences.query';
import { ListActiveRecurrencesQuery } from './recurrences/list-active-recurrences.query';
import { TasksRepository } from './tasks/tasks.repository';
import { AttachEvidenceUseCase } from './tasks/attach-evidence.use-case';
import { AssignTaskUseCase } from './tasks/assign-task.use-case';
import { CompleteTaskUseCase } from './tasks/complete-task.use-case';
import { ListTasksQuery } from './tasks/list-tasks.query';
import { ViolationsRepository } from './violations/violations.repository';
import { ViolationWorkflow } from './violations/violation.workflow';
import { CorrectViolationUseCase } from './violations/correct-violation.use-case';
import { RequestOverdueRevocationsUseCase } from './violations/request-overdue-revocations.use-case';
import { ListViolationsQuery } from './violations/list-violations.query';
import { ReportCoverageQuery } from './coverage/report-coverage.query';

/** Inspection's repositories, use cases, queries and consumers, feature by feature (the edges are listed in inspection.app.ts). */
export const INSPECTION_PROVIDERS = [
  LabsRepository,
  LabCredentialSigner,
  RegisterLabUseCase,
  SeedDemoLabUseCase,
  ListLabsQuery,
  IssueLabCredentialUseCase,
  RevokeLabCredentialUseCase,
  AuthenticateLabUseCase,
  SamplesRepository,
  RequestSampleUseCase,
  TakeSampleStepUseCase,
  CancelSampleUseCase,
  RecordSampleResultUseCase,
  SendSampleFollowUpsUseCase,
  ListSamplesQuery,
  GetSampleQuery,
  ListOpenSampleTimersQuery,
  CertificatePoolRepository,
  AddToPoolUseCase,
  ChangePoolStatusUseCase,
  CampaignsRepository,
  CampaignSelectionWorkflow,
  CreateCampaignUseCase,
  SelectCampaignUseCase,
  OpenAdHocCampaignUseCase,
  GetCampaignQuery,
  ListCampaignsQuery,
  RecurrencesRepository,
  CreateRecurrenceUseCase,
  RunRecurrenceUseCase,
  ListRecurrencesQuery,
  ListActiveRecurrencesQuery,
  TasksRepository,
  AttachEvidenceUseCase,
  AssignTaskUseCase,
  CompleteTaskUseCase,
  ListTasksQuery,
  ViolationsRepository,
  ViolationWorkflow,
  CorrectViolationUseCase,
  RequestOverdueRevocationsUseCase,
  ListViolationsQuery,
  ReportCoverageQuery,
];
