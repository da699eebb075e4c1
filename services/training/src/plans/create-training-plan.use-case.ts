import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor, CreateTrainingPlanCommand, TrainingPlanView } from '@ocop/contracts';
import { writeAudit } from '@ocop/persistence';
import { organiserScope } from '../access/training-access.policy';
import { TrainingPlan } from './training-plan.entity';
import { TrainingPlansRepository } from './training-plans.repository';

/** A unit plans its year for a target group: the standing office the province's, a district office its district's. */
@Injectable()
export class CreateTrainingPlanUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly plans: TrainingPlansRepository,
  ) {}

  async execute(actor: Actor, c: CreateTrainingPlanCommand, asOf: Date): Promise<TrainingPlanView> {
    const scope = organiserScope(actor);
    const plan = Object.assign(new TrainingPlan(), {
      id: randomUUID(),
      provinceCode: scope.provinceCode,
      unitCode: scope.districtCode ?? scope.provinceCode,
      year: c.year,
      targetGroup: c.targetGroup,
      classesPlanned: c.classesPlanned,
      placesPlanned: c.placesPlanned ?? null,
      coverageTargetPercent: c.coverageTargetPercent ?? null,
      reference: c.reference ?? null,
      createdBy: actor.username,
      createdAt: asOf,
    });
    await this.ds.transaction(async (tx) => {
      await this.plans.insert(tx, plan);
      await writeAudit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        action: 'training-plan.create',
        entityType: 'training_plan',
        entityId: plan.id,
        details: { unitCode: plan.unitCode, year: plan.year, targetGroup: plan.targetGroup, classesPlanned: plan.classesPlanned },
      });
    });
    return {
      id: plan.id,
      unitCode: plan.unitCode,
      year: plan.year,
      targetGroup: plan.targetGroup,
      classesPlanned: plan.classesPlanned,
      placesPlanned: plan.placesPlanned,
      coverageTargetPercent: plan.coverageTargetPercent,
      reference: plan.reference,
      createdAt: asOf.toISOString(),
    };
  }
}
