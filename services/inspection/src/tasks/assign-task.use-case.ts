import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, Role, type Actor, type TaskView } from '@ocop/contracts';
import { UserDirectory } from '@ocop/messaging';
import { writeAudit } from '@ocop/persistence';
import { SYSTEM_SCOPE, provinceScopeOf } from '../province-scope.policy';
import { TasksRepository } from './tasks.repository';

const notFound = (taskId: string): AppError => AppError.notFound('TASK_NOT_FOUND', `no open task ${taskId} in your province`);

/** The office assigns (or reassigns) an open task to an inspector of the campaign's province. */
@Injectable()
export class AssignTaskUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly tasks: TasksRepository,
    private readonly users: UserDirectory,
  ) {}

  async execute(actor: Actor, taskId: string, inspectorUserId: string): Promise<TaskView> {
    const scope = provinceScopeOf(actor);
    const provinceCode = await this.tasks.campaignProvinceOf(scope, taskId);
    if (!provinceCode) throw notFound(taskId);
    await this.users.require(actor, [{ userId: inspectorUserId, field: 'inspectorUserId', roles: [Role.INSPECTOR], provinceCode }]);
    await this.ds.transaction(async (tx) => {
      if (!(await this.tasks.assignIfOpen(tx, scope, taskId, inspectorUserId))) throw notFound(taskId);
      await writeAudit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        action: 'task.assign',
        entityType: 'task',
        entityId: taskId,
        details: { inspectorUserId },
      });
    });
    return (await this.tasks.view(SYSTEM_SCOPE, taskId)) as TaskView;
  }
}
