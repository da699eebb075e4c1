import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  ConsultantGrantView,
  ConsultantView,
  CreateConsultantCommand,
  GrantConsultantBody,
  ListConsultantGrantsQuery,
  ListConsultantsQuery,
  RegistrationSubjects as S,
  type Actor,
} from '@ocop/contracts';
import { CurrentActor, RolesOf } from '@ocop/auth';
import { RpcClient } from '@ocop/messaging';
import { ApiProblems } from '../http/api-problems.decorator';
import { UuidParam } from '../http/validation.pipe';

/** The standing office's register of consultants (firms and individuals); producers pick theirs from it. */
@ApiTags('consultants')
@ApiProblems()
@Controller('registration/consultants')
export class ConsultantsController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Post()
  @RolesOf(S.consultantCreate)
  @ApiCreatedResponse({ type: ConsultantView })
  create(@CurrentActor() actor: Actor, @Body() body: CreateConsultantCommand): Promise<ConsultantView> {
    return this.rpc.request(S.consultantCreate, body, { actor });
  }

  @Get()
  @RolesOf(S.consultantList)
  @ApiOkResponse({ type: [ConsultantView] })
  list(@CurrentActor() actor: Actor, @Query() q: ListConsultantsQuery): Promise<ConsultantView[]> {
    return this.rpc.request(S.consultantList, q, { actor });
  }
}

/**
 * A producer's grants of access to its dossiers. The consultant then sends `X-On-Behalf-Of: <producerId>` with its
 * requests (dossiers, products, guidance, evaluations and the gap to the next star); the gateway checks the grant each time.
 */
@ApiTags('consultants')
@ApiProblems()
@Controller()
export class ConsultantGrantsController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Post('producers/:id/consultant-grants')
  @RolesOf(S.consultantGrant)
  @ApiCreatedResponse({ type: ConsultantGrantView })
  grant(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidParam()) id: string,
    @Body() body: GrantConsultantBody,
  ): Promise<ConsultantGrantView> {
    return this.rpc.request(S.consultantGrant, { ...body, producerId: id }, { actor });
  }

  @Get('consultant-grants')
  @RolesOf(S.consultantGrantList)
  @ApiOkResponse({ type: [ConsultantGrantView] })
  list(@CurrentActor() actor: Actor, @Query() q: ListConsultantGrantsQuery): Promise<ConsultantGrantView[]> {
    return this.rpc.request(S.consultantGrantList, q, { actor });
  }

  @Post('consultant-grants/:id/revoke')
  @HttpCode(200)
  @RolesOf(S.consultantGrantRevoke)
  @ApiOkResponse({ type: ConsultantGrantView })
  revoke(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string): Promise<ConsultantGrantView> {
    return this.rpc.request(S.consultantGrantRevoke, { grantId: id }, { actor });
  }
}
