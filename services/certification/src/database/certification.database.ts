import { InitialCertification1764200000000 } from './migrations/1764200000000-InitialCertification';
import { ProvisionalCriteria1764900000000 } from './migrations/1764900000000-ProvisionalCriteria';

/** The certification schema. Its tables are read and written with SQL (set-based sweeps over many certificates). */
export const CERTIFICATION_DATABASE = {
  schema: 'certification',
  entities: [],
  migrations: [InitialCertification1764200000000, ProvisionalCriteria1764900000000],
};
