import { Injectable } from '@nestjs/common';
import { AppError, Role, type Actor, type TrainingProgressQuery, type TrainingProgressView } from '@ocop/contracts';
import { vietnamYear } from '@ocop/domain';
import { UserDirectory } from '@ocop/messaging';
import { organiserScope } from '../access/training-access.policy';
import { TARGET_GROUP_VI } from '../courses/course.view';
import { TrainingPlansRepository } from './training-plans.repository';

/** The platform's users a group's coverage is counted against: officials of the unit, council members of the province. */
const KNOWN_ROLES: Partial<Record<string, Role[]>> = {
  OFFICIALS: [Role.PROVINCE_OFFICE, Role.DISTRICT_OFFICER, Role.COMMUNE_OFFICER],
  COUNCIL: [Role.COUNCIL_MEMBER],
};

/**
 * A unit's year: per target group, classes held against planned, places offered and filled, people trained (distinct
 * persons who completed), over-capacity and under-filled classes, and — for officials and council members — coverage:
 * how many of the users the platform knows in the unit completed a class of the group this year.
 */
@Injectable()
export class TrainingProgressQueryHandler {
  constructor(
    private readonly plans: TrainingPlansRepository,
    private readonly users: UserDirectory,
  ) {}

  async execute(actor: Actor, q: TrainingProgressQuery, asOf: Date): Promise<TrainingProgressView> {
    const scope = organiserScope(actor);
    if (scope.districtCode && q.unitCode && q.unitCode !== scope.districtCode)
      throw AppError.forbidden('DISTRICT_OUT_OF_SCOPE', "a district office reads its own district's progress", 'unitCode');
    const districtCode = scope.districtCode ?? q.unitCode ?? null;
    const unitCode = districtCode ?? scope.provinceCode;
    const year = q.year ?? vietnamYear(asOf);
    const from = `${year}-01-01`;
    const to = `${year + 1}-01-01`;
    const [plans, figures, fills] = await Promise.all([
      this.plans.ofUnit(unitCode, year),
      this.plans.figures(scope.provinceCode, districtCode, from, to),
      this.plans.fills(scope.provinceCode, districtCode, from, to),
    ]);
    // Officials and council members are always counted: their coverage is of the unit's people, wherever they trained.
    const groups = [
      ...new Set([...plans.map((p) => p.targetGroup), ...figures.map((f) => f.targetGroup), ...Object.keys(KNOWN_ROLES)]),
    ].sort();
    return {
      year,
      unitCode,
      groups: await Promise.all(
        groups.map(async (g) => {
          const plan = plans.find((p) => p.targetGroup === g);
          const f = figures.find((x) => x.targetGroup === g);
          const roles = KNOWN_ROLES[g];
          let known: string[] | null = null;
          let knownTrained: number | null = null;
          if (roles) {
            known = (
              await this.users.inUnit(actor, { roles, provinceCode: scope.provinceCode, districtCode: districtCode ?? undefined })
            ).map((u) => u.id);
            knownTrained = await this.plans.trainedUsers(scope.provinceCode, g, known, from, to);
          }
          const fill = (x: (typeof fills)[number]) => ({
            classId: x.classId,
            title: x.title,
            capacity: x.capacity,
            enrolled: x.enrolled,
            waitlisted: x.waitlisted,
          });
          return {
            targetGroup: g,
            targetGroupVi: TARGET_GROUP_VI[g] ?? g,
            classesPlanned: plan?.classesPlanned ?? null,
            classesHeld: f?.classesHeld ?? 0,
            classesScheduled: f?.classesScheduled ?? 0,
            placesPlanned: plan?.placesPlanned ?? null,
            placesOffered: f?.placesOffered ?? 0,
            placesFilled: f?.placesFilled ?? 0,
            peopleTrained: f?.peopleTrained ?? 0,
            coverageTargetPercent: plan?.coverageTargetPercent ?? null,
            peopleKnown: known ? known.length : null,
            peopleKnownTrained: knownTrained,
            coveragePercent:
              known && known.length ? (Math.round((knownTrained! * 10_000) / known.length) / 100).toFixed(2) : known ? '0.00' : null,
            overCapacity: fills.filter((x) => x.targetGroup === g && x.waitlisted > 0).map(fill),
            underFilled: fills
              .filter((x) => x.targetGroup === g && ['RUNNING', 'COMPLETED'].includes(x.status) && x.enrolled * 2 < x.capacity)
              .map(fill),
          };
        }),
      ),
    };
  }
}
