import { Injectable } from '@nestjs/common';
import { CertificationEvents as C, type EventEnvelope } from '@ocop/contracts';
import type { Tx } from '@ocop/persistence';
import { AddToPoolUseCase } from './add-to-pool.use-case';
import { ChangePoolStatusUseCase } from './change-pool-status.use-case';

/** The certificates campaigns select from, kept from certification's events (one handler per event type). */
@Injectable()
export class CertificatePoolConsumer {
  constructor(
    private readonly add: AddToPoolUseCase,
    private readonly change: ChangePoolStatusUseCase,
  ) {}

  handlers(): Record<string, (e: EventEnvelope, tx: Tx) => Promise<void>> {
    return {
      [C.certificateIssued]: (e, tx) => this.add.execute(e, tx),
      [C.certificateExpiring]: (e, tx) => this.change.execute(e, tx, 'EXPIRING'),
      [C.certificateSuperseded]: (e, tx) => this.change.execute(e, tx, 'SUPERSEDED'),
      [C.certificateExpired]: (e, tx) => this.change.execute(e, tx, 'EXPIRED'),
      [C.certificateRevoked]: (e, tx) => this.change.execute(e, tx, 'REVOKED'),
    };
  }
}
