import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, type Actor, type AttachEvidenceCommand, type EvidenceView } from '@ocop/contracts';
import { writeAudit } from '@ocop/persistence';
import { TasksRepository } from './tasks.repository';
import { openTaskOrThrow, taskWorkScopeOf } from './task.policy';

/** Evidence the gateway stored for an open task (by its assigned inspector or the office). */
@Injectable()
export class AttachEvidenceUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly tasks: TasksRepository,
  ) {}

  async execute(actor: Actor, c: AttachEvidenceCommand, asOf: Date): Promise<EvidenceView> {
    await this.ds.transaction(async (tx) => {
      openTaskOrThrow(c.taskId, await this.tasks.getForWork(tx, taskWorkScopeOf(actor), c.taskId));
      if (!c.storageKey.startsWith(`inspection/tasks/${c.taskId}/`))
        throw AppError.validation('EVIDENCE_KEY_MISMATCH', 'the evidence was stored for another task', 'storageKey');
      await this.tasks.insertEvidence(tx, {
        storageKey: c.storageKey,
        taskId: c.taskId,
        fileName: c.fileName,
        contentType: c.contentType,
        size: c.size,
        sha256: c.sha256,
        uploadedBy: actor.username,
        uploadedAt: asOf,
      });
      await writeAudit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        action: 'task.attach-evidence',
        entityType: 'task',
        entityId: c.taskId,
        details: { storageKey: c.storageKey, sha256: c.sha256 },
      });
    });
    return {
      storageKey: c.storageKey,
      taskId: c.taskId,
      fileName: c.fileName,
      contentType: c.contentType,
      size: c.size,
      sha256: c.sha256,
      uploadedAt: asOf.toISOString(),
    };
  }
}
