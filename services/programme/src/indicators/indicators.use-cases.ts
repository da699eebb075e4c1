import { Injectable } from '@nestjs/common';
import { AppError, Role, type Actor, type IndicatorsQuery, type IndicatorsView } from '@ocop/contracts';
import { spansAllProvinces } from '@ocop/auth';
import { vietnamYear, vietnamYearSpan } from '@ocop/domain';
import { CertificatesRepository } from '../certificates/certificates.repository';
import { FactsRepository } from '../facts/facts.repository';
import { PlanUnits } from '../plans/plan-units';

/**
 * A unit's year at a glance (issue 17), live from the programme's read models of the other services' events, as of the
 * request (at the latest the year's end): certificates issued, valid and revoked; products per set and how many are
 * certified; evaluations completed, without a certificate and forwarded to the central council; inspections and their
 * violations; sales points opened, trade-promotion events planned; classes held and people trained.
 */
@Injectable()
export class IndicatorsUseCases {
  constructor(
    private readonly certificates: CertificatesRepository,
    private readonly facts: FactsRepository,
    private readonly units: PlanUnits,
  ) {}

  async indicators(actor: Actor, q: IndicatorsQuery, asOf: Date): Promise<IndicatorsView> {
    if (spansAllProvinces(actor))
      throw AppError.forbidden('SCOPE_FORBIDDEN', 'indicators are a province’s: use an account of the province');
    const provinceCode = actor.scope.provinceCode;
    const district = actor.role === Role.DISTRICT_OFFICER ? (actor.scope.districtCode ?? null) : (q.unitCode ?? null);
    if (actor.role === Role.DISTRICT_OFFICER && q.unitCode && q.unitCode !== district)
      throw AppError.forbidden('SCOPE_FORBIDDEN', 'a district officer sees its own district', 'unitCode');
    if (district && actor.role !== Role.DISTRICT_OFFICER) {
      const unit = await this.units.unit(actor, 'DISTRICT', district, 'unitCode');
      if (unit.provinceCode !== provinceCode)
        throw AppError.validation('UNIT_UNKNOWN', `no district ${district} in province ${provinceCode}`, 'unitCode');
    }
    const year = q.year ?? vietnamYear(asOf);
    const { from: t0, to: t1 } = vietnamYearSpan(year, asOf);
    const count = (kind: string, byDistrict = true) =>
      t1 <= t0 ? Promise.resolve(0) : this.facts.count(kind, provinceCode, byDistrict ? district : null, t0, t1);
    const c = await this.certificates.periodFigures(provinceCode, district, t0, t1);
    const stars = (r: Record<3 | 4 | 5, number>) => ({ stars3: r[3], stars4: r[4], stars5: r[5], total: r[3] + r[4] + r[5] });
    return {
      provinceCode,
      unitCode: district ?? provinceCode,
      year,
      asOf: asOf.toISOString(),
      certificates: { issued: stars(c.issued), firstCertifications: c.firstCertifications, valid: stars(c.valid), revoked: c.revoked },
      productsBySet: district ? null : await this.facts.productsBySet(provinceCode, t1),
      evaluations: district
        ? null
        : {
            completed: await count('EVALUATIONS_COMPLETED', false),
            notCertified: await count('EVALUATIONS_NOT_CERTIFIED', false),
            forwardedToMinistry: await count('FORWARDED_TO_MINISTRY', false),
          },
      inspections: {
        completed: t1 <= t0 ? 0 : await this.facts.countInspections('INSPECTION_COMPLETED', provinceCode, district, t0, t1),
        violations: t1 <= t0 ? 0 : await this.facts.countInspections('VIOLATION_RECORDED', provinceCode, district, t0, t1),
      },
      salesPointsOpened: await count('SALES_POINTS'),
      promotionEventsPlanned: district ? null : await count('EVENTS_PLANNED', false),
      classesHeld: await count('CLASSES_HELD'),
      peopleTrained: await count('PEOPLE_TRAINED'),
    };
  }
}
