import { Injectable } from '@nestjs/common';
import {
  AppError,
  type Actor,
  type ClassView,
  type CourseView,
  type EnrolmentView,
  type InvitationView,
  type ListClassesQuery,
  type ListCoursesQuery,
  type ListEnrolmentsQuery,
  type ListInvitationsQuery,
  type MaterialFileView,
  type ListCouncilWarningsQuery,
  type CouncilWarningView,
  Role,
} from '@ocop/contracts';
import { spansAllProvinces } from '@ocop/auth';
import { classReadable, manages, organiserScope } from '../access/training-access.policy';
import { CouncilWarningsRepository } from '../councils/council-warnings.repository';
import { CoursesRepository } from '../courses/courses.repository';
import { courseView } from '../courses/course.view';
import { EnrolmentsRepository } from '../enrolments/enrolments.repository';
import { enrolmentView } from '../enrolments/enrolment.view';
import { InvitationsRepository } from '../invitations/invitations.repository';
import { CompletionCertificatesRepository } from '../completion/completion-certificates.repository';
import { ClassesRepository } from './classes.repository';
import { classView } from './class.view';

/** Training's reads: courses and classes of the reader's province; enrolments and invitations in its scope. */
@Injectable()
export class TrainingQueries {
  constructor(
    private readonly courses: CoursesRepository,
    private readonly classes: ClassesRepository,
    private readonly enrolments: EnrolmentsRepository,
    private readonly invitations: InvitationsRepository,
    private readonly certificates: CompletionCertificatesRepository,
    private readonly councilWarningsRepo: CouncilWarningsRepository,
  ) {}

  private province(actor: Actor): string | null {
    return spansAllProvinces(actor) ? null : actor.scope.provinceCode;
  }

  async courseList(actor: Actor, q: ListCoursesQuery): Promise<CourseView[]> {
    const courses = await this.courses.list(this.province(actor), q);
    const materials = await this.courses.materialsOf(courses.map((c) => c.id));
    return courses.map((c) => courseView(c, materials.get(c.id)));
  }

  /** Council members seated without council training, in the organiser's province. */
  async councilWarnings(actor: Actor, q: ListCouncilWarningsQuery): Promise<CouncilWarningView[]> {
    const { provinceCode } = organiserScope(actor);
    return (await this.councilWarningsRepo.list(provinceCode, q)).map((w) => ({
      councilId: w.councilId,
      councilName: w.councilName,
      userId: w.userId,
      fullName: w.fullName,
      role: w.role,
      createdAt: w.createdAt.toISOString(),
    }));
  }

  /** Where a material's file is, for the gateway to send it: any reader of the course's province. */
  async materialFile(actor: Actor, courseId: string, materialId: string): Promise<MaterialFileView> {
    const course = await this.courses.get(courseId);
    const m = course && classReadable(actor, course) ? await this.courses.material(courseId, materialId) : null;
    if (!m) throw AppError.notFound('MATERIAL_NOT_FOUND', 'no such material');
    return { storageKey: m.storageKey, fileName: m.fileName, contentType: m.contentType };
  }

  async classList(actor: Actor, q: ListClassesQuery): Promise<ClassView[]> {
    return (await this.classes.list(this.province(actor), q)).map(classView);
  }

  async classGet(actor: Actor, id: string): Promise<ClassView> {
    const c = await this.classes.get(id);
    if (!c || !classReadable(actor, c)) throw AppError.notFound('CLASS_NOT_FOUND', 'no such class');
    return classView(c);
  }

  /** A class's organisers read all its enrolments (with the waiting list's places); anyone else its own, its producer's or those it made. */
  async enrolmentList(actor: Actor, q: ListEnrolmentsQuery): Promise<EnrolmentView[]> {
    const cls = q.classId ? await this.classes.get(q.classId) : null;
    const scope = cls && manages(actor, cls) ? ({ kind: 'class-organiser' } as const) : ({ kind: 'own', actor } as const);
    const rows = await this.enrolments.list(scope, q);
    const certificates = await this.certificates.ofEnrolments(rows.filter((e) => e.status === 'COMPLETED').map((e) => e.id));
    let place = 0;
    return rows.map((e) =>
      enrolmentView(e, e.status === 'WAITLISTED' && scope.kind === 'class-organiser' ? ++place : null, certificates.get(e.id)),
    );
  }

  async invitationList(actor: Actor, q: ListInvitationsQuery): Promise<InvitationView[]> {
    const producerId = actor.role === Role.PRODUCER ? (actor.scope.producerId ?? '') : q.producerId;
    return this.invitations.list(this.province(actor), { ...q, producerId });
  }
}
