import { Injectable } from '@nestjs/common';
import { AppError, type Actor, type EndSalesChannelCommand, type SalesChannelView } from '@ocop/contracts';
import { SalesChannelWorkflow } from './sales-channel.workflow';

/** The producer (or its office) says it no longer sells there. */
@Injectable()
export class EndSalesChannelUseCase {
  constructor(private readonly workflow: SalesChannelWorkflow) {}

  execute(actor: Actor, c: EndSalesChannelCommand): Promise<SalesChannelView> {
    return this.workflow.change(actor, c.channelId, 'sales-channel.end', (ch) => {
      if (ch.status === 'ENDED') throw AppError.conflict('CHANNEL_ENDED', 'the channel has ended');
      if (c.endedOn < ch.since) throw AppError.validation('ENDED_BEFORE_SINCE', 'a channel ends after it began', 'endedOn');
      return { status: 'ENDED', endedOn: c.endedOn };
    });
  }
}
