import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Tx } from '@ocop/persistence';
import { validAt } from '../certificates/certificates.repository';
import { ChannelCopy, ClassCopy, Fact, InspectionFact, ProducerCopy, ProductCopy } from './fact.entity';

/** The copies of producers, products and classes, and the counted facts: each written once, whatever the redeliveries. */
@Injectable()
export class FactsRepository {
  constructor(private readonly ds: DataSource) {}

  async addProducer(tx: Tx, p: ProducerCopy): Promise<void> {
    await tx.createQueryBuilder().insert().into(ProducerCopy).values(p).orIgnore().execute();
  }

  /** A registered product enters the copy without priority categories (its attributes come with their own event). */
  async addProduct(tx: Tx, p: Pick<ProductCopy, 'productId' | 'producerId' | 'name' | 'productSetCode' | 'registeredAt'>): Promise<void> {
    await tx.createQueryBuilder().insert().into(ProductCopy).values(p).orIgnore().execute();
  }

  /** A product's priority categories become these, unless the copy holds later ones. */
  async setAttributes(
    tx: Tx,
    productId: string,
    a: Pick<ProductCopy, 'processingLevel' | 'gift' | 'export' | 'communityTourism' | 'greenValueChain'>,
    at: Date,
  ): Promise<void> {
    await tx
      .createQueryBuilder()
      .update(ProductCopy)
      .set({ ...a, attributesAt: at })
      .where('product_id = :productId AND (attributes_at IS NULL OR attributes_at <= :at)', { productId, at })
      .execute();
  }

  /** Of a unit's producers holding a valid certificate at `at`, how many have a product made in a green value chain. */
  async greenShare(provinceCode: string, districtCode: string | null, at: Date): Promise<{ producers: number; green: number }> {
    const [r]: { producers: string; green: string }[] = await this.ds.query(
      `SELECT count(DISTINCT c.producer_id) AS producers,
              count(DISTINCT c.producer_id) FILTER (WHERE EXISTS (
                SELECT 1 FROM programme.product_copy p WHERE p.producer_id = c.producer_id AND p.green_value_chain)) AS green
         FROM programme.certificate c
        WHERE c.province_code = $1 AND ($2::text IS NULL OR c.district_code = $2) AND c.stars >= 3 AND ${validAt('c', 3)}`,
      [provinceCode, districtCode, at],
    );
    return { producers: Number(r!.producers), green: Number(r!.green) };
  }

  /** A channel becomes as announced, unless the copy holds a later announcement. */
  async setChannel(tx: Tx, c: ChannelCopy): Promise<void> {
    await tx.query(
      `INSERT INTO programme.channel_copy (channel_id, producer_id, province_code, district_code, kind, status, since, ended_on, changed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (channel_id) DO UPDATE SET status = EXCLUDED.status, ended_on = EXCLUDED.ended_on, changed_at = EXCLUDED.changed_at
        WHERE programme.channel_copy.changed_at <= EXCLUDED.changed_at`,
      [c.channelId, c.producerId, c.provinceCode, c.districtCode, c.kind, c.status, c.since, c.endedOn, c.changedAt],
    );
  }

  /** Of a unit's producers holding a valid certificate at `at`, how many sell through a checked modern-retail channel that day. */
  async modernRetailShare(
    provinceCode: string,
    districtCode: string | null,
    at: Date,
    day: string,
  ): Promise<{ producers: number; selling: number }> {
    const [r]: { producers: string; selling: string }[] = await this.ds.query(
      `SELECT count(DISTINCT c.producer_id) AS producers,
              count(DISTINCT c.producer_id) FILTER (WHERE EXISTS (
                SELECT 1 FROM programme.channel_copy s WHERE s.producer_id = c.producer_id AND s.kind = 'MODERN_RETAIL'
                   AND s.status = 'CHECKED' AND s.since <= $4::date AND (s.ended_on IS NULL OR s.ended_on > $4::date))) AS selling
         FROM programme.certificate c
        WHERE c.province_code = $1 AND ($2::text IS NULL OR c.district_code = $2) AND c.stars >= 3 AND ${validAt('c', 3)}`,
      [provinceCode, districtCode, at, day],
    );
    return { producers: Number(r!.producers), selling: Number(r!.selling) };
  }

  async addClass(tx: Tx, c: ClassCopy): Promise<void> {
    await tx.createQueryBuilder().insert().into(ClassCopy).values(c).orIgnore().execute();
  }

  producer(producerId: string): Promise<ProducerCopy | null> {
    return this.ds.manager.findOneBy(ProducerCopy, { producerId });
  }

