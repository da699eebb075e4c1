import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Numbering per authority and year (decisions, certificate numbers): no gaps, one row lock per counter. */
@Entity({ name: 'counter' })
export class NumberCounter {
  @PrimaryColumn('text') kind: string;
  @PrimaryColumn({ name: 'authority_unit_code', type: 'text' }) authorityUnitCode: string;
  @PrimaryColumn('int') year: number;
  @Column('int') last: number;
}
