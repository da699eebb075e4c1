import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { Role, type Actor } from '@ocop/contracts';
import { CurrentActor, Public, Roles } from '@ocop/auth';
import { LoginUseCase } from './login.use-case';
import { ActorView, LoginBody, TokenView } from './user.dto';
import { ApiProblems } from '../http/api-problems.decorator';

@ApiTags('auth')
@ApiProblems()
@Controller('auth')
export class AuthController {
  constructor(private readonly loginUseCase: LoginUseCase) {}

  /** Exchange username and password for a bearer token. Rate-limited per client address and username. */
  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: TokenView })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts (problem+json RATE_LIMITED)' })
  login(@Body() body: LoginBody): Promise<TokenView> {
    return this.loginUseCase.execute(body.username, body.password);
  }

  @Get('me')
  @Roles(...Object.values(Role))
  @ApiOkResponse({ type: ActorView, description: 'The authenticated actor: id, username, role and administrative scope' })
  me(@CurrentActor() actor: Actor): Actor {
    return actor;
  }
}
