import { Role, type Actor } from '@ocop/contracts';
import type { Tx } from '@ocop/persistence';
import type { DataSource } from 'typeorm';
import type { CreateProductUseCase } from '../products/create-product.use-case';
import type { CreateDossierUseCase } from '../dossiers/create-dossier.use-case';
import { ProductIdea } from './product-idea.entity';
import type { ProductIdeasRepository } from './product-ideas.repository';
import { PickProductIdeaUseCase } from './pick-product-idea.use-case';

jest.mock('@ocop/persistence', () => ({ writeActorAudit: jest.fn(async () => undefined) }));

const office: Actor = { id: 'u-38', username: 'tinh', role: Role.PROVINCE_OFFICE, scope: { provinceCode: '38' } };
const AS_OF = new Date('2025-03-15T02:00:00Z');

const idea = (over: Partial<ProductIdea> = {}): ProductIdea =>
  Object.assign(new ProductIdea(), {
    id: 'i-1',
    provinceCode: '38',
    districtCode: '380',
    communeCode: '14801',
    producerId: 'pr-1',
    year: 2025,
    name: 'Mật ong rừng Như Xuân',
    productSetCode: '04',
    description: null,
    status: 'SENT',
    pickedProductId: null,
    pickedDossierId: null,
    ...over,
  });

function setUp(stored: ProductIdea | null) {
  const tx = { name: 'the one transaction' } as unknown as Tx;
  const ds = { transaction: jest.fn(async (run: (t: Tx) => Promise<unknown>) => run(tx)) };
  const repo = { getForUpdate: jest.fn(async () => stored), save: jest.fn(async (_tx: Tx, i: ProductIdea) => i) };
  const createProduct = { execute: jest.fn(async () => ({ id: 'p-9' })) };
  const createDossier = { execute: jest.fn(async () => ({ id: 'd-9', code: 'HS-2025-000009' })) };
  const useCase = new PickProductIdeaUseCase(
    ds as unknown as DataSource,
    repo as unknown as ProductIdeasRepository,
    createProduct as unknown as CreateProductUseCase,
    createDossier as unknown as CreateDossierUseCase,
  );
  return { useCase, repo, createProduct, createDossier, tx };
}

describe('PickProductIdeaUseCase', () => {
  it('makes the product and its NEW dossier in the same transaction, through their own use cases', async () => {
    const t = setUp(idea());
    const picked = await t.useCase.execute(office, { ideaId: 'i-1' }, AS_OF);
    expect(t.createProduct.execute).toHaveBeenCalledWith(
      office,
      { producerId: 'pr-1', name: 'Mật ong rừng Như Xuân', productSetCode: '04', description: undefined },
      t.tx,
    );
    expect(t.createDossier.execute).toHaveBeenCalledWith(office, { productId: 'p-9', kind: 'NEW' }, AS_OF, t.tx);
    expect(picked).toMatchObject({ status: 'PICKED', pickedProductId: 'p-9', pickedDossierId: 'd-9', decidedAt: AS_OF, decidedBy: 'u-38' });
  });

  it('answers the same product and dossier when picked again, making nothing', async () => {
    const t = setUp(idea({ status: 'PICKED', pickedProductId: 'p-1', pickedDossierId: 'd-1' }));
    expect(await t.useCase.execute(office, { ideaId: 'i-1' }, AS_OF)).toMatchObject({ pickedProductId: 'p-1', pickedDossierId: 'd-1' });
    expect(t.createProduct.execute).not.toHaveBeenCalled();
    expect(t.repo.save).not.toHaveBeenCalled();
  });

  it('refuses an idea not picked, one not sent, and one outside the province', async () => {
    await expect(setUp(idea({ status: 'NOT_PICKED' })).useCase.execute(office, { ideaId: 'i-1' }, AS_OF)).rejects.toMatchObject({
      code: 'IDEA_DECIDED',
    });
    await expect(setUp(idea({ status: 'FEASIBLE' })).useCase.execute(office, { ideaId: 'i-1' }, AS_OF)).rejects.toMatchObject({
      code: 'IDEA_NOT_SENT',
    });
    const outside = setUp(null);
    await expect(outside.useCase.execute(office, { ideaId: 'i-1' }, AS_OF)).rejects.toMatchObject({
      code: 'IDEA_NOT_FOUND',
      kind: 'NOT_FOUND',
    });
    expect(outside.createProduct.execute).not.toHaveBeenCalled();
  });
});
