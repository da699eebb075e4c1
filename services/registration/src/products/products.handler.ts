import { Payload } from '@nestjs/microservices';
import {
  AppError,
  CreateProductCommand,
  ListProductsQuery,
  RegistrationSubjects as S,
  SetProductAttributesCommand,
  type ProductView,
} from '@ocop/contracts';
import { readScopeOf } from '@ocop/auth';
import { findProductSet } from '@ocop/domain';
import { Caller, Handles, RpcController, requireActor, type RpcContext } from '@ocop/messaging';
import { ProducersRepository } from '../producers/producers.repository';
import { CreateProductUseCase } from './create-product.use-case';
import { SetProductAttributesUseCase } from './set-product-attributes.use-case';
import { ProductsRepository } from './products.repository';
import type { Product } from './product.entity';

const productView = (p: Product): ProductView => ({
  ...p,
  productGroup: findProductSet(p.productSetCode)?.group ?? '',
  createdAt: p.createdAt.toISOString(),
});

/** The NATS edge of products (a producer's, read within the caller's scope of producers). */
@RpcController()
export class ProductsHandler {
  constructor(
    private readonly producers: ProducersRepository,
    private readonly products: ProductsRepository,
    private readonly createProduct: CreateProductUseCase,
    private readonly setAttributes: SetProductAttributesUseCase,
  ) {}

  @Handles(S.productSetAttributes)
  async attributes(@Payload() c: SetProductAttributesCommand, @Caller() call: RpcContext): Promise<ProductView> {
    return productView(await this.setAttributes.execute(requireActor(call), c));
  }

  @Handles(S.productCreate)
  async create(@Payload() c: CreateProductCommand, @Caller() call: RpcContext): Promise<ProductView> {
    return productView(await this.createProduct.execute(requireActor(call), c));
  }

  @Handles(S.productList)
  async list(@Payload() q: ListProductsQuery, @Caller() call: RpcContext): Promise<ProductView[]> {
    const p = await this.producers.get(readScopeOf(requireActor(call)), q.producerId);
    if (!p) throw AppError.notFound('PRODUCER_NOT_FOUND', 'no such producer');
    return (await this.products.listOfProducer(p.id)).map(productView);
  }
}
