import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { AdministrativeUnit } from '../units/administrative-unit.entity';

/** A chủ thể OCOP: the enterprise, cooperative, cooperative group or household business behind products. */
@Entity({ name: 'producer' })
@Index('producer_commune_idx', ['communeCode'])
export class Producer {
  @PrimaryColumn('uuid') id: string;
  @Column('text') type: string;
  @Column('text') name: string;
  @Column({ name: 'business_registration_number', type: 'text', unique: true }) businessRegistrationNumber: string;
  @Column({ name: 'representative_name', type: 'text' }) representativeName: string;
  @Column('text') phone: string;
  @Column('text', { nullable: true }) email: string | null;
  @Column('text') address: string;
  @Column({ name: 'province_code', type: 'text' }) provinceCode: string;
  @Column({ name: 'district_code', type: 'text', nullable: true }) districtCode: string | null;
  @Column({ name: 'commune_code', type: 'text' })
  @ForeignKey(() => AdministrativeUnit, { name: 'producer_commune_code_fkey' })
  communeCode: string;
  @Column({ name: 'woman_led', type: 'boolean' }) womanLed: boolean;
  @Column({ name: 'ethnic_minority', type: 'boolean' }) ethnicMinority: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
