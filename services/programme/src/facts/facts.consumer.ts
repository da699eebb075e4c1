import { Ctx } from '@nestjs/microservices';
import {
  InspectionEvents,
  RegistrationEvents,
  ScoringEvents,
  TradePromotionEvents,
  TrainingEvents,
  type ClassScheduledData,
  type ClassStatusChangedData,
  type EnrolmentCompletedData,
  type EvaluationCompletedData,
  type EventScheduledData,
  type ProducerRegisteredData,
  type ProductAttributesSetData,
  type ProductRegisteredData,
  type SalesPointRegisteredData,
  type SalesChannelChangedData,
  type TaskCompletedData,
  type ViolationRecordedData,
} from '@ocop/contracts';
import { vietnamDayStart } from '@ocop/domain';
import { EventContext, OnEvent, RpcController, type EventConsumerSpec } from '@ocop/messaging';
import { FactsRepository } from './facts.repository';

/** One at a time, in stream order: a class's scheduling precedes its completion and its people's. */
const FACTS: EventConsumerSpec = { name: 'facts', concurrency: 1 };

/**
 * What the targets of other kinds count, from the other services' events: producers and products (the craft villages'
 * products are checked against them), dossiers the province's council forwarded to the central council, sales points
 * opened, classes completed and the people who completed them (in the class's district). Each applied once.
 */
@RpcController()
export class FactsConsumer {
  constructor(private readonly facts: FactsRepository) {}

  @OnEvent(FACTS, RegistrationEvents.producerRegistered)
  async producer(@Ctx() ctx: EventContext): Promise<void> {
    const d = ctx.event.data as ProducerRegisteredData;
    await this.facts.addProducer(ctx.tx, {
      producerId: d.producerId,
      name: d.name,
      communeCode: d.communeCode,
      provinceCode: d.provinceCode,
      registeredAt: new Date(ctx.event.time),
    });
  }

  @OnEvent(FACTS, RegistrationEvents.productRegistered)
  async product(@Ctx() ctx: EventContext): Promise<void> {
    const d = ctx.event.data as ProductRegisteredData;
    await this.facts.addProduct(ctx.tx, {
      productId: d.productId,
      producerId: d.producerId,
      name: d.name,
      productSetCode: d.productSetCode,
      registeredAt: new Date(ctx.event.time),
    });
  }

  @OnEvent(FACTS, RegistrationEvents.productAttributesSet)
  async attributes(@Ctx() ctx: EventContext): Promise<void> {
    const d = ctx.event.data as ProductAttributesSetData;
    await this.facts.setAttributes(
      ctx.tx,
      d.productId,
      {
        processingLevel: d.processingLevel,
        gift: d.gift,
        export: d.export,
        communityTourism: d.communityTourism,
        greenValueChain: d.greenValueChain,
      },
      new Date(d.at),
    );
  }

  /** An evaluation completed (and whether it ended without a certificate, or forwarded a potential 5★ to the central council). */
  @OnEvent(FACTS, ScoringEvents.evaluationCompleted)
  async evaluated(@Ctx() ctx: EventContext): Promise<void> {
    const d = ctx.event.data as EvaluationCompletedData;
    const fact = (kind: string) =>
      this.facts.add(ctx.tx, {
        key: `${kind}:${d.evaluationId}`,
        kind,
        provinceCode: d.provinceCode,
        districtCode: null,
        at: new Date(d.completedAt),
      });
    await fact('EVALUATIONS_COMPLETED');
    if (d.outcome === 'NO_CERTIFICATE') await fact('EVALUATIONS_NOT_CERTIFIED');
    if (d.outcome === 'FORWARD' && d.nextTier === 'CENTRAL') await fact('FORWARDED_TO_MINISTRY');
  }

  @OnEvent(FACTS, InspectionEvents.taskCompleted)
  async inspected(@Ctx() ctx: EventContext): Promise<void> {
    const d = ctx.event.data as TaskCompletedData;
    await this.facts.addInspection(ctx.tx, {
      key: `INSPECTION_COMPLETED:${d.taskId}`,
      kind: 'INSPECTION_COMPLETED',
      certificateId: d.certificateId,
      severity: null,
      at: new Date(ctx.event.time),
    });
  }

