import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { RegistrationEvents, type Actor } from '@ocop/contracts';
import { findProductSet } from '@ocop/domain';
import type { Tx } from '@ocop/persistence';
import type { Dossier } from '../dossiers/dossier.entity';
import { DossierWorkflow } from '../dossiers/dossier.workflow';
import type { Product } from '../products/product.entity';
import { DossierOpinion, type OpinionRule } from './opinion.entity';
import { OpinionsRepository } from './opinions.repository';

const DAY_MS = 24 * 3600 * 1000;

/**
 * The province's opinion rules on a proposal: which agencies must give their written opinion on the product's group
 * before a council scores the dossier (read while the proposal is checked), and the requests themselves (written with
 * the proposal, each announced by `registration.opinion-requested.v1` so the agency's own service hears of it).
 */
@Injectable()
export class RequestOpinions {
  constructor(
    private readonly opinions: OpinionsRepository,
    private readonly workflow: DossierWorkflow,
  ) {}

  async rulesFor(tx: Tx, d: Dossier, product: Product | null): Promise<OpinionRule[]> {
    const group = product ? findProductSet(product.productSetCode)?.group : undefined;
    return group ? this.opinions.rulesFor(tx, d.provinceCode, group) : [];
  }

  /** One request per rule, due `dueDays` after the proposal; an agency already asked (a dossier proposed again) is not asked twice. */
  async request(tx: Tx, actor: Actor, d: Dossier, product: Product, rules: OpinionRule[], asOf: Date): Promise<void> {
    for (const rule of rules) {
      const o = Object.assign(new DossierOpinion(), {
        id: randomUUID(),
        dossierId: d.id,
        agencyCode: rule.agencyCode,
        required: true,
        status: 'REQUESTED',
        requestedAt: asOf,
        dueAt: new Date(asOf.getTime() + rule.dueDays * DAY_MS),
        remindedAt: null,
        escalatedAt: null,
        conclusion: null,
        text: null,
        reference: null,
        givenAt: null,
        givenBy: null,
        givenVia: null,
      } satisfies DossierOpinion);
      if (!(await this.opinions.insertIfAbsent(tx, o))) continue;
      await this.workflow.record(
        tx,
        actor,
        d,
        'OPINION_REQUEST',
        { agencyCode: o.agencyCode, dueAt: o.dueAt!.toISOString() },
        RegistrationEvents.opinionRequested,
        {
          opinionId: o.id,
          agencyCode: o.agencyCode,
          required: true,
          productGroup: rule.productGroup,
          productSetCode: product.productSetCode,
          productName: product.name,
          dueAt: o.dueAt!.toISOString(),
        },
      );
    }
  }
}
