import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  AppError,
  DEFAULT_PAGE,
  Role,
  type Actor,
  type CraftVillageView,
  type CreateCraftVillageCommand,
  type ListCraftVillagesQuery,
  type SetVillageProductsCommand,
} from '@ocop/contracts';
import { coversProvince, spansAllProvinces } from '@ocop/auth';
import { writeActorAudit } from '@ocop/persistence';
import { now } from '@ocop/observability';
import { FactsRepository } from '../facts/facts.repository';
import { PlanUnits } from '../plans/plan-units';
import { CraftVillage } from './craft-village.entity';
import { CraftVillagesRepository } from './craft-villages.repository';

const notFound = () => AppError.notFound('CRAFT_VILLAGE_NOT_FOUND', 'no such craft village');

/**
 * The register of craft villages (issue 17): the office enters each recognised village of its province's districts and
 * links the registered products made there; a village "has an OCOP product" while one of them holds a valid
 * certificate. District officers read their district's.
 */
@Injectable()
export class CraftVillagesUseCases {
  constructor(
    private readonly ds: DataSource,
    private readonly villages: CraftVillagesRepository,
    private readonly facts: FactsRepository,
    private readonly units: PlanUnits,
  ) {}

  async create(actor: Actor, c: CreateCraftVillageCommand, asOf: Date): Promise<CraftVillageView> {
    const district = await this.units.unit(actor, 'DISTRICT', c.districtCode, 'districtCode');
    if (actor.role === Role.DISTRICT_OFFICER || !coversProvince(actor, district.provinceCode))
      throw AppError.forbidden('SCOPE_FORBIDDEN', `${actor.username} may not keep the craft villages of ${district.name}`);
    const v = Object.assign(new CraftVillage(), {
      id: randomUUID(),
      provinceCode: district.provinceCode,
      districtCode: c.districtCode,
      communeCode: c.communeCode ?? null,
      name: c.name.trim(),
      traditional: c.traditional,
      trades: c.trades,
      recognitionReference: c.recognitionReference ?? null,
      recognisedOn: c.recognisedOn ?? null,
      createdBy: actor.id,
      createdAt: now(),
    });
    await this.ds.transaction(async (tx) => {
      if (!(await this.villages.insert(tx, v)))
        throw AppError.conflict('CRAFT_VILLAGE_EXISTS', `${district.name} has a craft village named ${v.name} already`, 'name');
      await writeActorAudit(tx, actor, 'craft-village.create', 'craft_village', v.id, { name: v.name, districtCode: v.districtCode });
    });
    return (await this.views([v], asOf))[0]!;
  }

  async list(actor: Actor, q: ListCraftVillagesQuery, asOf: Date): Promise<CraftVillageView[]> {
    const district = actor.role === Role.DISTRICT_OFFICER ? (actor.scope.districtCode ?? '-') : q.districtCode;
    if (actor.role === Role.DISTRICT_OFFICER && q.districtCode && q.districtCode !== district) return [];
    const rows = await this.villages.list(
      spansAllProvinces(actor) ? undefined : actor.scope.provinceCode,
      district,
      q.limit ?? DEFAULT_PAGE.limit,
      q.offset ?? DEFAULT_PAGE.offset,
    );
    return this.views(rows, asOf);
  }

  /** The village's products become these: registered products of producers in its province (400 naming the first other). */
  async setProducts(actor: Actor, c: SetVillageProductsCommand, asOf: Date): Promise<CraftVillageView> {
    const v = await this.villages.village(c.villageId);
    if (!v || !coversProvince(actor, v.provinceCode)) throw notFound();
    const ids = [...new Set(c.productIds)];
    const known = new Map((await this.facts.productsIn(ids)).map((p) => [p.productId, p.provinceCode]));
    const bad = ids.findIndex((id) => known.get(id) !== v.provinceCode);
    if (bad >= 0)
      throw AppError.validation(
        'PRODUCT_UNKNOWN',
        `${ids[bad]} is not a registered product of province ${v.provinceCode}`,
        `productIds.${c.productIds.indexOf(ids[bad]!)}`,
      );
    await this.ds.transaction(async (tx) => {
      await this.villages.setProducts(tx, v.id, ids);
      await writeActorAudit(tx, actor, 'craft-village.products', 'craft_village', v.id, { productIds: ids });
    });
    return (await this.views([v], asOf))[0]!;
  }

  private async views(villages: CraftVillage[], asOf: Date): Promise<CraftVillageView[]> {
    const ids = villages.map((v) => v.id);
    const products = await this.villages.productsOf(ids);
    const withProduct = await this.villages.withOcopProduct(ids, asOf);
    return villages.map((v) => ({
      id: v.id,
      provinceCode: v.provinceCode,
      districtCode: v.districtCode,
      communeCode: v.communeCode,
      name: v.name,
      traditional: v.traditional,
      trades: v.trades,
      recognitionReference: v.recognitionReference,
      recognisedOn: v.recognisedOn,
      productIds: products.filter((p) => p.villageId === v.id).map((p) => p.productId),
      hasOcopProduct: withProduct.has(v.id),
    }));
  }
}
