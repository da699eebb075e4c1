import { Payload } from '@nestjs/microservices';
import {
  AppError,
  CreateProducerCommand,
  GetProducerQuery,
  ListProducersQuery,
  RegistrationSubjects as S,
  type ProducerView,
} from '@ocop/contracts';
import { readScopeOf } from '@ocop/auth';
import { Caller, Handles, RpcController, requireActor, type RpcContext } from '@ocop/messaging';
import { CreateProducerUseCase } from './create-producer.use-case';
import { ProducersRepository } from './producers.repository';
import type { Producer } from './producer.entity';

const producerView = (p: Producer): ProducerView => ({ ...p, createdAt: p.createdAt.toISOString() });

/** The NATS edge of producers. */
@RpcController()
export class ProducersHandler {
  constructor(
    private readonly producers: ProducersRepository,
    private readonly createProducer: CreateProducerUseCase,
  ) {}

  @Handles(S.producerCreate)
  async create(@Payload() c: CreateProducerCommand, @Caller() call: RpcContext): Promise<ProducerView> {
    return producerView(await this.createProducer.execute(requireActor(call), c));
  }

  @Handles(S.producerGet)
  async get(@Payload() q: GetProducerQuery, @Caller() call: RpcContext): Promise<ProducerView> {
    const p = await this.producers.get(readScopeOf(requireActor(call)), q.id);
    if (!p) throw AppError.notFound('PRODUCER_NOT_FOUND', 'no such producer');
    return producerView(p);
  }

  @Handles(S.producerList)
  async list(@Payload() q: ListProducersQuery, @Caller() call: RpcContext): Promise<ProducerView[]> {
    return (await this.producers.list(readScopeOf(requireActor(call)), q)).map(producerView);
  }
}
