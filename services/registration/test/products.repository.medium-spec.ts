import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createTestEnv, type TestEnv } from '@ocop/testing';
import { ProductsRepository } from '../src/products/products.repository';
import type { Product } from '../src/products/product.entity';
import type { Producer } from '../src/producers/producer.entity';
import { insertDossier, insertPlace, insertProducer, insertProduct, openRegistrationDb } from './support/registration-db';

/** The product lock that serialises filing a re-evaluation with opening its invitation. */
describe('ProductsRepository.lock', () => {
  let env: TestEnv;
  let ds: DataSource;
  let repo: ProductsRepository;
  let producer: Producer;
  let product: Product;

  beforeAll(async () => {
    env = await createTestEnv();
    ds = await openRegistrationDb(env);
    repo = new ProductsRepository(ds);
    await ds.transaction(async (tx) => {
      producer = await insertProducer(tx, await insertPlace(tx));
      product = await insertProduct(tx, producer);
    });
  });

  afterAll(async () => {
    await ds?.destroy();
    await env?.cleanup();
  });

  it('is false for an unknown product', async () => {
    expect(await ds.transaction((tx) => repo.lock(tx, randomUUID()))).toBe(false);
  });

  it('makes a second lock wait, and lets rows that only reference the product be inserted meanwhile', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const holder = ds.transaction(async (tx) => {
      expect(await repo.lock(tx, product.id)).toBe(true);
      locked();
      await held;
    });
    await isLocked;
    try {
      await expect(
        ds.transaction(async (tx) => {
          await tx.query(`SET LOCAL lock_timeout = '300ms'`);
          await repo.lock(tx, product.id);
        }),
      ).rejects.toThrow(/lock timeout/);
      // FOR NO KEY UPDATE: a dossier referencing the product (FOR KEY SHARE on it) is not blocked.
      await ds.transaction(async (tx) => {
        await tx.query(`SET LOCAL lock_timeout = '300ms'`);
        await insertDossier(tx, product, producer);
      });
    } finally {
      release();
      await holder;
    }
  });
});
