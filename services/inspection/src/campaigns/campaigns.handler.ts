import { Ctx, Payload } from '@nestjs/microservices';
import { AgencyEvents, CampaignIdQuery, CreateCampaignCommand, InspectionSubjects as S, RegistrationEvents } from '@ocop/contracts';
import {
  Caller,
  EventContext,
  Handles,
  OnEvent,
  RpcController,
  requireActor,
  type EventConsumerSpec,
  type RpcContext,
} from '@ocop/messaging';
import { CreateCampaignUseCase } from './create-campaign.use-case';
import { GetCampaignQuery } from './get-campaign.query';
import { OpenAdHocCampaignUseCase } from './open-ad-hoc-campaign.use-case';
import { ListCampaignsQuery } from './list-campaigns.query';
import { SelectCampaignUseCase } from './select-campaign.use-case';

/** Agencies' market-surveillance reports, one at a time. */
const AGENCY_REPORTS: EventConsumerSpec = { name: 'agency-reports', concurrency: 1 };
/** Public complaints the standing office confirmed, one at a time. */
const COMPLAINTS: EventConsumerSpec = { name: 'complaints', concurrency: 1 };

/** The bus edge of inspection campaigns: plan, list, read, select the certificates to inspect; an agency's report or a confirmed complaint opens one. */
@RpcController()
export class CampaignsHandler {
  constructor(
    private readonly createCampaign: CreateCampaignUseCase,
    private readonly listCampaigns: ListCampaignsQuery,
    private readonly getCampaign: GetCampaignQuery,
    private readonly selectCampaign: SelectCampaignUseCase,
    private readonly openAdHocCampaign: OpenAdHocCampaignUseCase,
  ) {}

  @Handles(S.campaignCreate)
  create(@Payload() c: CreateCampaignCommand, @Caller() call: RpcContext) {
    return this.createCampaign.execute(requireActor(call), c, call.asOf);
  }

  @Handles(S.campaignList)
  list(@Caller() call: RpcContext) {
    return this.listCampaigns.execute(requireActor(call));
  }

  @Handles(S.campaignGet)
  get(@Payload() q: CampaignIdQuery, @Caller() call: RpcContext) {
    return this.getCampaign.execute(requireActor(call), q.campaignId);
  }

  @Handles(S.campaignSelect)
  select(@Payload() c: CampaignIdQuery, @Caller() call: RpcContext) {
    return this.selectCampaign.execute(requireActor(call), c.campaignId, call.asOf);
  }

  @OnEvent(AGENCY_REPORTS, AgencyEvents.marketSurveillanceReported)
  agencyReported(@Ctx() ctx: EventContext): Promise<void> {
    return this.openAdHocCampaign.forAgencyReport(ctx.event, ctx.tx);
  }

  @OnEvent(COMPLAINTS, RegistrationEvents.complaintConfirmed)
  complaintConfirmed(@Ctx() ctx: EventContext): Promise<void> {
    return this.openAdHocCampaign.forComplaint(ctx.event, ctx.tx);
  }
}
