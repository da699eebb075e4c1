import { Injectable } from '@nestjs/common';
import {
  AppError,
  RegistrationSubjects,
  SYSTEM_ACTOR,
  type Actor,
  type PdfView,
  type ProducerView,
  type PublicTrainingCertificateView,
  type UnitView,
} from '@ocop/contracts';
import { UnitLevel, parseUnitName } from '@ocop/domain';
import { renderTrainingCertificatePdf } from '@ocop/documents';
import { RpcClient } from '@ocop/messaging';
import { Inject } from '@nestjs/common';
import type { TrainingConfig } from '../config/training.config';
import { TRAINING_CONFIG } from '../training.tokens';
import { ClassesRepository } from '../classes/classes.repository';
import { classDays } from '../classes/class.view';
import { CoursesRepository } from '../courses/courses.repository';
import { EnrolmentAccess } from '../enrolments/enrolment-access.policy';
import { EnrolmentsRepository } from '../enrolments/enrolments.repository';
import { CompletionCertificatesRepository } from './completion-certificates.repository';

/** A completion certificate: as a PDF for its readers, and as anyone may check it by the code of its QR. */
@Injectable()
export class CompletionCertificateQueries {
  private readonly places = new Map<string, string>();

  constructor(
    private readonly certificates: CompletionCertificatesRepository,
    private readonly access: EnrolmentAccess,
    private readonly enrolments: EnrolmentsRepository,
    private readonly classes: ClassesRepository,
    private readonly courses: CoursesRepository,
    private readonly rpc: RpcClient,
    @Inject(TRAINING_CONFIG) private readonly config: TrainingConfig,
  ) {}

  async pdf(actor: Actor, enrolmentId: string): Promise<PdfView> {
    const { enrolment, cls } = await this.access.require(actor, enrolmentId);
    const certificate = await this.certificates.ofEnrolment(enrolment.id);
    if (!certificate)
      throw AppError.notFound('TRAINING_CERTIFICATE_NOT_FOUND', 'this person has no completion certificate (not completed)');
    const course = (await this.courses.get(cls.courseId))!;
    const from = enrolment.producerId
      ? (await this.rpc.request<ProducerView>(RegistrationSubjects.producerGet, { id: enrolment.producerId }, { actor: SYSTEM_ACTOR })).name
      : null;
    const bytes = await renderTrainingCertificatePdf({
      number: certificate.number,
      issuerVi: cls.organiser,
      placeVi: await this.placeOf(cls.provinceCode),
      fullName: enrolment.fullName,
      birthYear: enrolment.birthYear,
      fromVi: from,
      courseTitle: course.title,
      classTitle: cls.title,
      startsOn: cls.startsOn,
      endsOn: cls.endsOn,
      whereVi: cls.online
        ? 'trực tuyến'
        : cls.destination
          ? `tham quan học tập tại ${cls.destination}`
          : `tại ${cls.place ?? cls.organiser}`,
      daysAttended: enrolment.daysAttended,
      days: classDays(cls).length,
      verifyUrl: `${this.config.publicBaseUrl}/verify-training/${certificate.code}`,
      verifyCode: certificate.code,
      issuedAt: certificate.issuedAt.toISOString(),
    });
    return { fileName: `chung-nhan-${certificate.code}.pdf`, contentBase64: bytes.toString('base64') };
  }

  async verify(code: string): Promise<PublicTrainingCertificateView> {
    const certificate = await this.certificates.byCode(code);
    const enrolment = certificate ? await this.enrolments.get({ kind: 'class-organiser' }, certificate.enrolmentId) : null;
    const cls = certificate ? await this.classes.get(certificate.classId) : null;
    if (!certificate || !enrolment || !cls)
      throw AppError.notFound('TRAINING_CERTIFICATE_NOT_VALID', 'no training certificate has this code');
    const course = (await this.courses.get(cls.courseId))!;
    return {
      valid: true,
      code: certificate.code,
      number: certificate.number,
      fullName: enrolment.fullName,
      birthYear: enrolment.birthYear,
      courseTitle: course.title,
      classTitle: cls.title,
      organiser: cls.organiser,
      startsOn: cls.startsOn,
      endsOn: cls.endsOn,
      daysAttended: enrolment.daysAttended,
      days: classDays(cls).length,
      issuedAt: certificate.issuedAt.toISOString(),
    };
  }

  /** The province's name for the date line ("Thanh Hóa"), from registration's units (reference data, kept). */
  private async placeOf(provinceCode: string): Promise<string> {
    let place = this.places.get(provinceCode);
    if (!place) {
      const units = await this.rpc.request<UnitView[]>(RegistrationSubjects.unitsList, { level: 'PROVINCE' }, { actor: SYSTEM_ACTOR });
      const unit = units.find((u) => u.code === provinceCode);
      place = unit ? parseUnitName(UnitLevel.PROVINCE, unit.name).name : provinceCode;
      this.places.set(provinceCode, place);
    }
    return place;
  }
}
