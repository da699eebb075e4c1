import { Inject, Injectable, Logger } from '@nestjs/common';
import { AgencyClient, AgencyRequestError, OnPlatformEvent, type EventEnvelope, type GuidanceRequestedData } from '@ocop/agency-sdk';
import { SCIENCE_TECHNOLOGY_AGENCY_CONFIG } from '../science-technology-agency.tokens';
import type { ScienceTechnologyAgencyConfig } from '../config/science-technology-agency.config';

/**
 * The Department's standing guidance on the parts of a dossier in its field (standards, conformity, barcodes,
 * traceability, intellectual property). A question on another topic waits for an officer's answer (the platform reminds
 * and escalates it if none comes).
 */
export const GUIDANCE_BY_TOPIC: Readonly<Record<string, string>> = {
  TRACEABILITY:
    'Sở Khoa học và Công nghệ hướng dẫn: áp dụng truy xuất nguồn gốc theo TCVN 12850:2019, gắn mã truy xuất (QR) trên bao bì và ' +
    'lưu hồ sơ các công đoạn từ nguyên liệu đến thành phẩm; nộp bản mô tả hệ thống truy xuất vào hồ sơ (loại tài liệu TRACEABILITY).',
  INTELLECTUAL_PROPERTY:
    'Sở Khoa học và Công nghệ hướng dẫn: nộp đơn đăng ký nhãn hiệu tại Cục Sở hữu trí tuệ (trực tuyến hoặc qua Sở); bản chụp đơn đã ' +
    'được tiếp nhận hoặc văn bằng bảo hộ được đính kèm hồ sơ (loại tài liệu INTELLECTUAL_PROPERTY).',
  STANDARDS:
    'Sở Khoa học và Công nghệ hướng dẫn: xây dựng và công bố tiêu chuẩn cơ sở cho sản phẩm, công bố hợp quy khi sản phẩm thuộc quy ' +
    'chuẩn kỹ thuật; đính kèm bản công bố vào hồ sơ (loại tài liệu QUALITY_DECLARATION).',
  BARCODE:
    'Sở Khoa học và Công nghệ hướng dẫn: đăng ký sử dụng mã số mã vạch GS1 Việt Nam và in mã vạch trên bao bì trước khi đưa sản phẩm ' +
    'vào hệ thống phân phối hiện đại.',
};

/** The answer to a question, or why the service leaves it to an officer. */
export function guidanceAnswer(data: GuidanceRequestedData, agencyCode: string): { text: string; reference: string } | undefined {
  const text = data.agencyCode === agencyCode ? GUIDANCE_BY_TOPIC[data.topic] : undefined;
  return text ? { text, reference: `${agencyCode}-HD-${data.threadId.slice(0, 8)}` } : undefined;
}

/** Answers the guidance questions addressed to the Department on the topics it has standing guidance for. */
@Injectable()
export class GuidanceAnswers {
  private readonly logger = new Logger('GuidanceAnswers');

  constructor(
    @Inject(SCIENCE_TECHNOLOGY_AGENCY_CONFIG) private readonly config: ScienceTechnologyAgencyConfig,
    private readonly client: AgencyClient,
  ) {}

  @OnPlatformEvent('registration.guidance-requested.v1')
  async onGuidanceRequested(data: GuidanceRequestedData, envelope: EventEnvelope<GuidanceRequestedData>): Promise<void> {
    const answer = guidanceAnswer(data, this.config.agencyCode);
    if (!answer) return;
    try {
      await this.client.request(
        'guidance.answer',
        { threadId: data.threadId, ...answer },
        {
          ...(this.config.mode === 'production' ? {} : { asOf: envelope.time, asOfSource: 'event' as const }),
          correlationId: envelope.correlationid,
        },
      );
      this.logger.log(`dossier ${data.dossierCode}: guidance on ${data.topic} answered (${answer.reference})`);
    } catch (err) {
      if (err instanceof AgencyRequestError && err.permanent) {
        this.logger.warn(`dossier ${data.dossierCode}: answer refused, not retried: ${err.code} (${err.kind}) ${err.error.message}`);
        return;
      }
      throw err;
    }
  }
}