  @OnEvent(FACTS, InspectionEvents.violationRecorded)
  async violation(@Ctx() ctx: EventContext): Promise<void> {
    const d = ctx.event.data as ViolationRecordedData;
    await this.facts.addInspection(ctx.tx, {
      key: `VIOLATION_RECORDED:${d.violationId}`,
      kind: 'VIOLATION_RECORDED',
      certificateId: d.certificateId,
      severity: d.severity,
      at: new Date(ctx.event.time),
    });
  }

  @OnEvent(FACTS, TradePromotionEvents.salesPointRegistered)
  async salesPoint(@Ctx() ctx: EventContext): Promise<void> {
    const d = ctx.event.data as SalesPointRegisteredData;
    await this.facts.add(ctx.tx, {
      key: `SALES_POINTS:${d.salesPointId}`,
      kind: 'SALES_POINTS',
      provinceCode: d.provinceCode,
      districtCode: d.districtCode,
      at: vietnamDayStart(d.openedOn),
    });
  }

  @OnEvent(FACTS, TradePromotionEvents.salesChannelChanged)
  async salesChannel(@Ctx() ctx: EventContext): Promise<void> {
    const d = ctx.event.data as SalesChannelChangedData;
    await this.facts.setChannel(ctx.tx, {
      channelId: d.channelId,
      producerId: d.producerId,
      provinceCode: d.provinceCode,
      districtCode: d.districtCode,
      kind: d.kind,
      status: d.status,
      since: d.since,
      endedOn: d.endedOn,
      changedAt: new Date(d.at),
    });
  }

  @OnEvent(FACTS, TrainingEvents.classScheduled)
  async classScheduled(@Ctx() ctx: EventContext): Promise<void> {
    const d = ctx.event.data as ClassScheduledData;
    await this.facts.addClass(ctx.tx, { classId: d.classId, provinceCode: d.provinceCode, districtCode: d.districtCode });
    await this.facts.add(ctx.tx, {
      key: `CLASSES_PLANNED:${d.classId}`,
      kind: 'CLASSES_PLANNED',
      provinceCode: d.provinceCode,
      districtCode: d.districtCode,
      at: vietnamDayStart(d.startsOn),
    });
  }

  /** A trade-promotion event planned (its start counts for the year's budget estimate). */
  @OnEvent(FACTS, TradePromotionEvents.eventScheduled)
  async eventScheduled(@Ctx() ctx: EventContext): Promise<void> {
    const d = ctx.event.data as EventScheduledData;
    await this.facts.add(ctx.tx, {
      key: `EVENTS_PLANNED:${d.eventId}`,
      kind: 'EVENTS_PLANNED',
      provinceCode: d.provinceCode,
      districtCode: null,
      at: new Date(d.startsAt),
    });
  }

  @OnEvent(FACTS, TrainingEvents.classStatusChanged)
  async classStatus(@Ctx() ctx: EventContext): Promise<void> {
    const d = ctx.event.data as ClassStatusChangedData;
    if (d.status !== 'COMPLETED') return;
    const c = await this.facts.classOf(ctx.tx, d.classId);
    await this.facts.add(ctx.tx, {
      key: `CLASSES_HELD:${d.classId}`,
      kind: 'CLASSES_HELD',
      provinceCode: d.provinceCode,
      districtCode: c?.districtCode ?? null,
      at: new Date(d.at),
    });
  }

  @OnEvent(FACTS, TrainingEvents.enrolmentCompleted)
  async enrolment(@Ctx() ctx: EventContext): Promise<void> {
    const d = ctx.event.data as EnrolmentCompletedData;
    if (d.outcome !== 'COMPLETED') return;
    const c = await this.facts.classOf(ctx.tx, d.classId);
    await this.facts.add(ctx.tx, {
      key: `PEOPLE_TRAINED:${d.enrolmentId}`,
      kind: 'PEOPLE_TRAINED',
      provinceCode: d.provinceCode,
      districtCode: c?.districtCode ?? null,
      at: new Date(d.at),
    });
  }
}
