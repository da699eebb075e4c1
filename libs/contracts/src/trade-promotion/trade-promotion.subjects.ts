/** Request/reply subjects answered by the trade-promotion service (queue group `trade-promotion`). */
export const TradePromotionSubjects = {
  eventCreate: 'trade-promotion.event.create',
  seriesCreate: 'trade-promotion.series.create',
  eventList: 'trade-promotion.event.list',
  eventGet: 'trade-promotion.event.get',
  eventSelect: 'trade-promotion.event.select',
  applicationCreate: 'trade-promotion.application.create',
  applicationList: 'trade-promotion.application.list',
  applicationWithdraw: 'trade-promotion.application.withdraw',
  applicationConfirm: 'trade-promotion.application.confirm',
  messageList: 'trade-promotion.message.list',
  /** No login: the province's upcoming events and the OCOP products shown at them. */
  publicEvents: 'trade-promotion.public.events',
} as const;

/** Domain events published by trade promotion (JetStream, through its outbox). */
export const TradePromotionEvents = {
  eventScheduled: 'trade-promotion.event-scheduled.v1',
  participantsSelected: 'trade-promotion.participants-selected.v1',
  /** A participant left an event: withdrew, or lost every product it brought (certificate revoked or expired). */
  applicationWithdrawn: 'trade-promotion.application-withdrawn.v1',
  /** A product left an upcoming event because its certificate ended (revoked or expired). */
  productWithdrawn: 'trade-promotion.product-withdrawn.v1',
} as const;
