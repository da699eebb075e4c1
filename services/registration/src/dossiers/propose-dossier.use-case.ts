import { Injectable } from '@nestjs/common';
import { AppError, RegistrationEvents, ScoringSubjects, type Actor, type ProposeDossierCommand } from '@ocop/contracts';
import { DossierAction, proposalTargetTierAt, tierModelFor, vietnamDay, Tier, type LegalVersionCode } from '@ocop/domain';
import { RpcClient } from '@ocop/messaging';
import { readScopeOf } from '@ocop/auth';
import { DossierWorkflow } from './dossier.workflow';
import { DossiersRepository } from './dossiers.repository';
import { RoundsRepository } from '../rounds/rounds.repository';
import { ProductsRepository } from '../products/products.repository';
import { ProducersRepository } from '../producers/producers.repository';
import type { Dossier } from './dossier.entity';
import { RequestOpinions } from '../opinions/request-opinions';
import type { OpinionRule } from '../opinions/opinion.entity';

/**
 * Proposes the dossier to the tier its legal version names: the district (148; the province from 01/07/2025) or the province (148+1489). Under 148+1489 the
 * commune's assessment of its four criteria comes with it, checked against the criteria catalogue by the scoring service.
 */
@Injectable()
export class ProposeDossierUseCase {
  constructor(
    private readonly workflow: DossierWorkflow,
    private readonly dossiers: DossiersRepository,
    private readonly rounds: RoundsRepository,
    private readonly products: ProductsRepository,
    private readonly producers: ProducersRepository,
    private readonly rpc: RpcClient,
    private readonly opinions: RequestOpinions,
  ) {}

  async execute(actor: Actor, cmd: ProposeDossierCommand, asOf: Date): Promise<Dossier> {
    const filed = await this.dossiers.get(readScopeOf(actor), cmd.dossierId);
    if (!filed) throw AppError.notFound('DOSSIER_NOT_FOUND', 'no such dossier');
    const product = await this.products.find(filed.productId);
    const producer = await this.producers.get(readScopeOf(actor), filed.producerId);
    if (filed.legalVersion && product) {
      const version = filed.legalVersion as LegalVersionCode;
      if (tierModelFor(version).communeAssessment) {
        if (!cmd.communeAssessment) {
          throw AppError.validation(
            'COMMUNE_ASSESSMENT_REQUIRED',
            `under ${version} the commune assesses its criteria and sends the assessment with the proposal`,
            'communeAssessment',
          );
        }
        await this.rpc.request(
          ScoringSubjects.catalogueCheckCommuneAssessment,
          {
            legalVersion: version,
            productSetCode: product.productSetCode,
            entries: cmd.communeAssessment.entries,
          },
          { actor },
        );
      } else if (cmd.communeAssessment) {
        throw AppError.validation(
          'COMMUNE_ASSESSMENT_NOT_APPLICABLE',
          `communes do not assess criteria under legal version ${version}`,
          'communeAssessment',
        );
      }
    }
    let opinionRules: OpinionRule[] = [];
    return this.workflow.transition(actor, cmd.dossierId, {
      action: DossierAction.PROPOSE,
      event: RegistrationEvents.dossierProposed,
      apply: async (d, tx) => {
        // The version's first tier, but never a district from 01/07/2025 (the 2025 calendar: the province takes its place).
        const tier = proposalTargetTierAt(d.legalVersion as LegalVersionCode, asOf);
        const toUnitCode = tier === Tier.DISTRICT ? d.districtCode : d.provinceCode;
        if (!toUnitCode) {
          throw AppError.rule(
            'DOSSIER_NO_DISTRICT',
            `the dossier was filed under ${d.legalVersion}, which proposes to a district, but its commune has none`,
          );
        }
        let roundId: string | null = null;
        if (cmd.roundId) {
          const round = await this.rounds.findOfProvince(d.provinceCode, cmd.roundId, tx);
          if (!round) throw AppError.validation('ROUND_UNKNOWN', 'no such evaluation round in this province', 'roundId');
          const day = vietnamDay(asOf);
          if (day < round.opensOn || day > round.closesOn)
            throw AppError.rule('ROUND_NOT_OPEN', `round ${round.name} is not open on ${day}`, 'roundId');
          roundId = round.id;
        } else {
          // The province's round open at the as-of date, whichever tier the dossier goes to (a district council scores within it too).
          roundId = (await this.rounds.openOn(d.provinceCode, vietnamDay(asOf), tx))?.id ?? null;
        }
        // The agencies whose written opinion the province requires on this product group before scoring (none by default).
        opinionRules = await this.opinions.rulesFor(tx, d, product);
        d.proposedTier = tier;
        d.proposedToUnitCode = toUnitCode;
        d.roundId = roundId;
        d.proposalReference = cmd.proposalReference ?? null;
        d.communeAssessment = cmd.communeAssessment
          ? {
              reportReference: cmd.communeAssessment.reportReference ?? null,
              entries: cmd.communeAssessment.entries.map((x) => ({ criterionCode: x.criterionCode, optionCode: x.optionCode })),
            }
          : null;
        return {
          tier,
          toUnitCode,
          roundId,
          proposalReference: d.proposalReference,
          // An accepted dossier was filed: its legal version and filing time are set.
          legalVersion: d.legalVersion!,
          filedAt: d.filedAt!.toISOString(),
          kind: d.kind,
          districtCode: d.districtCode,
          productName: product?.name ?? '',
          productSetCode: product?.productSetCode ?? '',
          producerName: producer?.name ?? '',
          communeAssessment: d.communeAssessment,
          ...(opinionRules.length ? { requiredOpinions: opinionRules.map((r) => r.agencyCode) } : {}),
        };
      },
      after: async (d, tx) => {
        if (opinionRules.length && product) await this.opinions.request(tx, actor, d, product, opinionRules, asOf);
      },
    });
  }
}
