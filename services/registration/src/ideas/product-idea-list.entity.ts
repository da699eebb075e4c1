import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';

/** A district's list of feasible product ideas for a programme year, sent to the province once. */
@Entity({ name: 'product_idea_list' })
@Unique('product_idea_list_uq', ['districtCode', 'year'])
@Index('product_idea_list_province_idx', ['provinceCode', 'year'])
export class ProductIdeaList {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'province_code', type: 'text' }) provinceCode: string;
  @Column({ name: 'district_code', type: 'text' }) districtCode: string;
  @Column('int') year: number;
  @Column({ name: 'sent_at', type: 'timestamptz' }) sentAt: Date;
  @Column({ name: 'sent_by', type: 'text' }) sentBy: string;
}
