import { Payload } from '@nestjs/microservices';
import { CreateRoundCommand, ListRoundsQuery, RegistrationSubjects as S, type RoundView } from '@ocop/contracts';
import { vietnamDay } from '@ocop/domain';
import { Caller, Handles, RpcController, requireActor, type RpcContext } from '@ocop/messaging';
import { UnitsRepository } from '../units/units.repository';
import { CreateRoundUseCase } from './create-round.use-case';
import { roundListScope } from './round-province.policy';
import { RoundsRepository } from './rounds.repository';
import type { EvaluationRound } from './round.entity';

const roundView = (r: EvaluationRound, asOf: Date): RoundView => {
  const day = vietnamDay(asOf);
  return { ...r, open: r.opensOn <= day && day <= r.closesOn };
};

/** The NATS edge of evaluation rounds (open or not as of the call's instant). */
@RpcController()
export class RoundsHandler {
  constructor(
    private readonly units: UnitsRepository,
    private readonly rounds: RoundsRepository,
    private readonly createRound: CreateRoundUseCase,
  ) {}

  @Handles(S.roundCreate)
  async create(@Payload() c: CreateRoundCommand, @Caller() call: RpcContext): Promise<RoundView> {
    return roundView(await this.createRound.execute(requireActor(call), c), call.asOf);
  }

  @Handles(S.roundList)
  async list(@Payload() q: ListRoundsQuery, @Caller() call: RpcContext): Promise<RoundView[]> {
    const scope = await roundListScope(requireActor(call), q.provinceCode, this.units);
    return (await this.rounds.list(scope)).map((r) => roundView(r, call.asOf));
  }
}
