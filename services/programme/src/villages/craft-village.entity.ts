import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/** A craft village (làng nghề) as recognised, in a district of the province. */
@Entity({ name: 'craft_village' })
@Index('craft_village_name_uq', ['provinceCode', 'districtCode', 'name'], { unique: true })
export class CraftVillage {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'province_code', type: 'text' }) provinceCode: string;
  @Column({ name: 'district_code', type: 'text' }) districtCode: string;
  @Column({ name: 'commune_code', type: 'text', nullable: true }) communeCode: string | null;
  @Column('text') name: string;
  @Column('boolean') traditional: boolean;
  @Column('text') trades: string;
  @Column({ name: 'recognition_reference', type: 'text', nullable: true }) recognitionReference: string | null;
  @Column({ name: 'recognised_on', type: 'date', nullable: true }) recognisedOn: string | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** A product made in a craft village. */
@Entity({ name: 'craft_village_product' })
@Index('craft_village_product_product_idx', ['productId'])
export class CraftVillageProduct {
  @PrimaryColumn({ name: 'village_id', type: 'uuid' })
  @ForeignKey(() => CraftVillage, { name: 'craft_village_product_village_id_fkey' })
  villageId: string;
  @PrimaryColumn({ name: 'product_id', type: 'uuid' }) productId: string;
}
