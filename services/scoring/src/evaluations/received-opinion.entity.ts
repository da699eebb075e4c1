import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An agency's written opinion on a dossier, as registration announced it (`registration.opinion-given.v1`): what opens
 * the gate of an evaluation whose dossier requires that agency's opinion. Kept by dossier, whatever the tier, so an
 * opinion heard before the evaluation opened, or given at the district, still counts.
 */
@Entity({ name: 'received_opinion' })
export class ReceivedOpinion {
  @PrimaryColumn({ name: 'dossier_id', type: 'uuid' }) dossierId: string;
  @PrimaryColumn({ name: 'agency_code', type: 'text' }) agencyCode: string;
  @Column({ name: 'opinion_id', type: 'uuid' }) opinionId: string;
  @Column('text') conclusion: string;
  @Column({ name: 'given_at', type: 'timestamptz' }) givenAt: Date;
}
