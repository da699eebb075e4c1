import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiCreatedResponse, ApiOkResponse, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  AddTargetsBody,
  CreatePlanTaskBody,
  PlanTaskEvidenceBody,
  PlanTaskView,
  UpdatePlanTaskBody,
  CreatePlanCommand,
  ImportTargetsBody,
  ListPlansQuery,
  PlanProgressView,
  PlanRollupView,
  PlanView,
  ProgrammeSubjects as S,
  CreateSupportPolicyCommand,
  ListSupportPoliciesQuery,
  SupportPolicyView,
  ListRewardsQuery,
  PayBody,
  RewardView,
  SetReportSettingsBody,
  ReportSettingsView,
  SubmitReportBody,
  ReportView,
  ListReportsQuery,
  AcknowledgeReportBody,
  PROGRAMME_JOB_NAMES,
  RunProgrammeJobBody,
  ProgrammeJobRunView,
  CreateCraftVillageCommand,
  ListCraftVillagesQuery,
  SetVillageProductsBody,
  CraftVillageView,
  NATIONAL_EXPORT_DATASETS,
  NationalExportQuery,
  ApplySupportCommand,
  SupportApplicationView,
  ListSupportApplicationsQuery,
  DecideSupportBody,
  FundingView,
  FundingQuery,
  RecordSettlementCommand,
  SetBudgetNormsBody,
  BudgetEstimateView,
  NationalHubQuery,
  IndicatorsQuery,
  IndicatorsView,
  NationalFiguresView,
  ForwardedDossierView,
  type FileView,
  type PdfView,
  type Actor,
} from '@ocop/contracts';
import { CurrentActor, RolesOf } from '@ocop/auth';
import { RpcClient } from '@ocop/messaging';
import { ApiProblems } from '../http/api-problems.decorator';
import { UuidParam, YearParam } from '../http/validation.pipe';
import { sendFile, XLSX_TYPE } from '../http/file.reply';

@ApiTags('programme: plans and targets')
@ApiProblems()
@Controller('programme/plans')
export class PlansController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Post()
  @RolesOf(S.planCreate)
  @ApiCreatedResponse({ type: PlanView })
  create(@CurrentActor() actor: Actor, @Body() body: CreatePlanCommand): Promise<PlanView> {
    return this.rpc.request(S.planCreate, body, { actor });
  }

  @Get()
  @RolesOf(S.planList)
  @ApiOkResponse({ type: [PlanView] })
  list(@CurrentActor() actor: Actor, @Query() q: ListPlansQuery): Promise<PlanView[]> {
    return this.rpc.request(S.planList, q, { actor });
  }

  @Get(':id')
  @RolesOf(S.planGet)
  @ApiOkResponse({ type: PlanView })
  get(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string): Promise<PlanView> {
    return this.rpc.request(S.planGet, { planId: id }, { actor });
  }

  @Put(':id/targets')
  @RolesOf(S.targetsAdd)
  @ApiOkResponse({ type: PlanView })
  setTargets(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string, @Body() body: AddTargetsBody): Promise<PlanView> {
    return this.rpc.request(S.targetsAdd, { ...body, planId: id }, { actor });
  }

  @Post(':id/targets/import')
  @HttpCode(200)
  @RolesOf(S.targetsImport)
  @ApiOkResponse({ type: PlanView })
  importTargets(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidParam()) id: string,
    @Body() body: ImportTargetsBody,
  ): Promise<PlanView> {
    return this.rpc.request(S.targetsImport, { ...body, planId: id }, { actor });
  }

  @Post(':id/tasks')
  @RolesOf(S.taskCreate)
  @ApiCreatedResponse({ type: PlanTaskView })
  createTask(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidParam()) id: string,
    @Body() body: CreatePlanTaskBody,
  ): Promise<PlanTaskView> {
    return this.rpc.request(S.taskCreate, { ...body, planId: id }, { actor });
  }

  @Get(':id/tasks')
  @RolesOf(S.taskList)
  @ApiOkResponse({ type: [PlanTaskView] })
  tasks(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string): Promise<PlanTaskView[]> {
    return this.rpc.request(S.taskList, { planId: id }, { actor });
  }

  @Get(':id/rollup')
  @RolesOf(S.planRollup)
  @ApiOkResponse({ type: PlanRollupView })
  rollup(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string): Promise<PlanRollupView> {
    return this.rpc.request(S.planRollup, { planId: id }, { actor });
  }

  @Get(':id/progress')
  @RolesOf(S.progress)
  @ApiOkResponse({ type: PlanProgressView })
  progress(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string): Promise<PlanProgressView> {
    return this.rpc.request(S.progress, { planId: id }, { actor });
  }
}

