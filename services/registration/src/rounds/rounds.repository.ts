import { Injectable } from '@nestjs/common';
import { DataSource, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import type { Tx } from '@ocop/persistence';
import type { ReadScope } from '@ocop/auth';
import { EvaluationRound } from './round.entity';

/** Rounds belong to a province: a list covers one province or, for a national admin, all of them. */
export type RoundScope = Extract<ReadScope, { kind: 'all' } | { kind: 'province' }>;

@Injectable()
export class RoundsRepository {
  constructor(private readonly ds: DataSource) {}

  /** The rounds inside the scope: one province's, or every province's. */
  list(scope: RoundScope): Promise<EvaluationRound[]> {
    return this.ds.getRepository(EvaluationRound).find({
      where: scope.kind === 'all' ? {} : { provinceCode: scope.provinceCode },
      order: { provinceCode: 'ASC', cycleYear: 'DESC', number: 'DESC' },
    });
  }

  findOfProvince(provinceCode: string, id: string, tx?: Tx): Promise<EvaluationRound | null> {
    return (tx ?? this.ds.manager).findOneBy(EvaluationRound, { id, provinceCode });
  }

  /** The round of the province open on that Vietnam calendar day, if any. */
  openOn(provinceCode: string, day: string, tx?: Tx): Promise<EvaluationRound | null> {
    return (tx ?? this.ds.manager).findOne(EvaluationRound, {
      where: { provinceCode, opensOn: LessThanOrEqual(day), closesOn: MoreThanOrEqual(day) },
      order: { opensOn: 'DESC' },
    });
  }

  exists(tx: Tx, provinceCode: string, cycleYear: number, number: number): Promise<boolean> {
    return tx.existsBy(EvaluationRound, { provinceCode, cycleYear, number });
  }

  async insert(tx: Tx, r: EvaluationRound): Promise<void> {
    await tx.insert(EvaluationRound, r);
  }
}
