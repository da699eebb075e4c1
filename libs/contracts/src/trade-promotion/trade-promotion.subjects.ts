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
  salesPointRegister: 'trade-promotion.sales-point.register',
  salesPointList: 'trade-promotion.sales-point.list',
  salesPointGet: 'trade-promotion.sales-point.get',
  salesPointShelve: 'trade-promotion.sales-point.shelve',
  salesPointUnshelve: 'trade-promotion.sales-point.unshelve',
  salesChannelDeclare: 'trade-promotion.sales-channel.declare',
  salesChannelList: 'trade-promotion.sales-channel.list',
  salesChannelCheck: 'trade-promotion.sales-channel.check',
  salesChannelEnd: 'trade-promotion.sales-channel.end',
  salesChannelSummary: 'trade-promotion.sales-channel.summary',
  resultsReport: 'trade-promotion.results.report',
  resultsOfEvent: 'trade-promotion.results.of-event',
  /** Admin: run a trade-promotion job now (`sales-point-reminders`), optionally as of an instant. */
  jobRun: 'trade-promotion.job.run',
  /** No login: the province's upcoming events and the OCOP products shown at them. */
  publicEvents: 'trade-promotion.public.events',
  /** No login: the province's sales points and their OCOP products. */
  publicSalesPoints: 'trade-promotion.public.sales-points',
  /** No login: the province's currently certified OCOP products, where to buy them and where they are shown. */
  publicProducts: 'trade-promotion.public.products',
} as const;

/** Domain events published by trade promotion (JetStream, through its outbox). */
export const TradePromotionEvents = {
  eventScheduled: 'trade-promotion.event-scheduled.v1',
  participantsSelected: 'trade-promotion.participants-selected.v1',
  /** A participant left an event: withdrew, or lost every product it brought (certificate revoked or expired). */
  applicationWithdrawn: 'trade-promotion.application-withdrawn.v1',
  /** A product left an upcoming event because its certificate ended (revoked or expired). */
  productWithdrawn: 'trade-promotion.product-withdrawn.v1',
  salesPointRegistered: 'trade-promotion.sales-point-registered.v1',
  /** A producer's sales channel was declared, checked, rejected or ended (the programme counts modern-retail shares). */
  salesChannelChanged: 'trade-promotion.sales-channel-changed.v1',
  /** A product left a sales point's shelf because its certificate ended. */
  shelfProductWithdrawn: 'trade-promotion.shelf-product-withdrawn.v1',
  /** A certificate joined or left the public catalogue of the province's products (the gateway drops its cached pages). */
  catalogueChanged: 'trade-promotion.catalogue-changed.v1',
} as const;