@ApiTags('programme: plans and targets')
@ApiProblems()
@Controller('programme/tasks')
export class PlanTasksController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Put(':id')
  @RolesOf(S.taskUpdate)
  @ApiOkResponse({ type: PlanTaskView })
  update(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string, @Body() body: UpdatePlanTaskBody): Promise<PlanTaskView> {
    return this.rpc.request(S.taskUpdate, { ...body, taskId: id }, { actor });
  }

  @Post(':id/evidence')
  @HttpCode(200)
  @RolesOf(S.taskAddEvidence)
  @ApiOkResponse({ type: PlanTaskView })
  evidence(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidParam()) id: string,
    @Body() body: PlanTaskEvidenceBody,
  ): Promise<PlanTaskView> {
    return this.rpc.request(S.taskAddEvidence, { ...body, taskId: id }, { actor });
  }
}

@ApiTags('programme: support and rewards')
@ApiProblems()
@Controller('programme/support-policies')
export class SupportPoliciesController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Post()
  @RolesOf(S.policyCreate)
  @ApiCreatedResponse({ type: SupportPolicyView })
  create(@CurrentActor() actor: Actor, @Body() body: CreateSupportPolicyCommand): Promise<SupportPolicyView> {
    return this.rpc.request(S.policyCreate, body, { actor });
  }

  @Get()
  @RolesOf(S.policyList)
  @ApiOkResponse({ type: [SupportPolicyView] })
  list(@CurrentActor() actor: Actor, @Query() q: ListSupportPoliciesQuery): Promise<SupportPolicyView[]> {
    return this.rpc.request(S.policyList, q, { actor });
  }

  @Get(':id')
  @RolesOf(S.policyGet)
  @ApiOkResponse({ type: SupportPolicyView })
  get(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string): Promise<SupportPolicyView> {
    return this.rpc.request(S.policyGet, { policyId: id }, { actor });
  }
}

@ApiTags('programme: support and rewards')
@ApiProblems()
@Controller('programme/rewards')
export class RewardsController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Get()
  @RolesOf(S.rewardList)
  @ApiOkResponse({ type: [RewardView] })
  list(@CurrentActor() actor: Actor, @Query() q: ListRewardsQuery): Promise<RewardView[]> {
    return this.rpc.request(S.rewardList, q, { actor });
  }

  @Post(':id/payment')
  @HttpCode(200)
  @RolesOf(S.rewardPay)
  @ApiOkResponse({ type: RewardView })
  pay(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string, @Body() body: PayBody): Promise<RewardView> {
    return this.rpc.request(S.rewardPay, { ...body, rewardId: id }, { actor });
  }
}

