import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AgencyEventPayloads } from './agency/agency.events';
import { CertificationEventPayloads } from './certification/certification.events';
import { InspectionEventPayloads } from './inspection/inspection.events';
import { RegistrationEventPayloads } from './registration/registration.events';
import { ScoringEventPayloads } from './scoring/scoring.events';
import { TradePromotionEventPayloads } from './trade-promotion/trade-promotion.events';
import { TrainingEventPayloads } from './training/training.events';
import { ProgrammeEventPayloads } from './programme/programme.events';
import { firstViolation } from './validate';

/**
 * The event registry: every domain event type on the bus (the versioned string) and the class its `data` is
 * validated into. Each context keeps its own map beside its events; a new event type needs its class there
 * (the per-context maps are checked against the `*Events` constants at compile time, and a unit test checks
 * every versioned type string in the contracts against this map).
 */
export const EVENT_PAYLOADS = {
  ...RegistrationEventPayloads,
  ...ScoringEventPayloads,
  ...CertificationEventPayloads,
  ...InspectionEventPayloads,
  ...TradePromotionEventPayloads,
  ...TrainingEventPayloads,
  ...ProgrammeEventPayloads,
  ...AgencyEventPayloads,
} as const;

/** Every registered event type, e.g. `certification.certificate-issued.v1`. */
export type EventType = keyof typeof EVENT_PAYLOADS;

/** The payload (`data`) of an event of type `T`. */
export type EventPayload<T extends EventType> = InstanceType<(typeof EVENT_PAYLOADS)[T]>;

/** A payload class: constructible without arguments, validated by its class-validator decorators. */
export type EventPayloadClass = new () => object;

/** The outcome of validating an event's data: the validated instance, or the first violation (`field` from `data`). */
export type EventPayloadCheck<T> = { ok: true; data: T } | { ok: false; field: string; message: string };

const REGISTERED: ReadonlyMap<string, EventPayloadClass> = new Map(Object.entries(EVENT_PAYLOADS));

export function isEventType(type: string): type is EventType {
  return REGISTERED.has(type);
}

/** The payload class registered for an event type, if any. */
export function eventPayloadClass(type: string): EventPayloadClass | undefined {
  return REGISTERED.get(type);
}

/**
 * Validates an event's data into a payload class. Unlike commands, unknown fields are allowed (a newer producer
 * may add some; consumers ignore them); types, ids, instants, required and enumerated fields are checked. The
 * violation's field is a path from the envelope (`data.reasons.0.reason`) and its message names it.
 */
export function validatePayload<T extends object>(cls: new () => T, data: unknown): EventPayloadCheck<T> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, field: 'data', message: 'data must be a JSON object' };
  }
  const instance = plainToInstance(cls, data, { enableImplicitConversion: false });
  const errors = validateSync(instance, { whitelist: false, forbidNonWhitelisted: false, forbidUnknownValues: true });
  if (errors.length === 0) return { ok: true, data: instance };
  const first = firstViolation(errors) ?? { field: '', message: 'invalid payload' };
  const field = first.field ? `data.${first.field}` : 'data';
  const property = first.field.split('.').pop() ?? '';
  const message =
    property && first.message.startsWith(`${property} `)
      ? `${field} ${first.message.slice(property.length + 1)}`
      : `${field}: ${first.message}`;
  return { ok: false, field, message };
}

/** Validates an event's data against its type's registered class (see `validatePayload`); an unregistered type fails on `type`. */
export function validateEventPayload<T extends EventType>(type: T, data: unknown): EventPayloadCheck<EventPayload<T>>;
export function validateEventPayload(type: string, data: unknown): EventPayloadCheck<object>;
export function validateEventPayload(type: string, data: unknown): EventPayloadCheck<object> {
  const cls = eventPayloadClass(type);
  if (!cls) return { ok: false, field: 'type', message: `type ${type} is not a registered event type` };
  return validatePayload(cls, data);
}
