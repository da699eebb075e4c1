import { Injectable } from '@nestjs/common';
import { AppError, type Actor, type CheckSalesChannelCommand, type SalesChannelView } from '@ocop/contracts';
import { SalesChannelWorkflow } from './sales-channel.workflow';

/** The office checks a declared channel: real and current (CHECKED, it counts), or not (REJECTED). */
@Injectable()
export class CheckSalesChannelUseCase {
  constructor(private readonly workflow: SalesChannelWorkflow) {}

  execute(actor: Actor, c: CheckSalesChannelCommand, asOf: Date): Promise<SalesChannelView> {
    return this.workflow.change(actor, c.channelId, 'sales-channel.check', (ch) => {
      if (ch.status === 'ENDED') throw AppError.conflict('CHANNEL_ENDED', 'the channel has ended');
      return { status: c.accepted ? 'CHECKED' : 'REJECTED', checkedBy: actor.username, checkedAt: asOf, note: c.note ?? null };
    });
  }
}
