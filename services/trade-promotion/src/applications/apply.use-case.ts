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
  type ProductView,
} from '@ocop/contracts';
import { RpcClient } from '@ocop/messaging';
import { writeAudit } from '@ocop/persistence';
import { CertificatesRepository } from '../certificates/certificates.repository';
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
 * A product shown as OCOP must hold a valid 3★–5★ certificate (from certification's events, never the producer's word);
 * another category must be one the event allows, and a product of the producer's (registration's register).
 */
@Injectable()
export class ApplyUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly events: PromotionEventsRepository,
    private readonly applications: ApplicationsRepository,
    private readonly certificates: CertificatesRepository,
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
    const seen = new Set<string>();
    c.products.forEach((p, i) => {
      if (seen.has(p.productId)) throw AppError.validation('PRODUCT_DUPLICATE', 'each product is listed once', `products.${i}.productId`);
      seen.add(p.productId);
      if (!event.categories.includes(p.category ?? 'OCOP'))
        throw AppError.validation(
          'CATEGORY_NOT_ALLOWED',
          `the event accepts ${event.categories.join(', ')} products, not ${p.category ?? 'OCOP'}`,
          `products.${i}.category`,
        );
    });
    const certified = await this.certificates.validByProduct(
      this.ds.manager,
      c.producerId,
      c.products.filter((p) => (p.category ?? 'OCOP') === 'OCOP').map((p) => p.productId),
      asOf,
    );
    const registered = c.products.some((p) => (p.category ?? 'OCOP') !== 'OCOP')
      ? await this.rpc.request<ProductView[]>(RegistrationSubjects.productList, { producerId: c.producerId }, { actor })
      : [];
    const appId = randomUUID();
    const products = c.products.map((p, i) => {
      const category = p.category ?? 'OCOP';
      const row = Object.assign(new ApplicationProduct(), { applicationId: appId, productId: p.productId, category, status: 'ACTIVE' });
      if (category === 'OCOP') {
        const cert = certified.get(p.productId);
        if (!cert)
          throw AppError.rule(
            'PRODUCT_NOT_CERTIFIED',
            `product ${p.productId} of this producer has no OCOP certificate of 3 to 5 stars valid on ${asOf.toISOString()} (revoked, expired or never issued); it may be shown only in another category the event allows`,
            `products.${i}.productId`,
          );
        return Object.assign(row, {
          productName: cert.productName,
          certificateId: cert.certificateId,
          certificateCode: cert.code,
          stars: cert.stars,
          withdrawnReason: null,
          withdrawnAt: null,
        });
      }
      const product = registered.find((x) => x.id === p.productId);
      if (!product) throw AppError.notFound('PRODUCT_NOT_FOUND', 'no such product of this producer', `products.${i}.productId`);
      return Object.assign(row, {
        productName: product.name,
        certificateId: null,
        certificateCode: null,
        stars: null,
        withdrawnReason: null,
        withdrawnAt: null,
      });
    });
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
