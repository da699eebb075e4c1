import { Payload } from '@nestjs/microservices';
import {
  CreateCraftVillageCommand,
  ListCraftVillagesQuery,
  ProgrammeSubjects as S,
  SetVillageProductsCommand,
  type CraftVillageView,
} from '@ocop/contracts';
import { Caller, Handles, RpcController, requireActor, type RpcContext } from '@ocop/messaging';
import { CraftVillagesUseCases } from './craft-villages.use-cases';

/** The bus edge of the craft-village register. */
@RpcController()
export class CraftVillagesHandler {
  constructor(private readonly villages: CraftVillagesUseCases) {}

  @Handles(S.villageCreate)
  create(@Payload() c: CreateCraftVillageCommand, @Caller() call: RpcContext): Promise<CraftVillageView> {
    return this.villages.create(requireActor(call), c, call.asOf);
  }

  @Handles(S.villageList)
  list(@Payload() q: ListCraftVillagesQuery, @Caller() call: RpcContext): Promise<CraftVillageView[]> {
    return this.villages.list(requireActor(call), q, call.asOf);
  }

  @Handles(S.villageSetProducts)
  setProducts(@Payload() c: SetVillageProductsCommand, @Caller() call: RpcContext): Promise<CraftVillageView> {
    return this.villages.setProducts(requireActor(call), c, call.asOf);
  }
}
