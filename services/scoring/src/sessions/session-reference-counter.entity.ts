import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last session reference number given out per unit and cycle year (`<unitCode>-<year>`). */
@Entity({ name: 'session_reference_counter' })
export class SessionReferenceCounter {
  @PrimaryColumn('text') scope: string;
  @Column({ name: 'last_number', type: 'int' }) lastNumber: number;
}
