import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '@ocop/contracts';
import { vietnamDay } from '@ocop/domain';
import { writeAuditMany } from '@ocop/persistence';
import type { TradePromotionConfig } from '../config/trade-promotion.config';
import { TRADE_PROMOTION_CONFIG } from '../trade-promotion.tokens';
import { Message } from '../messages/message.entity';
import { MessagesRepository } from '../messages/messages.repository';
import { obligationReminderMessage } from '../messages/obligation-reminder.document';
import { SalesPointReminder } from './sales-point-reminder.entity';
import { SalesPointsRepository } from './sales-points.repository';

const DAY = 86_400_000;

/**
 * The daily sweep (and an admin's run as of an instant): each supported point whose obligation milestone (90 and 30
 * days before its end, SALES_POINT_REMINDER_DAYS) has come is reminded once. A point first swept past two milestones
 * gets the nearer one; the farther is recorded as passed. PostgreSQL says what is due, so a sweep run twice, or late,
 * sends nothing twice.
 */
@Injectable()
export class SendObligationRemindersUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly points: SalesPointsRepository,
    private readonly messages: MessagesRepository,
    @Inject(TRADE_PROMOTION_CONFIG) private readonly config: TradePromotionConfig,
  ) {}

  async execute(asOf: Date): Promise<{ reminders: number }> {
    const day = vietnamDay(asOf);
    return this.ds.transaction(async (tx) => {
      const due = await this.points.dueMilestones(tx, day, this.config.reminderDaysBefore);
      const nearest = new Map<string, (typeof due)[number]>();
      for (const d of due) if (!nearest.has(d.point.id) || d.daysBefore < nearest.get(d.point.id)!.daysBefore) nearest.set(d.point.id, d);
      await this.points.recordReminders(
        tx,
        due.map((d) =>
          Object.assign(new SalesPointReminder(), {
            salesPointId: d.point.id,
            daysBefore: d.daysBefore,
            sent: nearest.get(d.point.id) === d,
            at: asOf,
          }),
        ),
      );
      for (const { point } of nearest.values()) {
        const endsOn = point.obligationEndsOn!;
        const daysLeft = Math.round((Date.parse(`${endsOn}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / DAY);
        await this.messages.insertIfNew(
          tx,
          Object.assign(new Message(), {
            id: randomUUID(),
            recipientUserId: point.operatorUserId ?? point.createdById,
            template: 'obligation-reminder',
            ...obligationReminderMessage({ pointName: point.name, daysLeft, endsOn, supportReceivedOn: point.supportReceivedOn! }),
            promotionEventId: null,
            causeKey: `obligation:${point.id}:${nearest.get(point.id)!.daysBefore}`,
            createdAt: asOf,
          }),
        );
      }
      await writeAuditMany(
        tx,
        [...nearest.values()].map((d) => ({
          actorId: SYSTEM_ACTOR.id,
          actorRole: SYSTEM_ACTOR.role,
          action: 'sales-point.obligation-reminder',
          entityType: 'sales_point',
          entityId: d.point.id,
          details: { daysBefore: d.daysBefore, obligationEndsOn: d.point.obligationEndsOn },
        })),
      );
      return { reminders: nearest.size };
    });
  }
}
