import { Injectable } from '@nestjs/common';
import { AppError } from '@ocop/contracts';
import { DUMMY_PASSWORD_HASH_PROMISE, TokenService, verifyPassword } from '@ocop/auth';
import { UsersRepository } from './users.repository';
import { actorOf } from './user.mapper';
import type { TokenView } from './user.dto';

/** Username and password for a bearer token. */
@Injectable()
export class LoginUseCase {
  constructor(
    private readonly users: UsersRepository,
    private readonly tokens: TokenService,
  ) {}

  async execute(username: string, password: string): Promise<TokenView> {
    const user = await this.users.findForLogin(username);
    // Verify against a dummy hash when the user is unknown, so timing does not tell who exists.
    const ok = await verifyPassword(password, user?.passwordHash ?? (await DUMMY_PASSWORD_HASH_PROMISE));
    if (!user || !ok || !user.active) throw AppError.validation('LOGIN_FAILED', 'unknown username or wrong password', 'password');
    const { accessToken, expiresIn } = await this.tokens.issue(actorOf(user));
    return { accessToken, tokenType: 'Bearer', expiresIn };
  }
}
