import { InitialInspection1764300000000 } from './migrations/1764300000000-InitialInspection';

/** The inspection schema (lab testing now; campaigns next). Read and written with SQL. */
export const INSPECTION_DATABASE = {
  schema: 'inspection',
  entities: [],
  migrations: [InitialInspection1764300000000],
};
