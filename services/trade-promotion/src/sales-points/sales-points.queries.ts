import { Injectable } from '@nestjs/common';
import {
  AppError,
  type Actor,
  type ListSalesPointsQuery,
  type PublicSalesPointView,
  type PublicSalesPointsQuery,
  type SalesPointView,
} from '@ocop/contracts';
import { spansAllProvinces } from '@ocop/auth';
import { SALES_POINT_LOCATION_VI } from '@ocop/domain';
import { eventReadable } from '../access/promotion-access.policy';
import { SalesPointsRepository } from './sales-points.repository';
import { ShelvesRepository } from './shelves.repository';
import { salesPointView } from './sales-point.view';

/** The province's sales points with their shelves; and, with no login, where to buy its OCOP products. */
@Injectable()
export class SalesPointsQueries {
  constructor(
    private readonly points: SalesPointsRepository,
    private readonly shelves: ShelvesRepository,
  ) {}

  async list(actor: Actor, q: ListSalesPointsQuery): Promise<SalesPointView[]> {
    const points = await this.points.list(spansAllProvinces(actor) ? null : actor.scope.provinceCode, q);
    const shelves = await this.shelves.ofPoints(points.map((p) => p.id));
    return points.map((p) => salesPointView(p, shelves.get(p.id)!));
  }

  async get(actor: Actor, id: string): Promise<SalesPointView> {
    const point = await this.points.get(id);
    if (!point || !eventReadable(actor, point)) throw AppError.notFound('SALES_POINT_NOT_FOUND', 'no such sales point');
    return salesPointView(point, (await this.shelves.ofPoints([id])).get(id)!);
  }

  /** Public: each point with the OCOP products on its shelf (a certificate's public facts only). */
  async publicList(q: PublicSalesPointsQuery): Promise<PublicSalesPointView[]> {
    const points = await this.points.list(q.provinceCode ?? null, q);
    const shelves = await this.shelves.ofPoints(points.map((p) => p.id));
    return points.map((p) => ({
      id: p.id,
      name: p.name,
      locationTypeVi: SALES_POINT_LOCATION_VI[p.locationType] ?? p.locationType,
      level: p.level,
      address: p.address,
      latitude: p.latitude === null ? null : Number(p.latitude),
      longitude: p.longitude === null ? null : Number(p.longitude),
      products: shelves
        .get(p.id)!
        .filter((i) => i.status === 'ACTIVE' && i.category === 'OCOP' && i.certificateCode)
        .map((i) => ({
          productName: i.productName,
          producerName: i.producerName,
          stars: i.stars!,
          certificateCode: i.certificateCode!,
          verifyUrl: `/verify/${i.certificateCode}`,
        })),
    }));
  }
}
