import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One registry per process, with Node's default metrics; services add their own instruments. */
export class Metrics {
  readonly registry = new Registry();
  readonly messagesHandled: Counter<'consumer' | 'outcome'>;
  readonly outboxPublished: Counter<'service'>;
  readonly outboxSetAside: Counter<'service'>;
  readonly rpcDuration: Histogram<'subject' | 'outcome'>;
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  readonly consumerBatch: Histogram<'consumer'>;

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    this.messagesHandled = new Counter({
      name: 'ocop_events_handled_total',
      help: 'JetStream events handled, by consumer and outcome (ack, duplicate, nak, dead_letter)',
      labelNames: ['consumer', 'outcome'],
      registers: [this.registry],
    });
    this.outboxPublished = new Counter({
      name: 'ocop_outbox_published_total',
      help: 'Outbox rows published to JetStream',
      labelNames: ['service'],
      registers: [this.registry],
    });
    this.outboxSetAside = new Counter({
      name: 'ocop_outbox_set_aside_total',
      help: 'Outbox rows set aside after repeated failed publishes (see outbox.last_error)',
      labelNames: ['service'],
      registers: [this.registry],
    });
    this.rpcDuration = new Histogram({
      name: 'ocop_rpc_duration_seconds',
      help: 'NATS request handling time',
      labelNames: ['subject', 'outcome'],
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [this.registry],
    });
    this.consumerBatch = new Histogram({
      name: 'ocop_event_batch_size',
      help: 'Events applied in one consumer transaction',
      labelNames: ['consumer'],
      buckets: [2, 4, 8, 16, 32, 64],
      registers: [this.registry],
    });
    this.httpDuration = new Histogram({
      name: 'ocop_http_request_duration_seconds',
      help: 'HTTP request time',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [this.registry],
    });
  }
}
