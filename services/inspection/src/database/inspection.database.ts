import { InitialInspection1764300000000 } from './migrations/1764300000000-InitialInspection';
import { Campaigns1764400000000 } from './migrations/1764400000000-Campaigns';
import { Recurrences1764500000000 } from './migrations/1764500000000-Recurrences';
import { Lab } from '../labs/lab.entity';
import { LabCredential } from '../labs/lab-credential.entity';
import { Sample } from '../samples/sample.entity';
import { SampleCounter } from '../samples/sample-counter.entity';
import { SampleFollowUp } from '../samples/sample-follow-up.entity';
import { PooledCertificate } from '../certificate-pool/pooled-certificate.entity';
import { Campaign } from '../campaigns/campaign.entity';
import { CampaignRecurrence } from '../recurrences/campaign-recurrence.entity';
import { Task } from '../tasks/task.entity';
import { Finding } from '../tasks/finding.entity';
import { TaskEvidence } from '../tasks/task-evidence.entity';
import { Violation } from '../violations/violation.entity';

/** The inspection schema's tables, one entity each (they match the migrations: test/entities-match-migrations.medium-spec.ts). */
export const INSPECTION_ENTITIES = [
  Lab,
  LabCredential,
  Sample,
  SampleCounter,
  SampleFollowUp,
  PooledCertificate,
  Campaign,
  CampaignRecurrence,
  Task,
  Finding,
  TaskEvidence,
  Violation,
];

/** The inspection schema: lab testing, the certificate pool, campaigns, tasks, findings, violations. */
export const INSPECTION_DATABASE = {
  schema: 'inspection',
  entities: INSPECTION_ENTITIES,
  migrations: [InitialInspection1764300000000, Campaigns1764400000000, Recurrences1764500000000],
};
