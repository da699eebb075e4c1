import { Injectable } from '@nestjs/common';
import type { Actor, TaskView } from '@ocop/contracts';
import { TasksRepository, type TaskListFilter } from './tasks.repository';
import { taskListScopeOf } from './task.policy';

/** Inspectors see the tasks assigned to them; the office and agency staff see the province's. */
@Injectable()
export class ListTasksQuery {
  constructor(private readonly tasks: TasksRepository) {}

  execute(actor: Actor, q: TaskListFilter): Promise<TaskView[]> {
    return this.tasks.list(taskListScopeOf(actor), q);
  }
}
