import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  AppError,
  Role,
  TradePromotionEvents as E,
  type Actor,
  type RegisterSalesPointCommand,
  type SalesPointView,
} from '@ocop/contracts';
import { addMonthsClamped } from '@ocop/domain';
import { EventOutbox, UserDirectory } from '@ocop/messaging';
import { writeAudit } from '@ocop/persistence';
import type { TradePromotionConfig } from '../config/trade-promotion.config';
import { TRADE_PROMOTION_CONFIG } from '../trade-promotion.tokens';
import { organiserProvince } from '../access/promotion-access.policy';
import { SalesPoint } from './sales-point.entity';
import { SalesPointsRepository } from './sales-points.repository';
import { salesPointView } from './sales-point.view';

/** Who may be named a point's operator: a producer running its shop, or an office or agency that runs one. */
const OPERATOR_ROLES = [Role.PRODUCER, Role.COMMUNE_OFFICER, Role.DISTRICT_OFFICER, Role.PROVINCE_OFFICE, Role.AGENCY_OFFICER];

/**
 * An organiser registers an OCOP introduction and sales point (950/QĐ-BCT): a new one, or an existing one brought to
 * the standard (its upgrade recorded), with the selection criteria applied. Support received starts the operating
 * obligation (SALES_POINT_OBLIGATION_MONTHS from the day it was received).
 */
@Injectable()
export class RegisterSalesPointUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly points: SalesPointsRepository,
    private readonly outbox: EventOutbox,
    private readonly users: UserDirectory,
    @Inject(TRADE_PROMOTION_CONFIG) private readonly config: TradePromotionConfig,
  ) {}

  async execute(actor: Actor, c: RegisterSalesPointCommand, asOf: Date): Promise<SalesPointView> {
    const provinceCode = organiserProvince(actor, this.config);
    if (c.level === 'DISTRICT' && !c.districtCode)
      throw AppError.validation('DISTRICT_REQUIRED', "a district's sales point names its district", 'districtCode');
    if (c.level !== 'DISTRICT' && c.districtCode)
      throw AppError.validation('DISTRICT_NOT_EXPECTED', 'only a district-level point names a district', 'districtCode');
    if ((c.latitude === undefined) !== (c.longitude === undefined))
      throw AppError.validation(
        'POSITION_INCOMPLETE',
        'a map position has both latitude and longitude',
        c.latitude === undefined ? 'latitude' : 'longitude',
      );
    if (c.supportReceivedOn && c.supportReceivedOn < c.openedOn && !c.upgrade)
      throw AppError.validation(
        'SUPPORT_BEFORE_OPENING',
        'support for a new point is received on or after its opening',
        'supportReceivedOn',
      );
    if (c.operatorUserId)
      await this.users.require(actor, [{ userId: c.operatorUserId, field: 'operatorUserId', roles: OPERATOR_ROLES, provinceCode }]);
    const obligationEndsOn = c.supportReceivedOn
      ? addMonthsClamped(new Date(`${c.supportReceivedOn}T00:00:00Z`), this.config.obligationMonths)
          .toISOString()
          .slice(0, 10)
      : null;
    const point: SalesPoint = Object.assign(new SalesPoint(), {
      id: randomUUID(),
      provinceCode,
      name: c.name,
      locationType: c.locationType,
      level: c.level,
      districtCode: c.districtCode ?? null,
      operatorName: c.operatorName,
      operatorUserId: c.operatorUserId ?? null,
      address: c.address,
      latitude: c.latitude === undefined ? null : String(c.latitude),
      longitude: c.longitude === undefined ? null : String(c.longitude),
      openedOn: c.openedOn,
      fundingSource: c.fundingSource ?? null,
      supportVnd: c.supportVnd === undefined ? null : String(c.supportVnd),
      supportReceivedOn: c.supportReceivedOn ?? null,
      obligationEndsOn,
      upgradedOn: c.upgrade?.upgradedOn ?? null,
      upgradedFromVi: c.upgrade?.fromVi ?? null,
      criteria: c.criteria.map((x) => ({ code: x.code, labelVi: x.labelVi, met: x.met, ...(x.note ? { note: x.note } : {}) })),
      createdById: actor.id,
      createdBy: actor.username,
      createdAt: asOf,
    });
    await this.ds.transaction(async (tx) => {
      await this.points.insert(tx, point);
      await this.outbox.enqueueEvent(tx, E.salesPointRegistered, point.id, {
        salesPointId: point.id,
        provinceCode,
        level: point.level,
        locationType: point.locationType,
        districtCode: point.districtCode,
        openedOn: point.openedOn,
        upgraded: point.upgradedOn !== null,
      });
      await writeAudit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        action: 'sales-point.register',
        entityType: 'sales_point',
        entityId: point.id,
        details: {
          name: point.name,
          level: point.level,
          locationType: point.locationType,
          obligationEndsOn,
          upgraded: point.upgradedOn !== null,
        },
      });
    });
    return salesPointView((await this.points.get(point.id))!, []);
  }
}
