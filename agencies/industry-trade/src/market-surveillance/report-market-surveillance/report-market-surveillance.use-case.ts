import { Inject, Injectable, Logger } from '@nestjs/common';
import { AgencyClient, type MarketSurveillanceReportedData } from '@ocop/agency-sdk';
import { INDUSTRY_TRADE_AGENCY_CONFIG } from '../../industry-trade-agency.tokens';
import type { IndustryTradeAgencyConfig } from '../../config/industry-trade-agency.config';
import { ProblemError } from '../../http/problem';
import type { MarketSurveillanceReportDto } from '../market-surveillance-report.dto';

export const MARKET_SURVEILLANCE_REPORTED = 'agency.market-surveillance-reported.v1';

/** How far ahead of this service's clock a report may be dated in production (clocks drift). */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;

export type ReportDecision =
  { publish: true; data: MarketSurveillanceReportedData; time: string; subject: string } | { publish: false; refusal: ProblemError };

/**
 * The event a filed report becomes: the certificate as the officer named it, the details, and when it was found (the
 * filing time when not given). In production a report dated in the future is refused; outside it the platform may be
 * driven through time, so it is taken as it is. The agency is not in the payload: the platform takes it from the subject.
 */
export function decideMarketSurveillanceReport(
  report: MarketSurveillanceReportDto,
  now: Date,
  mode: IndustryTradeAgencyConfig['mode'],
): ReportDecision {
  const reportedAt = report.reportedAt ? new Date(report.reportedAt) : now;
  if (mode === 'production' && reportedAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS)
    return {
      publish: false,
      refusal: new ProblemError(
        422,
        'REPORTED_IN_FUTURE',
        'reportedAt is later than now: a report is filed after the finding',
        'reportedAt',
      ),
    };
  const certificate =
    report.certificateId !== undefined ? { certificateId: report.certificateId } : { certificateCode: report.certificateCode! };
  return {
    publish: true,
    data: { reportId: report.reportId, ...certificate, details: report.details, reportedAt: reportedAt.toISOString() },
    time: reportedAt.toISOString(),
    subject: report.certificateId ?? report.certificateCode!,
  };
}

export interface FiledReport {
  reportId: string;
  /** The event's id, stable per report: `client.eventId(reportId)`. */
  eventId: string;
  /** The same report was filed before (within the stream's duplicate window): nothing new was published. */
  duplicate: boolean;
}

/**
 * Files a market-surveillance report on the platform: publishes `agency.market-surveillance-reported.v1` in the
 * agency's own space, with an id derived from the report's own reference, so that filing it again is a duplicate, not a
 * second event (the platform's inspection service also opens one campaign per agency and report, whenever it comes).
 */
@Injectable()
export class ReportMarketSurveillanceUseCase {
  private readonly logger = new Logger('MarketSurveillance');

  constructor(
    @Inject(INDUSTRY_TRADE_AGENCY_CONFIG) private readonly config: IndustryTradeAgencyConfig,
    private readonly client: AgencyClient,
  ) {}

  async execute(report: MarketSurveillanceReportDto, now = new Date()): Promise<FiledReport> {
    const decision = decideMarketSurveillanceReport(report, now, this.config.mode);
    if (!decision.publish) throw decision.refusal;
    const id = this.client.eventId(report.reportId);
    let published: { duplicate: boolean };
    try {
      published = await this.client.publish(MARKET_SURVEILLANCE_REPORTED, decision.data, {
        id,
        time: decision.time,
        subject: decision.subject,
      });
    } catch (err) {
      this.logger.error(`report ${report.reportId}: not published: ${(err as Error).message}`);
      throw new ProblemError(
        503,
        'BUS_UNAVAILABLE',
        "the platform's bus did not take the report; file it again (the same report is published once)",
      );
    }
    this.logger.log(
      `report ${report.reportId} on certificate ${decision.subject}: ${published.duplicate ? 'filed before, not published again' : `published as ${id}`}`,
    );
    return { reportId: report.reportId, eventId: id, duplicate: published.duplicate };
  }
}
