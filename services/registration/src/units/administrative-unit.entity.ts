import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/** Province → district (optional after the 2025 reform) → commune, with official codes. */
@Entity({ name: 'administrative_unit' })
@Check('administrative_unit_level_check', `level IN ('PROVINCE','DISTRICT','COMMUNE')`)
@Index('administrative_unit_parent_idx', ['parentCode'])
export class AdministrativeUnit {
  @PrimaryColumn('text') code: string;
  @Column('text') level: 'PROVINCE' | 'DISTRICT' | 'COMMUNE';
  @Column('text') name: string;
  @Column({ name: 'parent_code', type: 'text', nullable: true })
  @ForeignKey(() => AdministrativeUnit, { name: 'administrative_unit_parent_code_fkey' })
  parentCode: string | null;
  @Column({ name: 'province_code', type: 'text' }) provinceCode: string;
  @Column({ name: 'district_code', type: 'text', nullable: true }) districtCode: string | null;
}
