import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last sample number given in a province and year (sample codes MAU-<province>-<year>-<n>). */
@Entity({ name: 'sample_counter' })
export class SampleCounter {
  @PrimaryColumn({ name: 'province_code', type: 'text' }) provinceCode: string;
  @PrimaryColumn('int') year: number;
  @Column('int') last: number;
}
