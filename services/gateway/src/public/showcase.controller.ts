import { Controller, Get, Header, Inject, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  CatalogueProductView,
  PublicProductsQuery,
  RegistrationSubjects,
  SYSTEM_ACTOR,
  TradePromotionSubjects as S,
  type UnitView,
} from '@ocop/contracts';
import { Public } from '@ocop/auth';
import { RpcClient } from '@ocop/messaging';
import { currentContext } from '@ocop/observability';
import { ApiProblems } from '../http/api-problems.decorator';
import { SHOWCASE_CACHE } from '../gateway.tokens';
import type { ShowcaseCache } from './showcase.cache';
import { renderShowcasePage } from './showcase.page';

/** No login: the catalogue of the province's OCOP products, as JSON and as a page in Vietnamese. */
@ApiTags('public trade promotion (no login)')
@ApiProblems()
@Controller()
export class ShowcaseController {
  /** District names (reference data registration only adds to), for the page. */
  private districts?: Promise<Map<string, string>>;

  constructor(
    @Inject(RpcClient) private readonly rpc: RpcClient,
    @Inject(SHOWCASE_CACHE) private readonly cache: ShowcaseCache,
  ) {}

  private products(q: PublicProductsQuery): Promise<CatalogueProductView[]> {
    const key = JSON.stringify([q.provinceCode, q.districtCode, q.productGroup, q.stars, q.limit, q.offset, currentContext()?.asOf ?? '']);
    return this.cache.get(key, () => this.rpc.request<CatalogueProductView[]>(S.publicProducts, q));
  }

  @Get('public/ocop-products')
  @Public()
  @ApiOkResponse({ type: [CatalogueProductView] })
  @Header('cache-control', 'no-store')
  json(@Query() q: PublicProductsQuery): Promise<CatalogueProductView[]> {
    return this.products(q);
  }

  @Get('showcase')
  @Public()
  @ApiProduces('text/html')
  @Header('cache-control', 'no-store')
  async page(@Query() q: PublicProductsQuery, @Res() reply: FastifyReply): Promise<void> {
    const limit = q.limit ?? 100;
    const offset = q.offset ?? 0;
    const products = await this.products({ ...q, limit: limit + 1, offset });
    this.districts ??= this.rpc
      .request<UnitView[]>(RegistrationSubjects.unitsList, { level: 'DISTRICT' }, { actor: SYSTEM_ACTOR })
      .then((units) => new Map(units.map((u) => [u.code, u.name])))
      .catch((err: unknown) => {
        this.districts = undefined;
        throw err;
      });
    const names = await this.districts;
    const link = (o: number) => {
      const p = new URLSearchParams();
      for (const [k, v] of Object.entries({ ...q, limit, offset: o })) if (v !== undefined) p.set(k, String(v));
      return `/showcase?${p.toString()}`;
    };
    const filters = [
      q.districtCode ? (names.get(q.districtCode) ?? `Đơn vị ${q.districtCode}`) : '',
      q.stars ? `${q.stars} sao` : '',
    ].filter(Boolean);
    await reply.type('text/html; charset=utf-8').send(
      renderShowcasePage(products.slice(0, limit), {
        districtName: (code) => (code ? (names.get(code) ?? `Đơn vị ${code}`) : ''),
        previous: offset > 0 ? link(Math.max(0, offset - limit)) : null,
        next: products.length > limit ? link(offset + limit) : null,
        filters: filters.join(' · '),
      }),
    );
  }
}
