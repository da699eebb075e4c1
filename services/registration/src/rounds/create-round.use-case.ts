import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, type Actor, type CreateRoundCommand } from '@ocop/contracts';
import { writeAudit } from '@ocop/persistence';
import { currentContext } from '@ocop/observability';
import { EvaluationRound } from './round.entity';
import { RoundsRepository } from './rounds.repository';
import { UnitsRepository } from '../units/units.repository';
import { roundProvince } from './round-province.policy';

const isDay = (s: string) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** The standing office opens the rounds of its province's cycle year. */
@Injectable()
export class CreateRoundUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly rounds: RoundsRepository,
    private readonly units: UnitsRepository,
  ) {}

  async execute(actor: Actor, cmd: CreateRoundCommand): Promise<EvaluationRound> {
    const provinceCode = await roundProvince(actor, cmd.provinceCode, this.units);
    if (!isDay(cmd.opensOn)) throw AppError.validation('VALIDATION_FAILED', 'opensOn is not a calendar date', 'opensOn');
    if (!isDay(cmd.closesOn)) throw AppError.validation('VALIDATION_FAILED', 'closesOn is not a calendar date', 'closesOn');
    if (cmd.closesOn < cmd.opensOn) throw AppError.validation('ROUND_DATES_INVALID', 'closesOn is before opensOn', 'closesOn');
    return this.ds.transaction(async (tx) => {
      if (await this.rounds.exists(tx, provinceCode, cmd.cycleYear, cmd.number)) {
        throw AppError.conflict('ROUND_DUPLICATE', `round ${cmd.number} of ${cmd.cycleYear} exists`, 'number');
      }
      const r = Object.assign(new EvaluationRound(), { id: randomUUID(), ...cmd, provinceCode });
      await this.rounds.insert(tx, r);
      await writeAudit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        action: 'round.open',
        entityType: 'evaluation_round',
        entityId: r.id,
        details: { ...cmd },
        correlationId: currentContext()?.correlationId,
      });
      return r;
    });
  }
}
