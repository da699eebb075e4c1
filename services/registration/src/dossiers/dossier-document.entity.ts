import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { Dossier } from './dossier.entity';

/** Metadata of one uploaded file of a dossier; the bytes live in object storage under storageKey. */
@Entity({ name: 'dossier_document' })
@Index('dossier_document_dossier_idx', ['dossierId'])
export class DossierDocument {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'dossier_id', type: 'uuid' })
  @ForeignKey(() => Dossier, { name: 'dossier_document_dossier_id_fkey' })
  dossierId: string;
  @Column('text') type: string;
  @Column({ name: 'file_name', type: 'text' }) fileName: string;
  @Column({ name: 'content_type', type: 'text' }) contentType: string;
  @Column('int') size: number;
  @Column('text') sha256: string;
  @Column({ name: 'storage_key', type: 'text' }) storageKey: string;
  @Column({ name: 'uploaded_by', type: 'text' }) uploadedBy: string;
  @CreateDateColumn({ name: 'uploaded_at', type: 'timestamptz' }) uploadedAt: Date;
}
