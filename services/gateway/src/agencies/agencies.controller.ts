import { Body, Controller, Delete, Get, Param, Post, Put, type PipeTransform } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AGENCY_CODE, AppError, Role, type Actor } from '@ocop/contracts';
import { CurrentActor, Roles } from '@ocop/auth';
import { ApiProblems } from '../http/api-problems.decorator';
import { UuidParam } from '../http/validation.pipe';
import { AgencyCredentialsUseCase } from './agency-credentials.use-case';
import { AgencyCredentialView, AgencyView, IssuedAgencyCredentialView, PutAgencyBody } from './agency.dto';

/** An agency code in the path: the users' agency code rule, so it is always one safe NATS subject token. */
class AgencyCodeParam implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || !AGENCY_CODE.test(value)) {
      throw AppError.validation('VALIDATION_FAILED', 'code must be 2-20 uppercase letters, digits, _ or -', 'code');
    }
    return value;
  }
}

@ApiTags('agencies')
@ApiProblems()
@Controller('agencies')
export class AgenciesController {
  constructor(private readonly agencies: AgencyCredentialsUseCase) {}

  @Put(':code')
  @Roles(Role.ADMIN)
  @ApiOkResponse({ type: AgencyView })
  put(@CurrentActor() admin: Actor, @Param('code', new AgencyCodeParam()) code: string, @Body() body: PutAgencyBody): Promise<AgencyView> {
    return this.agencies.put(admin, code, body);
  }

  @Get()
  @Roles(Role.ADMIN)
  @ApiOkResponse({ type: [AgencyView] })
  list(): Promise<AgencyView[]> {
    return this.agencies.list();
  }

  @Post(':code/credentials')
  @Roles(Role.ADMIN)
  @ApiCreatedResponse({ type: IssuedAgencyCredentialView })
  issue(@CurrentActor() admin: Actor, @Param('code', new AgencyCodeParam()) code: string): Promise<IssuedAgencyCredentialView> {
    return this.agencies.issue(admin, code);
  }

  @Get(':code/credentials')
  @Roles(Role.ADMIN)
  @ApiOkResponse({ type: [AgencyCredentialView] })
  credentials(@Param('code', new AgencyCodeParam()) code: string): Promise<AgencyCredentialView[]> {
    return this.agencies.credentials(code);
  }

  @Delete(':code/credentials/:credentialId')
  @Roles(Role.ADMIN)
  @ApiOkResponse({ type: AgencyCredentialView })
  revoke(
    @CurrentActor() admin: Actor,
    @Param('code', new AgencyCodeParam()) code: string,
    @Param('credentialId', new UuidParam()) credentialId: string,
  ): Promise<AgencyCredentialView> {
    return this.agencies.revoke(admin, code, credentialId);
  }
}
