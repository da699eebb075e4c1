import { Module, type DynamicModule } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TokenService } from '@ocop/auth';
import { RpcClient } from '@ocop/messaging';
import { AuthController } from './auth.controller';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { LoginUseCase } from './login.use-case';
import { CreateUserUseCase } from './create-user.use-case';
import { UserQueries } from './users.queries';
import { BootstrapAdminUseCase } from './bootstrap-admin.use-case';
import { SeedDemoUsersUseCase } from './seed-demo-users.use-case';
import { IdentityHandler } from './identity.handler';

export interface IdentityModuleOptions {
  /** The gateway's data source (its schema holds the users). */
  dataSource: DataSource;
  /** For checking scope codes against registration's units and producers. */
  rpc: RpcClient;
  jwtSecret: string;
  tokenTtlSeconds: number;
}

/**
 * Identity, the edge's concern: users and their passwords, login and its tokens, the `identity.users.resolve`
 * responder the services ask, the first admin and the demo users. Exports the token service (the global auth
 * guard verifies tokens with it) and the two start-up use cases.
 */
@Module({})
export class IdentityModule {
  static register(o: IdentityModuleOptions): DynamicModule {
    return {
      module: IdentityModule,
      controllers: [AuthController, UsersController, IdentityHandler],
      providers: [
        { provide: DataSource, useValue: o.dataSource },
        { provide: RpcClient, useValue: o.rpc },
        { provide: TokenService, useValue: new TokenService(o.jwtSecret, o.tokenTtlSeconds) },
        UsersRepository,
        LoginUseCase,
        CreateUserUseCase,
        UserQueries,
        BootstrapAdminUseCase,
        SeedDemoUsersUseCase,
      ],
      exports: [TokenService, BootstrapAdminUseCase, SeedDemoUsersUseCase],
    };
  }
}
