import { Payload } from '@nestjs/microservices';
import { CampaignIdQuery, CreateCampaignCommand, InspectionSubjects as S } from '@ocop/contracts';
import { Caller, Handles, RpcController, requireActor, type RpcContext } from '@ocop/messaging';
import { CreateCampaignUseCase } from './create-campaign.use-case';
import { GetCampaignQuery } from './get-campaign.query';
import { ListCampaignsQuery } from './list-campaigns.query';
import { SelectCampaignUseCase } from './select-campaign.use-case';

/** The NATS edge of inspection campaigns: plan, list, read, select the certificates to inspect. */
@RpcController()
export class CampaignsHandler {
  constructor(
    private readonly createCampaign: CreateCampaignUseCase,
    private readonly listCampaigns: ListCampaignsQuery,
    private readonly getCampaign: GetCampaignQuery,
    private readonly selectCampaign: SelectCampaignUseCase,
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
}
