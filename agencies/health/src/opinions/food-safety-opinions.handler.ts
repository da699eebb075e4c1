import { Injectable } from '@nestjs/common';
import { OnPlatformEvent, type EventEnvelope, type OpinionRequestedData } from '@ocop/agency-sdk';
import { GiveFoodSafetyOpinionUseCase } from './give-food-safety-opinion/give-food-safety-opinion.use-case';

/** The bus edge: every opinion request reaches the use case, which decides whether it is the Department's to answer. */
@Injectable()
export class FoodSafetyOpinionsHandler {
  constructor(private readonly giveOpinion: GiveFoodSafetyOpinionUseCase) {}

  /** Durable consumer `agency-<CODE>-registration_opinion-requested_v1` (the platform's name for the type in operator mode). */
  @OnPlatformEvent('registration.opinion-requested.v1')
  async onOpinionRequested(data: OpinionRequestedData, envelope: EventEnvelope<OpinionRequestedData>): Promise<void> {
    await this.giveOpinion.execute(data, envelope);
  }
}
