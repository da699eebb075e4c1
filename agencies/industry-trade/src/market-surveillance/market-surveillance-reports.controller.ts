import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { MarketSurveillanceReportDto } from './market-surveillance-report.dto';
import { ReportMarketSurveillanceUseCase, type FiledReport } from './report-market-surveillance/report-market-surveillance.use-case';

/** The department's market-surveillance officers (Quản lý thị trường) file their reports here. */
@Controller('market-surveillance-reports')
export class MarketSurveillanceReportsController {
  constructor(private readonly report: ReportMarketSurveillanceUseCase) {}

  /** 202: published on the platform's bus, which opens an ad-hoc inspection for the certificate (asynchronously). */
  @Post()
  @HttpCode(202)
  file(@Body() body: MarketSurveillanceReportDto): Promise<FiledReport> {
    return this.report.execute(body);
  }
}
