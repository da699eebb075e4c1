import { Injectable } from '@nestjs/common';
import { AppError, type Actor, type OpinionRuleView, type OpinionView } from '@ocop/contracts';
import { readScopeOf, spansAllProvinces } from '@ocop/auth';
import { DossiersRepository } from '../dossiers/dossiers.repository';
import { OpinionsRepository } from './opinions.repository';
import { opinionView } from './opinion.view';
import type { OpinionRule } from './opinion.entity';

/** Rules grouped by product group, as the API shows them. */
export function ruleViews(rules: OpinionRule[]): OpinionRuleView[] {
  const groups = new Map<string, OpinionRuleView>();
  for (const r of rules) {
    const v = groups.get(r.productGroup) ?? { productGroup: r.productGroup, agencies: [] };
    v.agencies.push({ agencyCode: r.agencyCode, dueDays: r.dueDays });
    groups.set(r.productGroup, v);
  }
  return [...groups.values()];
}

@Injectable()
export class OpinionQueries {
  constructor(
    private readonly dossiers: DossiersRepository,
    private readonly opinions: OpinionsRepository,
  ) {}

  /** The dossier's opinions, for whoever may read the dossier (the council sees them beside the dossier). */
  async ofDossier(actor: Actor, dossierId: string): Promise<OpinionView[]> {
    const d = await this.dossiers.get(readScopeOf(actor), dossierId);
    if (!d) throw AppError.notFound('DOSSIER_NOT_FOUND', 'no such dossier');
    return (await this.opinions.ofDossier(d.id)).map((o) => opinionView(o, d));
  }

  /** The rules of the actor's province (a national admin names none: there is no province to read). */
  async rules(actor: Actor, productGroup?: string): Promise<OpinionRuleView[]> {
    if (spansAllProvinces(actor))
      throw AppError.rule('PROVINCE_REQUIRED', 'opinion rules are a province’s: sign in with a province account');
    return ruleViews(
      (await this.opinions.rulesOf(actor.scope.provinceCode)).filter((r) => !productGroup || r.productGroup === productGroup),
    );
  }
}
