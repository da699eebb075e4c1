import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import {
  AppError,
  RegistrationEvents,
  Role,
  type Actor,
  type AskGuidanceCommand,
  type GuidanceMessageCommand,
  type GuidanceThreadView,
} from '@ocop/contracts';
import { isTerminalDossierStatus, type DossierStatus } from '@ocop/domain';
import { readScopeOf } from '@ocop/auth';
import { DossiersRepository } from '../dossiers/dossiers.repository';
import { DossierWorkflow } from '../dossiers/dossier.workflow';
import { REGISTRATION_CONFIG } from '../registration.tokens';
import type { RegistrationConfig } from '../config/registration.config';
import { GuidanceMessage, GuidanceThread } from './guidance.entity';
import { GuidanceRepository } from './guidance.repository';
import { guidanceView } from './guidance.view';
import { agencyServiceActor } from '../agency/agency-actor';

const DAY_MS = 24 * 3600 * 1000;

/** Who writes in a thread: a user through the API, or the agency's own service on its NATS subject. */
export type GuidanceAuthor = { via: 'HTTP'; actor: Actor } | { via: 'NATS'; agencyCode: string };

/**
 * A producer (its own dossier) or its commune asks an agency about one part of a dossier, from the draft until the
 * dossier's end; due `GUIDANCE_ANSWER_DAYS` later. Audited, announced (`registration.guidance-requested.v1`, which the
 * agency's service hears) and on the timeline.
 */
@Injectable()
export class AskGuidanceUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly dossiers: DossiersRepository,
    private readonly guidance: GuidanceRepository,
    private readonly workflow: DossierWorkflow,
    @Inject(REGISTRATION_CONFIG) private readonly config: RegistrationConfig,
  ) {}

  async execute(actor: Actor, c: AskGuidanceCommand, asOf: Date): Promise<GuidanceThreadView> {
    return this.ds.transaction(async (tx) => {
      const d = await this.dossiers.getForUpdate(tx, readScopeOf(actor), c.dossierId);
      if (isTerminalDossierStatus(d.status as DossierStatus))
        throw AppError.rule('GUIDANCE_DOSSIER_CLOSED', `dossier ${d.code} is ${d.status}: guidance is asked while it is in progress`);
      const t = Object.assign(new GuidanceThread(), {
        id: randomUUID(),
        dossierId: d.id,
        provinceCode: d.provinceCode,
        agencyCode: c.agencyCode,
        topic: c.topic,
        status: 'OPEN' as const,
        askedBy: actor.id,
        askedAt: asOf,
        dueAt: new Date(asOf.getTime() + this.config.guidanceAnswerDays * DAY_MS),
        remindedAt: null,
        escalatedAt: null,
        answeredAt: null,
      });
      const m = Object.assign(new GuidanceMessage(), {
        id: randomUUID(),
        threadId: t.id,
        side: 'ASKER' as const,
        authorId: actor.id,
        via: 'HTTP' as const,
        text: c.text,
        reference: null,
        at: asOf,
      });
      await this.guidance.insertThread(tx, t);
      await this.guidance.insertMessage(tx, m);
      await this.workflow.record(
        tx,
        actor,
        d,
        'GUIDANCE_REQUEST',
        { threadId: t.id, agencyCode: t.agencyCode, topic: t.topic },
        RegistrationEvents.guidanceRequested,
        {
          threadId: t.id,
          agencyCode: t.agencyCode,
          topic: t.topic,
          question: c.text,
          dueAt: t.dueAt.toISOString(),
        },
      );
      return guidanceView(t, d, [m]);
    });
  }
}

/**
 * A message in a thread: the agency's answer (its officer, or its service; the first answers the question and stops
 * its reminders) or the asker's follow-up. A message with a reference the thread has already is taken once (a retry).
 */
@Injectable()
export class PostGuidanceMessageUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly dossiers: DossiersRepository,
    private readonly guidance: GuidanceRepository,
    private readonly workflow: DossierWorkflow,
  ) {}

  async execute(author: GuidanceAuthor, c: GuidanceMessageCommand, asOf: Date): Promise<GuidanceThreadView> {
    return this.ds.transaction(async (tx) => {
      const t = await this.guidance.threadForUpdate(tx, c.threadId);
      const notFound = AppError.notFound('GUIDANCE_THREAD_NOT_FOUND', 'no such guidance thread');
      if (!t) throw notFound;
      let side: 'ASKER' | 'AGENCY';
      let actor: Actor;
      if (author.via === 'NATS') {
        if (author.agencyCode !== t.agencyCode) throw notFound; // another agency's thread does not exist for it
        side = 'AGENCY';
        actor = agencyServiceActor(t.agencyCode, t.provinceCode);
      } else if (author.actor.role === Role.AGENCY_OFFICER) {
        if (author.actor.scope.agencyCode !== t.agencyCode || author.actor.scope.provinceCode !== t.provinceCode) throw notFound;
        side = 'AGENCY';
        actor = author.actor;
      } else {
        if (!(await this.dossiers.get(readScopeOf(author.actor), t.dossierId, tx))) throw notFound;
        side = 'ASKER';
        actor = author.actor;
      }
      const d = (await this.dossiers.getForSystem(t.dossierId, tx))!;
      const m = Object.assign(new GuidanceMessage(), {
        id: randomUUID(),
        threadId: t.id,
        side,
        authorId: actor.id,
        via: author.via,
        text: c.text,
        reference: c.reference ?? null,
        at: asOf,
      });
      if (await this.guidance.insertMessage(tx, m)) {
        if (side === 'AGENCY' && t.status === 'OPEN') {
          t.status = 'ANSWERED';
          t.answeredAt = asOf;
          await this.guidance.saveThread(tx, t);
        }
        await this.workflow.record(
          tx,
          actor,
          d,
          'GUIDANCE_MESSAGE',
          { threadId: t.id, side, via: author.via },
          RegistrationEvents.guidanceMessagePosted,
          {
            threadId: t.id,
            messageId: m.id,
            agencyCode: t.agencyCode,
            topic: t.topic,
            side,
            via: author.via,
            text: c.text,
            at: asOf.toISOString(),
          },
        );
      }
      return guidanceView(t, d, await this.guidance.messagesOf([t.id], tx));
    });
  }
}
