import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Actor, type DossierEventData, type EventPayload, type EventType } from '@ocop/contracts';
import { DossierAction, DossierStatus, nextDossierStatus } from '@ocop/domain';
import { EventOutbox } from '@ocop/messaging';
import { writeAudit, type Tx } from '@ocop/persistence';
import { currentContext } from '@ocop/observability';
import { Dossier } from './dossier.entity';
import { DossiersRepository } from './dossiers.repository';
import { readScopeOf } from '@ocop/auth';

/** The event types whose payload is a dossier's (the registry's `DossierEventData` and what extends it). */
export type DossierEventType = { [K in EventType]: EventPayload<K> extends DossierEventData ? K : never }[EventType];

/** What an event of this type carries besides the dossier's own fields (the workflow fills those in). */
export type DossierEventExtra<T extends DossierEventType> = Omit<EventPayload<T>, keyof DossierEventData>;

export interface TransitionSpec<T extends DossierEventType> {
  action: DossierAction;
  event: T;
  /** Rule checks and field changes, inside the transaction, before the status changes; returns the event's own fields. */
  apply?: (d: Dossier, tx: Tx) => Promise<DossierEventExtra<T>>;
  /** What follows the change in the same transaction, after its audit record and event (further events of the dossier). */
  after?: (d: Dossier, tx: Tx) => Promise<void>;
}

/**
 * The one way a dossier changes status: lock it in the actor's scope (roles are the edge's, from the RPC registry), ask the state machine, save,
 * and write the audit record and the domain event in the same transaction.
 */
@Injectable()
export class DossierWorkflow {
  constructor(
    private readonly ds: DataSource,
    private readonly dossiers: DossiersRepository,
    private readonly outbox: EventOutbox,
  ) {}

  /** Runs in its own transaction, or in `outer` (event consumers: the inbox row commits with the change). */
  async transition<T extends DossierEventType>(actor: Actor, dossierId: string, spec: TransitionSpec<T>, outer?: Tx): Promise<Dossier> {
    const run = async (tx: Tx): Promise<Dossier> => {
      const d = await this.dossiers.getForUpdate(tx, readScopeOf(actor), dossierId);
      const from = d.status as DossierStatus;
      const to = nextDossierStatus(from, spec.action);
      const extra = (await spec.apply?.(d, tx)) ?? ({} as DossierEventExtra<T>);
      d.status = to;
      const saved = await this.dossiers.save(tx, d);
      await this.record(tx, actor, saved, spec.action, { from, to, ...extra }, spec.event, extra);
      await spec.after?.(saved, tx);
      return saved;
    };
    return outer ? run(outer) : this.ds.transaction(run);
  }

  /** Audit + event for any change of a dossier (also used on creation). */
  async record<T extends DossierEventType>(
    tx: Tx,
    actor: Actor,
    d: Dossier,
    action: string,
    audit: Record<string, unknown>,
    eventType: T,
    eventExtra: DossierEventExtra<T>,
  ): Promise<void> {
    await writeAudit(tx, {
      actorId: actor.id,
      actorRole: actor.role,
      action: `dossier.${action.toLowerCase()}`,
      entityType: 'dossier',
      entityId: d.id,
      details: audit,
      correlationId: currentContext()?.correlationId,
    });
    const base: DossierEventData = {
      dossierId: d.id,
      dossierCode: d.code,
      productId: d.productId,
      producerId: d.producerId,
      status: d.status,
      communeCode: d.communeCode,
      provinceCode: d.provinceCode,
    };
    // The dossier's fields and the event's own make its payload (TypeScript cannot see through the spread of a generic Omit).
    await this.outbox.enqueueEvent(tx, eventType, d.id, { ...base, ...eventExtra } as unknown as EventPayload<T>);
  }
}
