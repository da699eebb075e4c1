import { CatalogueRevision } from '../catalogue/catalogue-revision.entity';
import { Council, CouncilMember, MemberConflict } from '../councils/council.entity';
import { Evaluation } from '../evaluations/evaluation.entity';
import { ScoreSheet, Session, SessionItem } from '../sessions/session.entity';
import { InitialScoring1764000000000 } from './migrations/1764000000000-InitialScoring';

/** The scoring schema: its entities and migration history (also used to build the test template). */
export const SCORING_DATABASE = {
  schema: 'scoring',
  entities: [CatalogueRevision, Council, CouncilMember, MemberConflict, Evaluation, Session, SessionItem, ScoreSheet],
  migrations: [InitialScoring1764000000000],
};
