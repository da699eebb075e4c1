import { InitialInspection1764300000000 } from './migrations/1764300000000-InitialInspection';
import { Campaigns1764400000000 } from './migrations/1764400000000-Campaigns';
import { Recurrences1764500000000 } from './migrations/1764500000000-Recurrences';

/** The inspection schema: lab testing, the certificate pool, campaigns, tasks, findings, violations. Read and written with SQL. */
export const INSPECTION_DATABASE = {
  schema: 'inspection',
  entities: [],
  migrations: [InitialInspection1764300000000, Campaigns1764400000000, Recurrences1764500000000],
};
