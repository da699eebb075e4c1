import { Inject, Injectable, Logger } from '@nestjs/common';
import { AgencyClient, AgencyRequestError, type EventEnvelope, type GiveOpinionCommand, type OpinionRequestedData } from '@ocop/agency-sdk';
import { HEALTH_AGENCY_CONFIG } from '../../health-agency.tokens';
import type { HealthAgencyConfig } from '../../config/health-agency.config';

/** The product groups whose dossiers the Department of Health answers on food safety (an ATTP opinion). */
export const FOOD_SAFETY_GROUPS: readonly string[] = ['FOOD', 'BEVERAGES', 'HERBAL'];

/** The opinion's text: the checks a food-safety opinion rests on (Decree 15/2018/NĐ-CP), for the council. */
export const FOOD_SAFETY_OPINION_TEXT =
  'Sở Y tế đã đối chiếu hồ sơ: cơ sở sản xuất có Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm và bản tự công bố ' +
  'sản phẩm theo Nghị định 15/2018/NĐ-CP; thống nhất đề nghị Hội đồng đánh giá, phân hạng sản phẩm.';

/** The opinion's reference: stable per dossier, so a redelivered request is answered with the opinion already given. */
export const foodSafetyOpinionReference = (agencyCode: string, dossierCode: string): string => `${agencyCode}-ATTP-${dossierCode}`;

export type FoodSafetyDecision = { answer: true; command: GiveOpinionCommand } | { answer: false; reason: string };

/** Whether the request is this agency's to answer on food safety, and with what. */
export function decideFoodSafetyOpinion(data: OpinionRequestedData, agencyCode: string): FoodSafetyDecision {
  if (data.agencyCode !== agencyCode) return { answer: false, reason: `asked of ${data.agencyCode}` };
  if (!FOOD_SAFETY_GROUPS.includes(data.productGroup))
    return { answer: false, reason: `product group ${data.productGroup} has no food-safety question` };
  return {
    answer: true,
    command: {
      dossierId: data.dossierId,
      conclusion: 'FAVOURABLE',
      text: FOOD_SAFETY_OPINION_TEXT,
      reference: foodSafetyOpinionReference(agencyCode, data.dossierCode),
    },
  };
}

export type FoodSafetyOutcome = 'given' | 'ignored' | 'refused';

/**
 * Answers an opinion request on a food, beverage or herbal product's dossier with the Department's food-safety opinion
 * (`opinion.give`), as of the request's own time outside production. A permanent refusal (the dossier no longer waits
 * for it, the body is invalid, ...) is logged and not retried; anything else is thrown, so the consumer retries it.
 */
@Injectable()
export class GiveFoodSafetyOpinionUseCase {
  private readonly logger = new Logger('FoodSafetyOpinions');

  constructor(
    @Inject(HEALTH_AGENCY_CONFIG) private readonly config: HealthAgencyConfig,
    private readonly client: AgencyClient,
  ) {}

  async execute(data: OpinionRequestedData, envelope: EventEnvelope<OpinionRequestedData>): Promise<FoodSafetyOutcome> {
    const decision = decideFoodSafetyOpinion(data, this.config.agencyCode);
    if (!decision.answer) {
      this.logger.debug(`dossier ${data.dossierCode}: not answered (${decision.reason})`);
      return 'ignored';
    }
    try {
      const opinion = await this.client.request('opinion.give', decision.command, {
        // The platform refuses `ocop-as-of` in production: there the opinion is given now.
        // Outside production it answers as of the request's own time, as a reaction to that event.
        ...(this.config.mode === 'production' ? {} : { asOf: envelope.time, asOfSource: 'event' as const }),
        correlationId: envelope.correlationid,
      });
      this.logger.log(
        `dossier ${data.dossierCode}: food-safety opinion ${opinion.conclusion ?? decision.command.conclusion} (${decision.command.reference})`,
      );
      return 'given';
    } catch (err) {
      if (err instanceof AgencyRequestError && err.permanent) {
        this.logger.warn(`dossier ${data.dossierCode}: opinion refused, not retried: ${err.code} (${err.kind}) ${err.error.message}`);
        return 'refused';
      }
      throw err;
    }
  }
}
