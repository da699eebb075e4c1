import { Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  AcknowledgeReportCommand,
  ListReportsQuery,
  ProgrammeSubjects as S,
  ProvinceCodeQuery,
  ReportIdQuery,
  RunProgrammeJobCommand,
  SetReportSettingsCommand,
  SubmitReportBody,
  NationalExportCommand,
  NationalHubQuery,
  type ForwardedDossierView,
  type NationalFiguresView,
  type FileView,
  type PdfView,
  type ProgrammeJobRunView,
  type ReportSettingsView,
  type ReportView,
} from '@ocop/contracts';
import { Caller, Handles, RpcController, adminRunAsOf, requireActor, type RpcContext } from '@ocop/messaging';
import { PROGRAMME_CONFIG } from '../programme.tokens';
import type { ProgrammeConfig } from '../config/programme.config';
import { ProgrammeJobs } from '../jobs/programme.jobs';
import { ReportsUseCases } from './reports.use-cases';
import { NationalExportUseCases } from '../national/national-export.use-cases';
import { NationalHubUseCases } from '../national/national-hub.use-cases';

/** The bus edge of reports, their settings, the national database export, and the programme's job runs. */
@RpcController()
export class ReportsHandler {
  constructor(
    private readonly reports: ReportsUseCases,
    private readonly jobs: ProgrammeJobs,
    private readonly nationalExports: NationalExportUseCases,
    private readonly hub: NationalHubUseCases,
    @Inject(PROGRAMME_CONFIG) private readonly config: ProgrammeConfig,
  ) {}

  @Handles(S.reportSettingsSet)
  setSettings(@Payload() c: SetReportSettingsCommand, @Caller() call: RpcContext): Promise<ReportSettingsView> {
    return this.reports.setSettings(requireActor(call), c);
  }

  @Handles(S.reportSettingsGet)
  settings(@Payload() q: ProvinceCodeQuery, @Caller() call: RpcContext): Promise<ReportSettingsView> {
    return this.reports.settings(requireActor(call), q.provinceCode);
  }

  @Handles(S.reportSubmit)
  submit(@Payload() c: SubmitReportBody, @Caller() call: RpcContext): Promise<ReportView> {
    return this.reports.submit(requireActor(call), c, call.asOf);
  }

  @Handles(S.reportList)
  list(@Payload() q: ListReportsQuery, @Caller() call: RpcContext): Promise<ReportView[]> {
    return this.reports.list(requireActor(call), q);
  }

  @Handles(S.reportGet)
  get(@Payload() q: ReportIdQuery, @Caller() call: RpcContext): Promise<ReportView> {
    return this.reports.get(requireActor(call), q.reportId);
  }

  @Handles(S.reportAcknowledge)
  acknowledge(@Payload() c: AcknowledgeReportCommand, @Caller() call: RpcContext): Promise<ReportView> {
    return this.reports.acknowledge(requireActor(call), c);
  }

  @Handles(S.reportPdf)
  pdf(@Payload() q: ReportIdQuery, @Caller() call: RpcContext): Promise<PdfView> {
    return this.reports.pdf(requireActor(call), q.reportId);
  }

  @Handles(S.reportXlsx)
  xlsx(@Payload() q: ReportIdQuery, @Caller() call: RpcContext): Promise<PdfView> {
    return this.reports.xlsx(requireActor(call), q.reportId);
  }

  @Handles(S.nationalExport)
  nationalExport(@Payload() c: NationalExportCommand, @Caller() call: RpcContext): Promise<FileView> {
    return this.nationalExports.export(requireActor(call), c, call.asOf);
  }

  @Handles(S.nationalFigures)
  nationalFigures(@Payload() q: NationalHubQuery, @Caller() call: RpcContext): Promise<NationalFiguresView[]> {
    return this.hub.figures(requireActor(call), q);
  }

  @Handles(S.nationalForwarded)
  nationalForwarded(@Payload() q: NationalHubQuery, @Caller() call: RpcContext): Promise<ForwardedDossierView[]> {
    return this.hub.forwarded(requireActor(call), q);
  }

  @Handles(S.jobRun)
  async run(@Payload() c: RunProgrammeJobCommand, @Caller() call: RpcContext): Promise<ProgrammeJobRunView> {
    const asOf = adminRunAsOf(c.asOf, call, this.config.mode);
    return { name: c.name, asOf: asOf.toISOString(), result: await this.jobs.runNow(c.name, asOf) };
  }
}
