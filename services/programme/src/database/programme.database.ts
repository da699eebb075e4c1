import { CertificateRecord } from '../certificates/certificate.entity';
import { Plan, PlanTarget } from '../plans/plan.entity';
import { InitialProgramme1798000000000 } from './migrations/1798000000000-InitialProgramme';
import { PlanTasks1798100000000 } from './migrations/1798100000000-PlanTasks';
import { PlanTask, PlanTaskEvidence } from '../tasks/plan-task.entity';
import { BudgetNorm, Reward, Settlement, SupportApplication, SupportPolicy } from '../support/support.entity';
import { SupportFunding1798500000000 } from './migrations/1798500000000-SupportFunding';
import { NationalHub1798600000000 } from './migrations/1798600000000-NationalHub';
import { ProductAttributes1798700000000 } from './migrations/1798700000000-ProductAttributes';
import { RetainedShare1798800000000 } from './migrations/1798800000000-RetainedShare';
import { SalesChannels1798900000000 } from './migrations/1798900000000-SalesChannels';
import { Indicators1799000000000 } from './migrations/1799000000000-Indicators';
import { CumulativeTargets1799100000000 } from './migrations/1799100000000-CumulativeTargets';
import { NationalCursor, NationalRecord } from '../national/national-record.entity';
import { SupportAndRewards1798200000000 } from './migrations/1798200000000-SupportAndRewards';
import { Reports1798300000000 } from './migrations/1798300000000-Reports';
import { Report, ReportReminder, ReportSetting } from '../reports/report.entity';
import { ChannelCopy, ClassCopy, Fact, InspectionFact, ProducerCopy, ProductCopy } from '../facts/fact.entity';
import { CraftVillage, CraftVillageProduct } from '../villages/craft-village.entity';
import { ReadModelsAndVillages1798400000000 } from './migrations/1798400000000-ReadModelsAndVillages';

/** The programme schema: its entities and migration history (also used to build the test template). */
export const PROGRAMME_DATABASE = {
  schema: 'programme',
  entities: [
    CertificateRecord,
    Plan,
    PlanTarget,
    PlanTask,
    PlanTaskEvidence,
    SupportPolicy,
    Reward,
    ReportSetting,
    Report,
    ReportReminder,
    ProducerCopy,
    ProductCopy,
    ClassCopy,
    ChannelCopy,
    Fact,
    InspectionFact,
    CraftVillage,
    CraftVillageProduct,
    SupportApplication,
    Settlement,
    BudgetNorm,
    NationalRecord,
    NationalCursor,
  ],
  migrations: [
    InitialProgramme1798000000000,
    PlanTasks1798100000000,
    SupportAndRewards1798200000000,
    Reports1798300000000,
    ReadModelsAndVillages1798400000000,
    SupportFunding1798500000000,
    NationalHub1798600000000,
    ProductAttributes1798700000000,
    RetainedShare1798800000000,
    SalesChannels1798900000000,
    Indicators1799000000000,
    CumulativeTargets1799100000000,
  ],
};
