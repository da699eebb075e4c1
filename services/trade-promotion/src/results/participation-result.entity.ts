import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import type { ContractDto } from '@ocop/contracts';
import { Application } from '../applications/application.entity';

/** What one participant reported of an event: sales, contracts, and for a livestream viewers and orders. */
@Entity({ name: 'participation_result' })
@Check('participation_result_sales_check', `sales_vnd >= 0`)
@Check('participation_result_contracts_check', `contracts_value_vnd >= 0`)
@Index('participation_result_event_idx', ['eventId'])
export class ParticipationResult {
  @ForeignKey(() => Application, { name: 'participation_result_application_fk' })
  @PrimaryColumn({ name: 'application_id', type: 'uuid' })
  applicationId: string;
  @Column({ name: 'event_id', type: 'uuid' }) eventId: string;
  /** bigint: pg returns it as text. */
  @Column({ name: 'sales_vnd', type: 'bigint' }) salesVnd: string;
  @Column('jsonb') contracts: ContractDto[];
  @Column({ name: 'contracts_value_vnd', type: 'bigint' }) contractsValueVnd: string;
  @Column({ type: 'int', nullable: true }) viewers: number | null;
  @Column({ type: 'int', nullable: true }) orders: number | null;
  @Column({ name: 'reported_by', type: 'text' }) reportedBy: string;
  @Column({ name: 'reported_at', type: 'timestamptz' }) reportedAt: Date;
  @Column('int') revision: number;
}
