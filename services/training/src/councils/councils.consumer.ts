import { Inject } from '@nestjs/common';
import { Ctx } from '@nestjs/microservices';
import { ScoringEvents, ScoringSubjects, SYSTEM_ACTOR, type CouncilCreatedData, type CouncilView } from '@ocop/contracts';
import { EventContext, OnEvent, PrepareEvent, RpcClient, RpcController, type EventConsumerSpec } from '@ocop/messaging';
import type { TrainingConfig } from '../config/training.config';
import { TRAINING_CONFIG } from '../training.tokens';
import { CouncilWarning } from './council-warning.entity';
import { CouncilWarningsRepository } from './council-warnings.repository';

const COUNCILS: EventConsumerSpec = { name: 'councils', concurrency: 1 };

/**
 * A council created (TRAINING_COUNCIL_WARNINGS=true; off by default): each member who has not completed a council
 * training class is shown to the office as a warning, once. Nothing is blocked: seating is scoring's decision.
 */
@RpcController()
export class CouncilsConsumer {
  constructor(
    private readonly warnings: CouncilWarningsRepository,
    private readonly rpc: RpcClient,
    @Inject(TRAINING_CONFIG) private readonly config: TrainingConfig,
  ) {}

  /** The council's members, from scoring (a system read, before the inbox transaction). */
  @PrepareEvent(COUNCILS, ScoringEvents.councilCreated)
  members(@Ctx() ctx: EventContext): Promise<CouncilView | null> {
    if (!this.config.councilWarnings) return Promise.resolve(null);
    return this.rpc.request<CouncilView>(
      ScoringSubjects.councilGet,
      { councilId: (ctx.event.data as CouncilCreatedData).councilId },
      { actor: SYSTEM_ACTOR },
    );
  }

  @OnEvent(COUNCILS, ScoringEvents.councilCreated)
  async created(@Ctx() ctx: EventContext<CouncilView | null>): Promise<void> {
    const council = ctx.prepared;
    if (!council) return;
    const trained = await this.warnings.trained(
      ctx.tx,
      council.members.map((m) => m.userId),
    );
    const at = new Date(ctx.event.time);
    await this.warnings.insertIfAbsent(
      ctx.tx,
      council.members
        .filter((m) => !trained.has(m.userId))
        .map((m) =>
          Object.assign(new CouncilWarning(), {
            councilId: council.id,
            userId: m.userId,
            provinceCode: council.provinceCode,
            councilName: council.name,
            fullName: m.fullName,
            role: m.role,
            createdAt: at,
          }),
        ),
    );
  }
}
