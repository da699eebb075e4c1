import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, type Actor, type CreateEventSeriesCommand, type PromotionEventView } from '@ocop/contracts';
import { addVietnamMonths } from '@ocop/domain';
import { writeAudit } from '@ocop/persistence';
import type { TradePromotionConfig } from '../config/trade-promotion.config';
import { TRADE_PROMOTION_CONFIG } from '../trade-promotion.tokens';
import { organiserProvince } from '../access/promotion-access.policy';
import { EventSeries } from './event-series.entity';
import { PromotionEventsRepository } from './promotion-events.repository';
import { checkEvent, newEventRow } from './promotion-event.policy';
import { promotionEventView } from './promotion-event.view';
import { EventSchedulingWorkflow } from './event-scheduling.workflow';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * A recurring series from one rule (Thanh Hóa's "Chợ Phiên OCOP": six livestreams a year, one every two months): its
 * events at the same Vietnam time every `everyMonths` months, each taking applications in its own window.
 */
@Injectable()
export class CreateSeriesUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly events: PromotionEventsRepository,
    private readonly scheduling: EventSchedulingWorkflow,
    @Inject(TRADE_PROMOTION_CONFIG) private readonly config: TradePromotionConfig,
  ) {}

  async execute(actor: Actor, c: CreateEventSeriesCommand, asOf: Date): Promise<PromotionEventView[]> {
    const provinceCode = organiserProvince(actor, this.config);
    const s = c.schedule;
    if (s.applicationClosesDaysBefore >= s.applicationOpensDaysBefore)
      throw AppError.validation('APPLICATION_WINDOW_EMPTY', 'applications close after they open', 'schedule.applicationClosesDaysBefore');
    const first = new Date(s.firstStartsAt);
    if (first.getTime() - s.applicationOpensDaysBefore * DAY <= asOf.getTime())
      throw AppError.validation('EVENT_IN_PAST', "the series' first applications open after it is planned", 'schedule.firstStartsAt');
    const series: EventSeries = Object.assign(new EventSeries(), {
      id: randomUUID(),
      provinceCode,
      title: c.template.title,
      schedule: s,
      createdBy: actor.username,
      createdAt: asOf,
    });
    const rows = Array.from({ length: s.count }, (_, k) => {
      const startsAt = addVietnamMonths(first, k * s.everyMonths);
      const dates = {
        startsAt,
        endsAt: new Date(startsAt.getTime() + s.durationHours * HOUR),
        applicationOpensAt: new Date(startsAt.getTime() - s.applicationOpensDaysBefore * DAY),
        applicationClosesAt: new Date(startsAt.getTime() - s.applicationClosesDaysBefore * DAY),
      };
      checkEvent(c.template, dates, asOf, 'template.');
      return newEventRow(c.template, dates, actor, provinceCode, asOf, {
        id: series.id,
        index: k + 1,
        title: `${c.template.title} (phiên ${k + 1}/${s.count})`,
      });
    });
    await this.ds.transaction(async (tx) => {
      await this.events.insertSeries(tx, series);
      await writeAudit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        action: 'event-series.create',
        entityType: 'event_series',
        entityId: series.id,
        details: { title: series.title, count: s.count, everyMonths: s.everyMonths, firstStartsAt: first.toISOString() },
      });
      await this.scheduling.schedule(tx, actor, rows);
    });
    return (await this.events.list(provinceCode, { seriesId: series.id, limit: s.count })).map(promotionEventView);
  }
}
