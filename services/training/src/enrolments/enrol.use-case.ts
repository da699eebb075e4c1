import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  AppError,
  RegistrationSubjects,
  Role,
  type Actor,
  type EnrolCommand,
  type EnrolmentView,
  type ProducerView,
} from '@ocop/contracts';
import { RpcClient, UserDirectory } from '@ocop/messaging';
import { writeAudit } from '@ocop/persistence';
import { classReadable, isOffice } from '../access/training-access.policy';
import { CertificatesRepository } from '../certificates/certificates.repository';
import { ClassesRepository } from '../classes/classes.repository';
import { Enrolment } from './enrolment.entity';
import { EnrolmentsRepository } from './enrolments.repository';
import { enrolmentView } from './enrolment.view';

/** Target groups whose persons are a producer's manager or workers. */
const PRODUCER_GROUPS = new Set(['PRODUCERS_3STAR', 'POTENTIAL_PRODUCERS', 'WORKERS']);
const OFFICER_ROLES = [Role.COMMUNE_OFFICER, Role.DISTRICT_OFFICER, Role.PROVINCE_OFFICE, Role.ADMIN, Role.AGENCY_OFFICER, Role.INSPECTOR];

const normalise = (name: string): string => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Enrolment is per person. A producer enrols its manager and workers by name (its commune or district office may, for
 * it); an office enrols the officials of its unit or the persons it names (consultants, department officials); a platform
 * user enrols as themselves. The class must be open; a person is in it once; the target group decides who may come
 * (a class for 3★+ producers checks the producer's certificates, from certification's events). Beyond capacity a
 * person waits, in order.
 */