@ApiTags('programme: reports')
@ApiProblems()
@Controller('programme')
export class ReportsController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Put('report-settings/:provinceCode')
  @RolesOf(S.reportSettingsSet)
  @ApiOkResponse({ type: ReportSettingsView })
  setSettings(
    @CurrentActor() actor: Actor,
    @Param('provinceCode') provinceCode: string,
    @Body() body: SetReportSettingsBody,
  ): Promise<ReportSettingsView> {
    return this.rpc.request(S.reportSettingsSet, { ...body, provinceCode }, { actor });
  }

  @Get('report-settings/:provinceCode')
  @RolesOf(S.reportSettingsGet)
  @ApiOkResponse({ type: ReportSettingsView })
  settings(@CurrentActor() actor: Actor, @Param('provinceCode') provinceCode: string): Promise<ReportSettingsView> {
    return this.rpc.request(S.reportSettingsGet, { provinceCode }, { actor });
  }

  @Post('reports')
  @RolesOf(S.reportSubmit)
  @ApiCreatedResponse({ type: ReportView })
  submit(@CurrentActor() actor: Actor, @Body() body: SubmitReportBody): Promise<ReportView> {
    return this.rpc.request(S.reportSubmit, body, { actor });
  }

  @Get('reports')
  @RolesOf(S.reportList)
  @ApiOkResponse({ type: [ReportView] })
  list(@CurrentActor() actor: Actor, @Query() q: ListReportsQuery): Promise<ReportView[]> {
    return this.rpc.request(S.reportList, q, { actor });
  }

  @Get('reports/:id')
  @RolesOf(S.reportGet)
  @ApiOkResponse({ type: ReportView })
  get(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string): Promise<ReportView> {
    return this.rpc.request(S.reportGet, { reportId: id }, { actor });
  }

  @Post('reports/:id/acknowledgement')
  @HttpCode(200)
  @RolesOf(S.reportAcknowledge)
  @ApiOkResponse({ type: ReportView })
  acknowledge(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidParam()) id: string,
    @Body() body: AcknowledgeReportBody,
  ): Promise<ReportView> {
    return this.rpc.request(S.reportAcknowledge, { ...body, reportId: id }, { actor });
  }

  @Get('reports/:id/report.pdf')
  @RolesOf(S.reportPdf)
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The report as a PDF', schema: { type: 'string', format: 'binary' } })
  async pdf(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string, @Res() reply: FastifyReply): Promise<void> {
    await sendFile(reply, await this.rpc.request<PdfView>(S.reportPdf, { reportId: id }, { actor }));
  }

  @Get('reports/:id/report.xlsx')
  @RolesOf(S.reportXlsx)
  @ApiProduces(XLSX_TYPE)
  @ApiOkResponse({ description: 'The report as a workbook', schema: { type: 'string', format: 'binary' } })
  async xlsx(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string, @Res() reply: FastifyReply): Promise<void> {
    await sendFile(reply, await this.rpc.request<PdfView>(S.reportXlsx, { reportId: id }, { actor }), XLSX_TYPE);
  }

  @Get('indicators')
  @RolesOf(S.indicators)
  @ApiOkResponse({ type: IndicatorsView })
  indicators(@CurrentActor() actor: Actor, @Query() q: IndicatorsQuery): Promise<IndicatorsView> {
    return this.rpc.request(S.indicators, q, { actor });
  }

  @Get('national-export/:dataset')
  @RolesOf(S.nationalExport)
  @ApiParam({ name: 'dataset', enum: NATIONAL_EXPORT_DATASETS })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    description: 'The dataset in the format of docs/national-export.schema.json (JSON) or as CSV',
    schema: { type: 'string', format: 'binary' },
  })
  async nationalExport(
    @CurrentActor() actor: Actor,
    @Param('dataset') dataset: string,
    @Query() q: NationalExportQuery,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const file = await this.rpc.request<FileView>(S.nationalExport, { ...q, dataset }, { actor });
    await sendFile(reply, file, file.mediaType);
  }

  @Post('jobs/:name/run')
  @HttpCode(200)
  @RolesOf(S.jobRun)
  @ApiParam({ name: 'name', enum: PROGRAMME_JOB_NAMES })
  @ApiOkResponse({ type: ProgrammeJobRunView })
  run(@CurrentActor() actor: Actor, @Param('name') name: string, @Body() body: RunProgrammeJobBody): Promise<ProgrammeJobRunView> {
    return this.rpc.request(S.jobRun, { ...body, name }, { actor, timeoutMs: 600_000 });
  }
}

@ApiTags('programme: craft villages')
@ApiProblems()
@Controller('programme/craft-villages')
export class CraftVillagesController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Post()
  @RolesOf(S.villageCreate)
  @ApiCreatedResponse({ type: CraftVillageView })
  create(@CurrentActor() actor: Actor, @Body() body: CreateCraftVillageCommand): Promise<CraftVillageView> {
    return this.rpc.request(S.villageCreate, body, { actor });
  }

  @Get()
  @RolesOf(S.villageList)
  @ApiOkResponse({ type: [CraftVillageView] })
  list(@CurrentActor() actor: Actor, @Query() q: ListCraftVillagesQuery): Promise<CraftVillageView[]> {
    return this.rpc.request(S.villageList, q, { actor });
  }

  @Put(':id/products')
  @RolesOf(S.villageSetProducts)
  @ApiOkResponse({ type: CraftVillageView })
  setProducts(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidParam()) id: string,
    @Body() body: SetVillageProductsBody,
  ): Promise<CraftVillageView> {
    return this.rpc.request(S.villageSetProducts, { ...body, villageId: id }, { actor });
  }
}

