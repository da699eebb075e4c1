import { Injectable } from '@nestjs/common';
import type { CatalogueProductView, PublicProductsQuery as Query } from '@ocop/contracts';
import { PRODUCT_GROUPS, vietnamDay } from '@ocop/domain';
import { ApplicationsRepository } from '../applications/applications.repository';
import { CertificatesRepository } from '../certificates/certificates.repository';
import { SalesChannelsRepository } from '../sales-channels/sales-channels.repository';
import { ShelvesRepository } from '../sales-points/shelves.repository';

const GROUP_VI = new Map<string, string>(PRODUCT_GROUPS.map((g) => [g.code, g.nameVi]));

/**
 * No login: a page of the province's products certified at the instant (by the producer's district, product group and
 * stars), each with its certificate's verification page, the sales points that carry it, its producer's checked
 * modern-retail and e-commerce channels, and the coming events where it is shown. Only what a certificate makes public
 * (product, producer, stars, validity) and what the platform publishes anyway (points, events, checked shops).
 */
@Injectable()
export class PublicProductsQuery {
  constructor(
    private readonly certificates: CertificatesRepository,
    private readonly shelves: ShelvesRepository,
    private readonly channels: SalesChannelsRepository,
    private readonly applications: ApplicationsRepository,
  ) {}

  async execute(q: Query, asOf: Date): Promise<CatalogueProductView[]> {
    const page = await this.certificates.catalogue(q, asOf);
    const productIds = page.map((c) => c.productId);
    const [points, shops, events] = await Promise.all([
      this.shelves.pointsOf(productIds),
      this.channels.currentChecked([...new Set(page.map((c) => c.producerId))], vietnamDay(asOf)),
      this.applications.upcomingEventsOf(productIds, asOf),
    ]);
    return page.map((c) => ({
      productName: c.productName,
      producerName: c.producerName,
      productGroup: c.productGroup ?? '',
      productGroupVi: GROUP_VI.get(c.productGroup ?? '') ?? '',
      productSetCode: c.productSetCode,
      stars: c.stars,
      districtCode: c.producerDistrictCode,
      certificateCode: c.code,
      verifyUrl: `/verify/${c.code}`,
      validTo: c.validTo.toISOString(),
      salesPoints: points.filter((p) => p.productId === c.productId).map(({ id, name, address }) => ({ id, name, address })),
      shops: shops.filter((s) => s.producerId === c.producerId && s.kind !== 'EXPORT').map((s) => ({ name: s.name, url: s.url })),
      upcomingEvents: events
        .filter((e) => e.productId === c.productId)
        .map((e) => ({ id: e.eventId, title: e.title, startsAt: new Date(e.startsAt).toISOString() })),
    }));
  }
}
