import { Payload } from '@nestjs/microservices';
import {
  ListSalesPointsQuery,
  PublicSalesPointsQuery,
  RegisterSalesPointCommand,
  SalesPointIdQuery,
  ShelveProductCommand,
  TradePromotionSubjects as S,
  UnshelveProductCommand,
} from '@ocop/contracts';
import { Caller, Handles, RpcController, requireActor, type RpcContext } from '@ocop/messaging';
import { RegisterSalesPointUseCase } from './register-sales-point.use-case';
import { SalesPointsQueries } from './sales-points.queries';
import { ShelveProductUseCase } from './shelve-product.use-case';
import { UnshelveProductUseCase } from './unshelve-product.use-case';

/** The bus edge of sales points: register, list, read, keep the shelf; the public list. */
@RpcController()
export class SalesPointsHandler {
  constructor(
    private readonly register: RegisterSalesPointUseCase,
    private readonly queries: SalesPointsQueries,
    private readonly shelveProduct: ShelveProductUseCase,
    private readonly unshelveProduct: UnshelveProductUseCase,
  ) {}

  @Handles(S.salesPointRegister)
  create(@Payload() c: RegisterSalesPointCommand, @Caller() call: RpcContext) {
    return this.register.execute(requireActor(call), c, call.asOf);
  }

  @Handles(S.salesPointList)
  list(@Payload() q: ListSalesPointsQuery, @Caller() call: RpcContext) {
    return this.queries.list(requireActor(call), q);
  }

  @Handles(S.salesPointGet)
  get(@Payload() q: SalesPointIdQuery, @Caller() call: RpcContext) {
    return this.queries.get(requireActor(call), q.salesPointId);
  }

  @Handles(S.salesPointShelve)
  shelve(@Payload() c: ShelveProductCommand, @Caller() call: RpcContext) {
    return this.shelveProduct.execute(requireActor(call), c, call.asOf);
  }

  @Handles(S.salesPointUnshelve)
  unshelve(@Payload() c: UnshelveProductCommand, @Caller() call: RpcContext) {
    return this.unshelveProduct.execute(requireActor(call), c, call.asOf);
  }

  @Handles(S.publicSalesPoints)
  publicList(@Payload() q: PublicSalesPointsQuery) {
    return this.queries.publicList(q);
  }
}