  classOf(tx: Tx, classId: string): Promise<ClassCopy | null> {
    return tx.findOneBy(ClassCopy, { classId });
  }

  async addInspection(tx: Tx, f: InspectionFact): Promise<void> {
    await tx.createQueryBuilder().insert().into(InspectionFact).values(f).orIgnore().execute();
  }

  /** Inspection facts of a kind in [from, to), about certificates of a province (a district's producers', if given). */
  async countInspections(kind: string, provinceCode: string, districtCode: string | null, from: Date, to: Date): Promise<number> {
    const [r]: { n: string }[] = await this.ds.query(
      `SELECT count(*) AS n FROM programme.inspection_fact f JOIN programme.certificate c ON c.certificate_id = f.certificate_id
        WHERE f.kind = $1 AND c.province_code = $2 AND ($3::text IS NULL OR c.district_code = $3) AND f.at >= $4 AND f.at < $5`,
      [kind, provinceCode, districtCode, from, to],
    );
    return Number(r!.n);
  }

  /** A province's registered products per product set, and how many of them hold a valid certificate at `at`. */
  async productsBySet(provinceCode: string, at: Date): Promise<{ productSetCode: string; products: number; certified: number }[]> {
    const rows: { product_set_code: string; products: string; certified: string }[] = await this.ds.query(
      `SELECT p.product_set_code, count(*) AS products,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM programme.certificate c WHERE c.product_id = p.product_id
                                               AND c.stars >= 3 AND ${validAt('c', 2)})) AS certified
         FROM programme.product_copy p JOIN programme.producer_copy r ON r.producer_id = p.producer_id
        WHERE r.province_code = $1 AND p.registered_at <= $2
        GROUP BY 1 ORDER BY 1`,
      [provinceCode, at],
    );
    return rows.map((r) => ({ productSetCode: r.product_set_code, products: Number(r.products), certified: Number(r.certified) }));
  }

  async add(tx: Tx, f: Fact): Promise<void> {
    await tx.createQueryBuilder().insert().into(Fact).values(f).orIgnore().execute();
  }

  /** Facts of a kind in a province (a district's, if given) at or after `from` and before `to`. */
  async count(kind: string, provinceCode: string, districtCode: string | null, from: Date, to: Date): Promise<number> {
    const [r]: { n: string }[] = await this.ds.query(
      `SELECT count(*) AS n FROM programme.fact
        WHERE kind = $1 AND province_code = $2 AND ($3::text IS NULL OR district_code = $3) AND at >= $4 AND at < $5`,
      [kind, provinceCode, districtCode, from, to],
    );
    return Number(r!.n);
  }

  /** Which of these products the copy knows, with their producer's province. */
  async productsIn(productIds: string[]): Promise<{ productId: string; provinceCode: string }[]> {
    if (!productIds.length) return [];
    const rows: { product_id: string; province_code: string }[] = await this.ds.query(
      `SELECT p.product_id, r.province_code FROM programme.product_copy p
         JOIN programme.producer_copy r ON r.producer_id = p.producer_id
        WHERE p.product_id = ANY($1::uuid[])`,
      [productIds],
    );
    return rows.map((r) => ({ productId: r.product_id, provinceCode: r.province_code }));
  }

  /** The province's registered products as of `asOf` (registered on or after `since`, if given), for the national export. */
  async products(
    provinceCode: string,
    since: Date | null,
    asOf: Date,
  ): Promise<
    {
      productId: string;
      name: string;
      productSetCode: string;
      producerId: string;
      producerName: string;
      communeCode: string;
      provinceCode: string;
      registeredAt: Date;
    }[]
  > {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT p.product_id, p.name, p.product_set_code, p.producer_id, r.name AS producer_name, r.commune_code, r.province_code, p.registered_at
         FROM programme.product_copy p JOIN programme.producer_copy r ON r.producer_id = p.producer_id
        WHERE r.province_code = $1 AND p.registered_at <= $2 AND ($3::timestamptz IS NULL OR p.registered_at >= $3)
        ORDER BY p.registered_at, p.product_id`,
      [provinceCode, asOf, since],
    );
    return rows.map((r) => ({
      productId: r.product_id as string,
      name: r.name as string,
      productSetCode: r.product_set_code as string,
      producerId: r.producer_id as string,
      producerName: r.producer_name as string,
      communeCode: r.commune_code as string,
      provinceCode: r.province_code as string,
      registeredAt: r.registered_at as Date,
    }));
  }
}
