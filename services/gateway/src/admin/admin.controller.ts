import { Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AppError, Role, type Actor } from '@ocop/contracts';
import { CurrentActor, Roles } from '@ocop/auth';
import { RpcClient, type DeadLetterView } from '@ocop/messaging';
import { ApiProblems } from '../http/api-problems.decorator';
import { UuidParam } from '../http/pipes';
import { DeadLetterDoc } from './dead-letter.dto';

/** Services whose dead letters can be listed and replayed through the gateway. */
const SERVICES = ['registration', 'scoring', 'certification', 'inspection'];

@ApiTags('operations')
@ApiProblems()
@Controller('admin')
export class AdminController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Get('dead-letters')
  @Roles(Role.ADMIN)
  @ApiQuery({ name: 'service', enum: SERVICES })
  @ApiOkResponse({ type: [DeadLetterDoc], description: 'Events a consumer gave up on, newest first' })
  list(@CurrentActor() actor: Actor, @Query('service') service: string): Promise<DeadLetterView[]> {
    return this.rpc.request(`${this.check(service)}.admin.dead-letters.list`, {}, { actor });
  }

  @Post('dead-letters/:id/replay')
  @HttpCode(200)
  @Roles(Role.ADMIN)
  @ApiQuery({ name: 'service', enum: SERVICES })
  @ApiOkResponse({ type: DeadLetterDoc, description: 'The dead letter, now marked replayed' })
  replay(
    @CurrentActor() actor: Actor,
    @Query('service') service: string,
    @Param('id', new UuidParam()) id: string,
  ): Promise<DeadLetterView> {
    return this.rpc.request(`${this.check(service)}.admin.dead-letters.replay`, { id }, { actor });
  }

  private check(service: string): string {
    if (!SERVICES.includes(service))
      throw AppError.validation('SERVICE_UNKNOWN', `service must be one of ${SERVICES.join(', ')}`, 'service');
    return service;
  }
}
