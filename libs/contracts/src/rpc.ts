import type { ClassConstructor } from 'class-transformer';
import { Role } from './actor';

/** A subject anyone may call without an actor (the public verification of a certificate). */
export const PUBLIC_CALL = 'PUBLIC' as const;

/**
 * What a request/reply subject accepts and who may call it, declared once: the service's edge validates the
 * payload into `request` and checks the caller's role against `roles`; the gateway's route that calls the subject
 * takes its roles from here (`RolesOf`), and the OpenAPI document names them.
 */
export interface RpcSpec {
  /** Contract class the payload is validated into (unknown fields refused); none: the payload is ignored. */
  request?: ClassConstructor<object>;
  roles: readonly Role[] | typeof PUBLIC_CALL;
}

export type RpcRegistry = Readonly<Record<string, RpcSpec>>;

/** Every role: reference data and lists each caller sees in its own scope. */
export const ALL_ROLES: readonly Role[] = Object.values(Role);

/** The admin subjects every service answers about its own dead letters. */
export const deadLetterSubjects = (service: string) =>
  ({ list: `${service}.admin.dead-letters.list`, replay: `${service}.admin.dead-letters.replay` }) as const;
