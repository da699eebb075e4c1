import { Check, Column, Entity, PrimaryColumn, Unique } from 'typeorm';

/** An evaluation round (đợt) of a province's cycle year. */
@Entity({ name: 'evaluation_round' })
@Check('evaluation_round_check', 'closes_on >= opens_on')
@Unique('evaluation_round_uq', ['provinceCode', 'cycleYear', 'number'])
export class EvaluationRound {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'province_code', type: 'text' }) provinceCode: string;
  @Column({ name: 'cycle_year', type: 'int' }) cycleYear: number;
  @Column('int') number: number;
  @Column('text') name: string;
  @Column({ name: 'opens_on', type: 'date' }) opensOn: string;
  @Column({ name: 'closes_on', type: 'date' }) closesOn: string;
}
