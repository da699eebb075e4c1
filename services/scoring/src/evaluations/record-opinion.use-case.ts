import { Injectable } from '@nestjs/common';
import type { EventEnvelope, OpinionGivenData } from '@ocop/contracts';
import type { Tx } from '@ocop/persistence';
import { EvaluationsRepository } from './evaluations.repository';
import { ReceivedOpinion } from './received-opinion.entity';

/** An agency's opinion given on a dossier (`registration.opinion-given.v1`) opens the gate of evaluations that require it. */
@Injectable()
export class RecordOpinionUseCase {
  constructor(private readonly evaluations: EvaluationsRepository) {}

  async execute(event: EventEnvelope, tx: Tx): Promise<void> {
    // Validated by the consumer against OpinionGivenData: ids, the agency, the conclusion and the instant are there.
    const d = event.data as OpinionGivenData;
    await this.evaluations.recordOpinion(
      tx,
      Object.assign(new ReceivedOpinion(), {
        dossierId: d.dossierId,
        agencyCode: d.agencyCode,
        opinionId: d.opinionId,
        conclusion: d.conclusion,
        givenAt: new Date(d.givenAt),
      }),
    );
  }
}
