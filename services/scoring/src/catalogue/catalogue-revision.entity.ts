import { Check, Column, CreateDateColumn, Entity, PrimaryColumn, Unique } from 'typeorm';

/** One stored revision of a criteria catalogue (the document as an operator wrote it). Never updated: a change is a new revision. */
@Entity({ name: 'catalogue_revision' })
@Unique('catalogue_revision_uq', ['code', 'revision'])
@Check('catalogue_revision_status_check', `status IN ('PROVISIONAL','FINAL')`)
export class CatalogueRevision {
  @PrimaryColumn('uuid') id: string;
  @Column('text') code: string;
  @Column('int') revision: number;
  @Column({ name: 'title_vi', type: 'text' }) titleVi: string;
  @Column({ name: 'legal_versions', type: 'text', array: true }) legalVersions: string[];
  @Column('text') status: string;
  @Column('jsonb') document: Record<string, unknown>;
  @Column('text') checksum: string;
  @Column('text') source: string;
  @Column({ name: 'created_by', type: 'text' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
