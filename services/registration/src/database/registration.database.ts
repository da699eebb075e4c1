import { AdministrativeUnit } from '../units/administrative-unit.entity';
import { Producer } from '../producers/producer.entity';
import { Product } from '../products/product.entity';
import { EvaluationRound } from '../rounds/round.entity';
import { Dossier } from '../dossiers/dossier.entity';
import { DossierDocument } from '../dossiers/dossier-document.entity';
import { TimelineEntry } from '../dossiers/timeline-entry.entity';
import { ReevaluationInvitation } from '../reevaluation/reevaluation-invitation.entity';
import { DossierOpinion, OpinionRule } from '../opinions/opinion.entity';
import { GuidanceMessage, GuidanceThread } from '../guidance/guidance.entity';
import { ProductIdea } from '../ideas/product-idea.entity';
import { ProductIdeaList } from '../ideas/product-idea-list.entity';
import { ProductIdeas1765300000000 } from './migrations/1765300000000-ProductIdeas';
import { Complaint, IssuedCertificate } from '../complaints/complaint.entity';
import { Complaints1765400000000 } from './migrations/1765400000000-Complaints';
import { Consultant, ConsultantGrant } from '../consultants/consultant.entity';
import { Consultants1765600000000 } from './migrations/1765600000000-Consultants';
import { ProductAttributes1765200000000 } from './migrations/1765200000000-ProductAttributes';
import { GuidanceThreads1765100000000 } from './migrations/1765100000000-GuidanceThreads';
import { AgencyOpinions1765000000000 } from './migrations/1765000000000-AgencyOpinions';
import { InitialRegistration1763800000000 } from './migrations/1763800000000-InitialRegistration';
import { CommuneAssessment1764000000000 } from './migrations/1764000000000-CommuneAssessment';
import { ReevaluationInvitation1764100000000 } from './migrations/1764100000000-ReevaluationInvitation';

/** The registration schema: its entities and migration history (also used to build the test template). */
export const REGISTRATION_DATABASE = {
  schema: 'registration',
  entities: [
    AdministrativeUnit,
    Producer,
    Product,
    EvaluationRound,
    Dossier,
    DossierDocument,
    TimelineEntry,
    ReevaluationInvitation,
    OpinionRule,
    DossierOpinion,
    GuidanceThread,
    GuidanceMessage,
    ProductIdeaList,
    ProductIdea,
    IssuedCertificate,
    Complaint,
    Consultant,
    ConsultantGrant,
  ],
  migrations: [
    InitialRegistration1763800000000,
    CommuneAssessment1764000000000,
    ReevaluationInvitation1764100000000,
    AgencyOpinions1765000000000,
    GuidanceThreads1765100000000,
    ProductAttributes1765200000000,
    ProductIdeas1765300000000,
    Complaints1765400000000,
    Consultants1765600000000,
  ],
};
