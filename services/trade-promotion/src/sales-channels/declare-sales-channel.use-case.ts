import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  AppError,
  RegistrationSubjects,
  Role,
  type Actor,
  type DeclareSalesChannelCommand,
  type ProducerView,
  type SalesChannelView,
} from '@ocop/contracts';
import { vietnamDay } from '@ocop/domain';
import { EventOutbox, RpcClient } from '@ocop/messaging';
import { writeAudit } from '@ocop/persistence';
import { SalesChannel } from './sales-channel.entity';
import { SalesChannelsRepository } from './sales-channels.repository';
import { salesChannelView } from './sales-channel.view';
import { announceChannel } from './sales-channel.workflow';

/** A producer (or its commune or district office) declares a channel it sells through; the office checks it later. */
@Injectable()
export class DeclareSalesChannelUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly channels: SalesChannelsRepository,
    private readonly rpc: RpcClient,
    private readonly outbox: EventOutbox,
  ) {}

  async execute(actor: Actor, c: DeclareSalesChannelCommand, asOf: Date): Promise<SalesChannelView> {
    if (actor.role === Role.PRODUCER && actor.scope.producerId !== c.producerId)
      throw AppError.forbidden('NOT_YOUR_PRODUCER', 'a producer declares its own channels only', 'producerId');
    if (c.kind === 'ECOMMERCE' && !c.url)
      throw AppError.validation('URL_REQUIRED', "an e-commerce channel gives its shop's address", 'url');
    if (c.since > vietnamDay(asOf))
      throw AppError.validation('SINCE_IN_FUTURE', 'a channel is declared once the producer sells there', 'since');
    // Registration answers in the caller's scope: a producer outside it is not found.
    const producer = await this.rpc.request<ProducerView>(RegistrationSubjects.producerGet, { id: c.producerId }, { actor });
    const channel: SalesChannel = Object.assign(new SalesChannel(), {
      id: randomUUID(),
      producerId: producer.id,
      producerName: producer.name,
      provinceCode: producer.provinceCode,
      districtCode: producer.districtCode,
      communeCode: producer.communeCode,
      kind: c.kind,
      name: c.name,
      url: c.url ?? null,
      since: c.since,
      status: 'DECLARED',
      checkedBy: null,
      checkedAt: null,
      note: null,
      endedOn: null,
      createdBy: actor.username,
      createdAt: asOf,
    });
    await this.ds.transaction(async (tx) => {
      await this.channels.insert(tx, channel);
      await announceChannel(this.outbox, tx, channel, asOf);
      await writeAudit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        action: 'sales-channel.declare',
        entityType: 'sales_channel',
        entityId: channel.id,
        details: { producerId: channel.producerId, kind: channel.kind, name: channel.name },
      });
    });
    return salesChannelView(channel);
  }
}