@ApiTags('programme: support and rewards')
@ApiProblems()
@Controller('programme')
export class FundingController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Post('support-applications')
  @RolesOf(S.applicationSubmit)
  @ApiCreatedResponse({ type: SupportApplicationView })
  apply(@CurrentActor() actor: Actor, @Body() body: ApplySupportCommand): Promise<SupportApplicationView> {
    return this.rpc.request(S.applicationSubmit, body, { actor });
  }

  @Get('support-applications')
  @RolesOf(S.applicationList)
  @ApiOkResponse({ type: [SupportApplicationView] })
  applications(@CurrentActor() actor: Actor, @Query() q: ListSupportApplicationsQuery): Promise<SupportApplicationView[]> {
    return this.rpc.request(S.applicationList, q, { actor });
  }

  @Post('support-applications/:id/decision')
  @HttpCode(200)
  @RolesOf(S.applicationDecide)
  @ApiOkResponse({ type: SupportApplicationView })
  decide(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidParam()) id: string,
    @Body() body: DecideSupportBody,
  ): Promise<SupportApplicationView> {
    return this.rpc.request(S.applicationDecide, { ...body, applicationId: id }, { actor });
  }

  @Post('support-applications/:id/payment')
  @HttpCode(200)
  @RolesOf(S.applicationPay)
  @ApiOkResponse({ type: SupportApplicationView })
  pay(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string, @Body() body: PayBody): Promise<SupportApplicationView> {
    return this.rpc.request(S.applicationPay, { ...body, applicationId: id }, { actor });
  }

  @Get('funding')
  @RolesOf(S.funding)
  @ApiOkResponse({ type: FundingView })
  fundingOf(@CurrentActor() actor: Actor, @Query() q: FundingQuery): Promise<FundingView> {
    return this.rpc.request(S.funding, q, { actor });
  }

  @Post('settlements')
  @HttpCode(200)
  @RolesOf(S.settlementRecord)
  @ApiOkResponse({ type: FundingView })
  settle(@CurrentActor() actor: Actor, @Body() body: RecordSettlementCommand): Promise<FundingView> {
    return this.rpc.request(S.settlementRecord, body, { actor });
  }

  @Put('budget-norms/:year')
  @ApiParam({ name: 'year', type: String, example: '2024' })
  @RolesOf(S.budgetNormsSet)
  @ApiOkResponse({ type: BudgetEstimateView })
  setNorms(
    @CurrentActor() actor: Actor,
    @Param('year', new YearParam()) year: number | string,
    @Body() body: SetBudgetNormsBody,
  ): Promise<BudgetEstimateView> {
    return this.rpc.request(S.budgetNormsSet, { ...body, year }, { actor });
  }

  @Get('budget-estimate')
  @RolesOf(S.budgetEstimate)
  @ApiOkResponse({ type: BudgetEstimateView })
  estimate(@CurrentActor() actor: Actor, @Query() q: FundingQuery): Promise<BudgetEstimateView> {
    return this.rpc.request(S.budgetEstimate, q, { actor });
  }
}

@ApiTags('programme: national hub')
@ApiProblems()
@Controller('programme/national')
export class NationalHubController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Get('figures')
  @RolesOf(S.nationalFigures)
  @ApiOkResponse({ type: [NationalFiguresView] })
  figures(@CurrentActor() actor: Actor, @Query() q: NationalHubQuery): Promise<NationalFiguresView[]> {
    return this.rpc.request(S.nationalFigures, q, { actor });
  }

  @Get('forwarded')
  @RolesOf(S.nationalForwarded)
  @ApiOkResponse({ type: [ForwardedDossierView] })
  forwarded(@CurrentActor() actor: Actor, @Query() q: NationalHubQuery): Promise<ForwardedDossierView[]> {
    return this.rpc.request(S.nationalForwarded, q, { actor });
  }
}
