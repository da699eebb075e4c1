import { Payload } from '@nestjs/microservices';
import {
  AssessProductIdeaCommand,
  FileProductIdeaCommand,
  ListProductIdeasQuery,
  PickProductIdeaCommand,
  ProductIdeaIdQuery,
  RegistrationSubjects as S,
  RejectProductIdeaCommand,
  SendProductIdeaListCommand,
  type ProductIdeaListView,
  type ProductIdeaView,
} from '@ocop/contracts';
import { Caller, Handles, RpcController, requireActor, type RpcContext } from '@ocop/messaging';
import { AssessProductIdeaUseCase } from './assess-product-idea.use-case';
import { FileProductIdeaUseCase } from './file-product-idea.use-case';
import { PickProductIdeaUseCase } from './pick-product-idea.use-case';
import { RejectProductIdeaUseCase } from './reject-product-idea.use-case';
import { SendProductIdeaListUseCase } from './send-product-idea-list.use-case';
import { ProductIdeaQueries } from './product-ideas.queries';
import { productIdeaListView, productIdeaView } from './product-idea.view';

/** The bus edge of product ideas: filing, the district's assessment and list, the province's pick. */
@RpcController()
export class ProductIdeasHandler {
  constructor(
    private readonly queries: ProductIdeaQueries,
    private readonly fileIdea: FileProductIdeaUseCase,
    private readonly assessIdea: AssessProductIdeaUseCase,
    private readonly sendList: SendProductIdeaListUseCase,
    private readonly pickIdea: PickProductIdeaUseCase,
    private readonly rejectIdea: RejectProductIdeaUseCase,
  ) {}

  @Handles(S.productIdeaFile)
  async file(@Payload() c: FileProductIdeaCommand, @Caller() call: RpcContext): Promise<ProductIdeaView> {
    return productIdeaView(await this.fileIdea.execute(requireActor(call), c, call.asOf));
  }

  @Handles(S.productIdeaGet)
  get(@Payload() q: ProductIdeaIdQuery, @Caller() call: RpcContext): Promise<ProductIdeaView> {
    return this.queries.get(requireActor(call), q.ideaId);
  }

  @Handles(S.productIdeaList)
  list(@Payload() q: ListProductIdeasQuery, @Caller() call: RpcContext): Promise<ProductIdeaView[]> {
    return this.queries.list(requireActor(call), q);
  }

  @Handles(S.productIdeaAssess)
  async assess(@Payload() c: AssessProductIdeaCommand, @Caller() call: RpcContext): Promise<ProductIdeaView> {
    return productIdeaView(await this.assessIdea.execute(requireActor(call), c, call.asOf));
  }

  @Handles(S.productIdeaListSend)
  async send(@Payload() c: SendProductIdeaListCommand, @Caller() call: RpcContext): Promise<ProductIdeaListView> {
    const { list, ideas } = await this.sendList.execute(requireActor(call), c, call.asOf);
    return productIdeaListView(list, ideas);
  }

  @Handles(S.productIdeaPick)
  async pick(@Payload() c: PickProductIdeaCommand, @Caller() call: RpcContext): Promise<ProductIdeaView> {
    return productIdeaView(await this.pickIdea.execute(requireActor(call), c, call.asOf));
  }

  @Handles(S.productIdeaReject)
  async reject(@Payload() c: RejectProductIdeaCommand, @Caller() call: RpcContext): Promise<ProductIdeaView> {
    return productIdeaView(await this.rejectIdea.execute(requireActor(call), c, call.asOf));
  }
}
