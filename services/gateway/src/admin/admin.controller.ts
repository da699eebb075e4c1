import { Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AppError, BUS_SERVICES, deadLetterSubjects, type Actor } from '@ocop/contracts';
import { CurrentActor, RolesOf } from '@ocop/auth';
import { RpcClient, type DeadLetterView } from '@ocop/messaging';
import { ApiProblems } from '../http/api-problems.decorator';
import { UuidParam } from '../http/validation.pipe';
import { DeadLetterDoc } from './dead-letter.dto';

/** Services whose dead letters can be listed and replayed through the gateway. */
const SERVICES: readonly string[] = BUS_SERVICES;
/** Every service's dead-letter subjects are declared with the same roles. */
const DEAD_LETTERS = deadLetterSubjects(BUS_SERVICES[0]);

@ApiTags('operations')
@ApiProblems()
@Controller('admin')
export class AdminController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Get('dead-letters')
  @RolesOf(DEAD_LETTERS.list)
  @ApiQuery({ name: 'service', enum: SERVICES })
  @ApiOkResponse({ type: [DeadLetterDoc], description: 'Events a consumer gave up on, newest first' })
  list(@CurrentActor() actor: Actor, @Query('service') service: string): Promise<DeadLetterView[]> {
    return this.rpc.request(deadLetterSubjects(this.check(service)).list, {}, { actor });
  }

  @Post('dead-letters/:id/replay')
  @HttpCode(200)
  @RolesOf(DEAD_LETTERS.replay)
  @ApiQuery({ name: 'service', enum: SERVICES })
  @ApiOkResponse({ type: DeadLetterDoc, description: 'The dead letter, now marked replayed' })
  replay(
    @CurrentActor() actor: Actor,
    @Query('service') service: string,
    @Param('id', new UuidParam()) id: string,
  ): Promise<DeadLetterView> {
    return this.rpc.request(deadLetterSubjects(this.check(service)).replay, { id }, { actor });
  }

  private check(service: string): string {
    if (!SERVICES.includes(service))
      throw AppError.validation('SERVICE_UNKNOWN', `service must be one of ${SERVICES.join(', ')}`, 'service');
    return service;
  }
}