@Injectable()
export class EnrolUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly classes: ClassesRepository,
    private readonly enrolments: EnrolmentsRepository,
    private readonly certificates: CertificatesRepository,
    private readonly users: UserDirectory,
    private readonly rpc: RpcClient,
  ) {}

  async execute(actor: Actor, c: EnrolCommand, asOf: Date): Promise<EnrolmentView> {
    const cls = await this.classes.get(c.classId);
    if (!cls || !classReadable(actor, cls)) throw AppError.notFound('CLASS_NOT_FOUND', 'no such class');
    const person = await this.person(actor, c, cls.provinceCode);
    const producerGroup = PRODUCER_GROUPS.has(cls.targetGroup);
    if (producerGroup !== (person.producerId !== null))
      throw AppError.rule(
        'TARGET_GROUP_MISMATCH',
        producerGroup ? "this class is for producers' managers and workers" : 'this class is not for producers',
        'producerId',
      );
    if (cls.targetGroup === 'COUNCIL' && person.role !== Role.COUNCIL_MEMBER)
      throw AppError.rule('TARGET_GROUP_MISMATCH', 'this class is for council members and advisory teams', 'userId');
    const enrolment = await this.ds.transaction(async (tx) => {
      const locked = (await this.classes.lock(tx, cls.id))!;
      if (locked.status !== 'OPEN') throw AppError.conflict('ENROLMENT_CLOSED', `the class is ${locked.status}, not open for enrolment`);
      if (cls.targetGroup === 'PRODUCERS_3STAR' && !(await this.certificates.holdsValid(tx, person.producerId!, asOf)))
        throw AppError.rule(
          'PRODUCER_NOT_CERTIFIED',
          `this class is for producers with an OCOP product of 3 to 5 stars; the producer holds no such certificate valid on ${asOf.toISOString()}`,
          'producerId',
        );
      const full = (await this.enrolments.countHolding(tx, cls.id)) >= locked.capacity;
      const e: Enrolment = Object.assign(new Enrolment(), {
        id: randomUUID(),
        classId: cls.id,
        personKey: person.key,
        userId: person.userId,
        producerId: person.producerId,
        fullName: person.fullName,
        birthYear: c.birthYear ?? null,
        position: c.position ?? null,
        provinceCode: person.provinceCode,
        districtCode: person.districtCode,
        communeCode: person.communeCode,
        status: full ? 'WAITLISTED' : 'ENROLLED',
        seq: await this.enrolments.nextSeq(tx, cls.id),
        enrolledById: actor.id,
        enrolledBy: actor.username,
        enrolledAt: asOf,
        withdrawnAt: null,
        daysAttended: 0,
      });
      await this.enrolments.insert(tx, e);
      await writeAudit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        action: 'enrolment.create',
        entityType: 'enrolment',
        entityId: e.id,
        details: { classId: cls.id, status: e.status, userId: e.userId, producerId: e.producerId },
      });
      return e;
    });
    return enrolmentView(enrolment);
  }

  /** Who the enrolment is for, and whether the caller may enrol them. */
  private async person(
    actor: Actor,
    c: EnrolCommand,
    provinceCode: string,
  ): Promise<{
    key: string;
    userId: string | null;
    producerId: string | null;
    role: Role | null;
    fullName: string;
    provinceCode: string;
    districtCode: string | null;
    communeCode: string | null;
  }> {
    if (c.userId) {
      if (c.producerId) throw AppError.validation('PERSON_AMBIGUOUS', 'a platform user or a producer’s person, not both', 'producerId');
      if (c.userId !== actor.id && !isOffice(actor))
        throw AppError.forbidden('NOT_YOUR_ENROLMENT', 'a user enrols themselves; an office enrols its officials', 'userId');
      if (actor.role === Role.PRODUCER)
        throw AppError.forbidden('NOT_YOUR_ENROLMENT', 'a producer enrols its manager and workers by name', 'userId');
      const u = (
        await this.users.require(actor, [
          { userId: c.userId, field: 'userId', roles: [...OFFICER_ROLES, Role.COUNCIL_MEMBER], provinceCode, national: true },
        ])
      ).get(c.userId)!;
      return {
        key: `user:${u.id}`,
        userId: u.id,
        producerId: null,
        role: u.role,
        fullName: u.fullName,
        provinceCode,
        districtCode: u.scope.districtCode ?? null,
        communeCode: u.scope.communeCode ?? null,
      };
    }
    if (!c.fullName) throw AppError.validation('NAME_REQUIRED', 'a person is enrolled by name', 'fullName');
    if (!c.birthYear) throw AppError.validation('BIRTH_YEAR_REQUIRED', 'with the name, the birth year tells two people apart', 'birthYear');
    if (c.producerId) {
      if (actor.role === Role.PRODUCER && actor.scope.producerId !== c.producerId)
        throw AppError.forbidden('NOT_YOUR_PRODUCER', 'a producer enrols its own people only', 'producerId');
      // Registration answers in the caller's scope: a producer outside it is not found.
      const p = await this.rpc.request<ProducerView>(RegistrationSubjects.producerGet, { id: c.producerId }, { actor });
      if (p.provinceCode !== provinceCode)
        throw AppError.rule('PRODUCER_OF_ANOTHER_PROVINCE', "a class takes its province's producers", 'producerId');
      return {
        key: `person:${p.id}:${normalise(c.fullName)}:${c.birthYear}`,
        userId: null,
        producerId: p.id,
        role: null,
        fullName: c.fullName,
        provinceCode,
        districtCode: p.districtCode,
        communeCode: p.communeCode,
      };
    }
    if (!isOffice(actor))
      throw AppError.forbidden('NOT_AN_OFFICE', 'only an office enrols a person who is neither a user nor a producer’s', 'fullName');
    const unit = actor.scope.communeCode ?? actor.scope.districtCode ?? actor.scope.provinceCode;
    return {
      key: `person:${unit}:${normalise(c.fullName)}:${c.birthYear}`,
      userId: null,
      producerId: null,
      role: null,
      fullName: c.fullName,
      provinceCode,
      districtCode: actor.scope.districtCode ?? null,
      communeCode: actor.scope.communeCode ?? null,
    };
  }
}
