import { Check, Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { CatalogueRevision } from '../catalogue/catalogue-revision.entity';
import { Evaluation } from '../evaluations/evaluation.entity';
import { Session } from './session.entity';

/** One dossier on a session's agenda. */
@Entity({ name: 'session_item' })
@Check('session_item_outcome_check', `outcome IN ('COMPLETED','DEFERRED')`)
export class SessionItem {
  @ForeignKey(() => Session, { name: 'session_item_session_id_fkey' })
  @PrimaryColumn({ name: 'session_id', type: 'uuid' })
  sessionId: string;
  @ForeignKey(() => Evaluation, { name: 'session_item_evaluation_id_fkey' })
  @PrimaryColumn({ name: 'evaluation_id', type: 'uuid' })
  evaluationId: string;
  @Column('int') position: number;
  /** The catalogue revision pinned when the dossier joined the agenda: a later replacement does not change this session. */
  @ForeignKey(() => CatalogueRevision, { name: 'session_item_catalogue_revision_id_fkey' })
  @Column({ name: 'catalogue_revision_id', type: 'uuid' })
  catalogueRevisionId: string;
  @Column({ name: 'spread_flagged', type: 'boolean', default: false }) spreadFlagged: boolean;
  @Column({ type: 'text', nullable: true }) outcome: string | null;
}
