import { CatalogueRevision } from '../catalogue/catalogue-revision.entity';
import { Council } from '../councils/council.entity';
import { CouncilMember } from '../councils/council-member.entity';
import { MemberConflict } from '../councils/member-conflict.entity';
import { Evaluation } from '../evaluations/evaluation.entity';
import { Session } from '../sessions/session.entity';
import { SessionItem } from '../sessions/session-item.entity';
import { ScoreSheet } from '../sessions/score-sheet.entity';
import { SessionReferenceCounter } from '../sessions/session-reference-counter.entity';
import { ReceivedOpinion } from '../evaluations/received-opinion.entity';
import { RequiredOpinions1765000000000 } from './migrations/1765000000000-RequiredOpinions';
import { CouncilNomination } from '../nominations/nomination.entity';
import { CouncilNominations1765100000000 } from './migrations/1765100000000-CouncilNominations';
import { InitialScoring1764000000000 } from './migrations/1764000000000-InitialScoring';
import { MinistrySamples1765200000000 } from './migrations/1765200000000-MinistrySamples';
import { MinistrySample } from '../evaluations/ministry-sample.entity';
import { AdvisorySheets1765300000000 } from './migrations/1765300000000-AdvisorySheets';
import { AdvisorySheet } from '../sessions/advisory-sheet.entity';
import { EvaluationPlans1765400000000 } from './migrations/1765400000000-EvaluationPlans';
import { DistrictEvaluationPlan, ExpertAssignment } from '../evaluation-plans/evaluation-plan.entity';
import { WrittenConsultation1765500000000 } from './migrations/1765500000000-WrittenConsultation';
import { WrittenConsultationReminder } from '../sessions/written-consultation-reminder.entity';

/** The scoring schema: its entities and migration history (also used to build the test template). */
export const SCORING_DATABASE = {
  schema: 'scoring',
  entities: [
    CatalogueRevision,
    Council,
    CouncilMember,
    MemberConflict,
    Evaluation,
    ReceivedOpinion,
    CouncilNomination,
    Session,
    SessionItem,
    ScoreSheet,
    SessionReferenceCounter,
    MinistrySample,
    AdvisorySheet,
    DistrictEvaluationPlan,
    ExpertAssignment,
    WrittenConsultationReminder,
  ],
  migrations: [
    InitialScoring1764000000000,
    RequiredOpinions1765000000000,
    CouncilNominations1765100000000,
    MinistrySamples1765200000000,
    AdvisorySheets1765300000000,
    EvaluationPlans1765400000000,
    WrittenConsultation1765500000000,
  ],
};
