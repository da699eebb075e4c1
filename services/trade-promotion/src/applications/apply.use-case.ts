import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  AppError,
  RegistrationSubjects,
  Role,
  type Actor,
  type ApplicationView,
  type ApplyCommand,
  type ProducerView,
} from '@ocop/contracts';
import { RpcClient } from '@ocop/messaging';
import { writeAudit } from '@ocop/persistence';
import { ProductEligibility } from '../products/product-eligibility.policy';
import { PromotionEventsRepository } from '../events/promotion-events.repository';
import type { PromotionEvent } from '../events/promotion-event.entity';
import { Application } from './application.entity';
import { ApplicationProduct } from './application-product.entity';
import { ApplicationsRepository } from './applications.repository';
import { applicationView } from './application.view';

/** Whether the event takes applications at `at`. */
function assertOpen(event: PromotionEvent, at: Date): void {
  if (event.status !== 'SCHEDULED' || at < event.applicationOpensAt || at >= event.applicationClosesAt)
    throw AppError.conflict(
      'APPLICATION_WINDOW_CLOSED',
      `the event takes applications from ${event.applicationOpensAt.toISOString()} to ${event.applicationClosesAt.toISOString()}${event.status === 'SCHEDULED' ? '' : ` (it is ${event.status})`}`,
    );
}

/**
 * A producer applies to an event with the products it wants to show; its commune or district office may apply for it.
 * What each product may be shown as is ProductEligibility's rule, with the categories the event accepts.
 */
@Injectable()
export class ApplyUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly events: PromotionEventsRepository,
    private readonly applications: ApplicationsRepository,
    private readonly eligibility: ProductEligibility,
    private readonly rpc: RpcClient,
  ) {}

  async execute(actor: Actor, c: ApplyCommand, asOf: Date): Promise<ApplicationView> {
    if (actor.role === Role.PRODUCER && actor.scope.producerId !== c.producerId)
      throw AppError.forbidden('NOT_YOUR_PRODUCER', 'a producer applies for itself only', 'producerId');
    // Registration answers in the caller's scope: a producer outside it is not found.
    const producer = await this.rpc.request<ProducerView>(RegistrationSubjects.producerGet, { id: c.producerId }, { actor });
    const event = await this.events.get(c.eventId);
    if (!event || event.provinceCode !== producer.provinceCode) throw AppError.notFound('EVENT_NOT_FOUND', 'no such event');
    assertOpen(event, asOf);
    const shown = await this.eligibility.resolve(
      actor,
      c.producerId,
      c.products,
      event.categories,
      asOf,
      (i, key) => `products.${i}.${key}`,
    );
    const appId = randomUUID();
    const products = shown.map((x) =>
      Object.assign(new ApplicationProduct(), { ...x, applicationId: appId, status: 'ACTIVE', withdrawnReason: null, withdrawnAt: null }),
    );
    const app: Application = Object.assign(new Application(), {
      id: appId,
      eventId: event.id,
      producerId: producer.id,
      producerName: producer.name,
      provinceCode: producer.provinceCode,
      districtCode: producer.districtCode,
      communeCode: producer.communeCode,
      status: 'APPLIED',
      position: null,
      reasons: [],
      appliedById: actor.id,
      appliedBy: actor.username,
      appliedAt: asOf,
      decidedAt: null,
      confirmedAt: null,
      withdrawnAt: null,
      withdrawnReason: null,
      withdrawnCause: null,
    });
    await this.ds.transaction(async (tx) => {
      // Serialised with the selection: an application either counts in it or is refused.
      assertOpen((await this.events.lock(tx, event.id))!, asOf);
      await this.applications.insert(tx, app, products);
      await writeAudit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        action: 'application.create',
        entityType: 'application',
        entityId: app.id,
        details: {
          eventId: event.id,
          producerId: app.producerId,
          products: products.map((p) => ({ productId: p.productId, category: p.category })),
        },
      });
    });
    return applicationView({ ...app, products });
  }
}
