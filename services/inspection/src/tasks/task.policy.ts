import { AppError, Role, type Actor } from '@ocop/contracts';
import { provinceInScope, provinceScopeOf, type ProvinceScope } from '../province-scope.policy';
import { isOffice } from '../campaigns/campaign-planning.policy';

/**
 * Which tasks a reader reaches: a province's (by its campaign or certificate), those assigned to one
 * inspector, or — for the standing office working on a task — its own assignments and its province's.
 */
export type TaskScope =
  ProvinceScope | { kind: 'assigned'; userId: string } | { kind: 'assigned-or-province'; userId: string; province: ProvinceScope };

/** What a task list is filtered by (its certificate's province, or the assignee). */
export type TaskListScope = Exclude<TaskScope, { kind: 'assigned-or-province' }>;

/** Who works on a task (evidence, completion): its assignee, or the standing office of its campaign's province. */
export function taskWorkScopeOf(actor: Actor): TaskScope {
  return isOffice(actor)
    ? { kind: 'assigned-or-province', userId: actor.id, province: provinceScopeOf(actor) }
    : { kind: 'assigned', userId: actor.id };
}

/** Inspectors list the tasks assigned to them; the office and agency staff the province's. */
export function taskListScopeOf(actor: Actor): TaskListScope {
  return actor.role === Role.INSPECTOR ? { kind: 'assigned', userId: actor.id } : provinceScopeOf(actor);
}

export function taskInScope(scope: TaskScope, t: { assigneeUserId: string | null; provinceCode: string }): boolean {
  switch (scope.kind) {
    case 'all':
    case 'province':
      return provinceInScope(scope, t.provinceCode);
    case 'assigned':
      return t.assigneeUserId === scope.userId;
    case 'assigned-or-province':
      return t.assigneeUserId === scope.userId || provinceInScope(scope.province, t.provinceCode);
  }
}

/** The task worked on must exist for the actor (else 404) and be open (else 409). */
export function openTaskOrThrow<T extends { status: string }>(taskId: string, t: T | null): T {
  if (!t) throw AppError.notFound('TASK_NOT_FOUND', `no task ${taskId} assigned to you`);
  if (t.status !== 'OPEN') throw AppError.conflict('TASK_NOT_OPEN', `task ${taskId} is ${t.status}`);
  return t;
}
