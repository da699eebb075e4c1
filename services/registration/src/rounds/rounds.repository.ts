import { Injectable } from '@nestjs/common';
import { DataSource, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import type { Tx } from '@ocop/persistence';
import { EvaluationRound } from './round.entity';

@Injectable()
export class RoundsRepository {
  constructor(private readonly ds: DataSource) {}

  /** One province's rounds, or every province's (`'*'`, a national admin). */
  listOfProvince(provinceCode: string): Promise<EvaluationRound[]> {
    return this.ds.getRepository(EvaluationRound).find({
      where: provinceCode === '*' ? {} : { provinceCode },
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
