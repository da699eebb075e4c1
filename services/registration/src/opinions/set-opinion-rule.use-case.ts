import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, type Actor, type OpinionRuleView, type SetOpinionRuleCommand } from '@ocop/contracts';
import { spansAllProvinces } from '@ocop/auth';
import { writeAudit } from '@ocop/persistence';
import { currentContext } from '@ocop/observability';
import { OpinionRule } from './opinion.entity';
import { OpinionsRepository } from './opinions.repository';

/**
 * The standing office sets which agencies' opinions its province requires on a product group's dossiers (an empty list
 * switches the rule off). Dossiers proposed from then on are asked; those proposed before keep what they were asked.
 */
@Injectable()
export class SetOpinionRuleUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly opinions: OpinionsRepository,
  ) {}

  async execute(actor: Actor, c: SetOpinionRuleCommand, asOf: Date): Promise<OpinionRuleView> {
    if (spansAllProvinces(actor))
      throw AppError.rule('PROVINCE_REQUIRED', 'opinion rules are a province’s: sign in with a province account');
    const codes = c.agencies.map((a) => a.agencyCode);
    const twice = codes.find((code, i) => codes.indexOf(code) !== i);
    if (twice)
      throw AppError.validation(
        'OPINION_RULE_AGENCY_TWICE',
        `agency ${twice} is listed twice`,
        `agencies.${codes.lastIndexOf(twice)}.agencyCode`,
      );
    const provinceCode = actor.scope.provinceCode;
    const rules = c.agencies.map((a) =>
      Object.assign(new OpinionRule(), {
        provinceCode,
        productGroup: c.productGroup,
        agencyCode: a.agencyCode,
        dueDays: a.dueDays,
        updatedAt: asOf,
        updatedBy: actor.id,
      }),
    );
    await this.ds.transaction(async (tx) => {
      await this.opinions.replaceRules(tx, provinceCode, c.productGroup, rules);
      await writeAudit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        action: 'opinion-rule.set',
        entityType: 'opinion-rule',
        entityId: `${provinceCode}:${c.productGroup}`,
        details: { agencies: c.agencies.map((a) => ({ agencyCode: a.agencyCode, dueDays: a.dueDays })) },
        correlationId: currentContext()?.correlationId,
      });
    });
    return { productGroup: c.productGroup, agencies: c.agencies.map((a) => ({ agencyCode: a.agencyCode, dueDays: a.dueDays })) };
  }
}
