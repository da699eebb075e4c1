import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Role, type Actor } from '@ocop/contracts';
import { CurrentActor, Roles } from '@ocop/auth';
import { CreateUserUseCase } from './create-user.use-case';
import { UserQueries } from './users.queries';
import { CreateUserBody, ListUsersQuery, UserView } from './user.dto';
import { ApiProblems } from '../http/api-problems.decorator';

@ApiTags('users')
@ApiProblems()
@Controller('users')
export class UsersController {
  constructor(
    private readonly createUser: CreateUserUseCase,
    private readonly users: UserQueries,
  ) {}

  @Post()
  @Roles(Role.ADMIN)
  @ApiCreatedResponse({ type: UserView })
  create(@CurrentActor() admin: Actor, @Body() body: CreateUserBody): Promise<UserView> {
    return this.createUser.execute(admin, body);
  }

  @Get()
  @Roles(Role.ADMIN)
  @ApiOkResponse({ type: [UserView] })
  list(@CurrentActor() admin: Actor, @Query() q: ListUsersQuery): Promise<UserView[]> {
    return this.users.list(admin, q);
  }
}
