import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  AgencyClient,
  AgencyRequestError,
  OnPlatformEvent,
  type AgencyDossierView,
  type EventEnvelope,
  type GiveOpinionCommand,
  type OpinionRequestedData,
} from '@ocop/agency-sdk';
import { SCIENCE_TECHNOLOGY_AGENCY_CONFIG } from '../science-technology-agency.tokens';
import type { ScienceTechnologyAgencyConfig } from '../config/science-technology-agency.config';

/** The documents the Department checks on a dossier: traceability and intellectual property (the platform's document types). */
export const CHECKED_DOCUMENTS: readonly { type: string; nameVi: string }[] = [
  { type: 'TRACEABILITY', nameVi: 'tài liệu truy xuất nguồn gốc sản phẩm' },
  { type: 'INTELLECTUAL_PROPERTY', nameVi: 'tài liệu về sở hữu trí tuệ (nhãn hiệu, chỉ dẫn địa lý)' },
];

/** The opinion on a dossier from the documents it holds: favourable with both, conditional on what is missing otherwise. */
export function traceabilityOpinion(agencyCode: string, dossier: AgencyDossierView): GiveOpinionCommand {
  const present = new Set(dossier.documents.map((d) => d.type));
  const missing = CHECKED_DOCUMENTS.filter((d) => !present.has(d.type));
  return {
    dossierId: dossier.dossierId,
    reference: `${agencyCode}-TXNG-${dossier.dossierCode}`,
    ...(missing.length === 0
      ? {
          conclusion: 'FAVOURABLE',
          text:
            'Sở Khoa học và Công nghệ đã kiểm tra hồ sơ: có tài liệu truy xuất nguồn gốc sản phẩm và tài liệu về sở hữu trí tuệ; ' +
            'thống nhất đề nghị Hội đồng đánh giá, phân hạng sản phẩm.',
        }
      : {
          conclusion: 'CONDITIONAL',
          text: `Sở Khoa học và Công nghệ đề nghị chủ thể bổ sung ${missing.map((d) => d.nameVi).join('; ')} trước khi Hội đồng chấm điểm các tiêu chí liên quan.`,
        }),
  } as GiveOpinionCommand;
}

/**
 * Answers the opinion requests addressed to the Department (the province's rule for a product group): it reads the
 * dossier's document list (`dossier.get`) and gives its opinion (`opinion.give`), as of the request's time outside
 * production. A permanent refusal is logged and not retried; anything else is thrown, so the consumer retries it.
 */
@Injectable()
export class TraceabilityOpinions {
  private readonly logger = new Logger('TraceabilityOpinions');

  constructor(
    @Inject(SCIENCE_TECHNOLOGY_AGENCY_CONFIG) private readonly config: ScienceTechnologyAgencyConfig,
    private readonly client: AgencyClient,
  ) {}

  @OnPlatformEvent('registration.opinion-requested.v1')
  async onOpinionRequested(data: OpinionRequestedData, envelope: EventEnvelope<OpinionRequestedData>): Promise<void> {
    if (data.agencyCode !== this.config.agencyCode) return;
    const asOf = this.config.mode === 'production' ? {} : { asOf: envelope.time, asOfSource: 'event' as const };
    try {
      const dossier = await this.client.request(
        'dossier.get',
        { dossierId: data.dossierId },
        { ...asOf, correlationId: envelope.correlationid },
      );
      const opinion = traceabilityOpinion(this.config.agencyCode, dossier);
      await this.client.request('opinion.give', opinion, { ...asOf, correlationId: envelope.correlationid });
      this.logger.log(`dossier ${data.dossierCode}: opinion ${opinion.conclusion} (${opinion.reference})`);
    } catch (err) {
      if (err instanceof AgencyRequestError && err.permanent) {
        this.logger.warn(`dossier ${data.dossierCode}: refused, not retried: ${err.code} (${err.kind}) ${err.error.message}`);
        return;
      }
      throw err;
    }
  }
}
