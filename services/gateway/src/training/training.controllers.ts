import { Body, Controller, Get, Header, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiPayloadTooLargeResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  ClassView,
  CourseView,
  CreateClassCommand,
  CreateCourseCommand,
  EnrolBody,
  EnrolmentView,
  InvitationView,
  ListClassesQuery,
  ListCoursesQuery,
  ListEnrolmentsQuery,
  ListInvitationsQuery,
  RecordAttendanceBody,
  PublicTrainingCertificateView,
  CreateTrainingPlanCommand,
  TrainingPlanView,
  TrainingProgressQuery,
  TrainingProgressView,
  TrainingSubjects as S,
  AppError,
  CouncilWarningView,
  ListCouncilWarningsQuery,
  MaterialView,
  type MaterialFileView,
  type PdfView,
  TransitionClassBody,
  type Actor,
} from '@ocop/contracts';
import { CurrentActor, Public, RolesOf } from '@ocop/auth';
import { RpcClient } from '@ocop/messaging';
import type { ObjectStorage } from '@ocop/persistence';
import { GATEWAY_CONFIG, OBJECT_STORAGE } from '../gateway.tokens';
import type { GatewayConfig } from '../config/gateway.config';
import { readUpload, storeThenSend } from '../http/uploads.parser';
import { ApiProblems } from '../http/api-problems.decorator';
import { UuidParam } from '../http/validation.pipe';
import { sendFile, sendStoredFile } from '../http/file.reply';
import { renderTrainingCertificatePage, renderTrainingNotValidPage } from '../public/verification.page';

@ApiTags('training')
@ApiProblems()
@Controller('training')
export class TrainingController {
  constructor(
    @Inject(RpcClient) private readonly rpc: RpcClient,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Post('courses')
  @RolesOf(S.courseCreate)
  @ApiCreatedResponse({ type: CourseView })
  createCourse(@CurrentActor() actor: Actor, @Body() body: CreateCourseCommand): Promise<CourseView> {
    return this.rpc.request(S.courseCreate, body, { actor });
  }

  @Get('courses')
  @RolesOf(S.courseList)
  @ApiOkResponse({ type: [CourseView] })
  courses(@CurrentActor() actor: Actor, @Query() q: ListCoursesQuery): Promise<CourseView[]> {
    return this.rpc.request(S.courseList, q, { actor });
  }

  /** A course material (PDF, JPEG or PNG) as multipart/form-data: field `type` first (the material's title), then `file`. */
  @Post('courses/:id/materials')
  @RolesOf(S.materialAttach)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['type', 'file'],
      properties: {
        type: { type: 'string', example: 'Bài giảng thương mại điện tử', description: "The material's title" },
        file: { type: 'string', format: 'binary' },
      },
    },
  })
  @ApiCreatedResponse({ type: MaterialView })
  @ApiPayloadTooLargeResponse({ description: 'File larger than the upload limit (problem+json FILE_TOO_LARGE)' })
  async attachMaterial(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidParam()) id: string,
    @Req() req: FastifyRequest,
  ): Promise<MaterialView> {
    const upload = await readUpload(req, this.config.uploadLimitBytes);
    if (!upload.type)
      throw AppError.validation('VALIDATION_FAILED', "the type field (the material's title) is required before the file part", 'type');
    return storeThenSend(this.storage, `courses/${id}`, upload, (file) =>
      this.rpc.request<MaterialView>(S.materialAttach, { courseId: id, title: upload.type, ...file }, { actor }),
    );
  }

  @Get('courses/:id/materials/:materialId')
  @RolesOf(S.materialGet)
  @ApiProduces('application/pdf', 'image/png', 'image/jpeg')
  @ApiOkResponse({ description: 'The material file', schema: { type: 'string', format: 'binary' } })
  async material(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidParam()) id: string,
    @Param('materialId', new UuidParam()) materialId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendStoredFile(
      reply,
      this.storage,
      await this.rpc.request<MaterialFileView>(S.materialGet, { courseId: id, materialId }, { actor }),
    );
  }

  @Post('classes')
  @RolesOf(S.classCreate)
  @ApiCreatedResponse({ type: ClassView })
  createClass(@CurrentActor() actor: Actor, @Body() body: CreateClassCommand): Promise<ClassView> {
    return this.rpc.request(S.classCreate, body, { actor });
  }

  @Get('classes')
  @RolesOf(S.classList)
  @ApiOkResponse({ type: [ClassView] })
  classes(@CurrentActor() actor: Actor, @Query() q: ListClassesQuery): Promise<ClassView[]> {
    return this.rpc.request(S.classList, q, { actor });
  }

  @Get('classes/:id')
  @RolesOf(S.classGet)
  @ApiOkResponse({ type: ClassView })
  getClass(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string): Promise<ClassView> {
    return this.rpc.request(S.classGet, { classId: id }, { actor });
  }

  @Post('classes/:id/transition')
  @HttpCode(200)
  @RolesOf(S.classTransition)
  @ApiOkResponse({ type: ClassView })
  transition(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidParam()) id: string,
    @Body() body: TransitionClassBody,
  ): Promise<ClassView> {
    return this.rpc.request(S.classTransition, { ...body, classId: id }, { actor });
  }

  @Post('classes/:id/enrolments')
  @RolesOf(S.enrol)
  @ApiCreatedResponse({ type: EnrolmentView })
  enrol(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string, @Body() body: EnrolBody): Promise<EnrolmentView> {
    return this.rpc.request(S.enrol, { ...body, classId: id }, { actor });
  }

  @Post('classes/:id/attendance')
  @HttpCode(200)
  @RolesOf(S.attendanceRecord)
  @ApiOkResponse({ type: [EnrolmentView] })
  attendance(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidParam()) id: string,
    @Body() body: RecordAttendanceBody,
  ): Promise<EnrolmentView[]> {
    return this.rpc.request(S.attendanceRecord, { ...body, classId: id }, { actor });
  }

  @Get('enrolments')
  @RolesOf(S.enrolmentList)
  @ApiOkResponse({ type: [EnrolmentView] })
  enrolments(@CurrentActor() actor: Actor, @Query() q: ListEnrolmentsQuery): Promise<EnrolmentView[]> {
    return this.rpc.request(S.enrolmentList, q, { actor });
  }

  @Post('enrolments/:id/withdraw')
  @HttpCode(200)
  @RolesOf(S.enrolmentWithdraw)
  @ApiOkResponse({ type: EnrolmentView })
  withdraw(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string): Promise<EnrolmentView> {
    return this.rpc.request(S.enrolmentWithdraw, { enrolmentId: id }, { actor });
  }

  @Get('enrolments/:id/certificate.pdf')
  @RolesOf(S.certificatePdf)
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The completion certificate as a PDF', schema: { type: 'string', format: 'binary' } })
  async certificatePdf(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string, @Res() reply: FastifyReply): Promise<void> {
    await sendFile(reply, await this.rpc.request<PdfView>(S.certificatePdf, { enrolmentId: id }, { actor }));
  }

  @Post('plans')
  @RolesOf(S.planCreate)
  @ApiCreatedResponse({ type: TrainingPlanView })
  createPlan(@CurrentActor() actor: Actor, @Body() body: CreateTrainingPlanCommand): Promise<TrainingPlanView> {
    return this.rpc.request(S.planCreate, body, { actor });
  }

  @Get('progress')
  @RolesOf(S.planProgress)
  @ApiOkResponse({ type: TrainingProgressView })
  progress(@CurrentActor() actor: Actor, @Query() q: TrainingProgressQuery): Promise<TrainingProgressView> {
    return this.rpc.request(S.planProgress, q, { actor });
  }

  @Get('council-warnings')
  @RolesOf(S.councilWarnings)
  @ApiOkResponse({ type: [CouncilWarningView] })
  councilWarnings(@CurrentActor() actor: Actor, @Query() q: ListCouncilWarningsQuery): Promise<CouncilWarningView[]> {
    return this.rpc.request(S.councilWarnings, q, { actor });
  }

  @Get('invitations')
  @RolesOf(S.invitationList)
  @ApiOkResponse({ type: [InvitationView] })
  invitations(@CurrentActor() actor: Actor, @Query() q: ListInvitationsQuery): Promise<InvitationView[]> {
    return this.rpc.request(S.invitationList, q, { actor });
  }
}

const TRAINING_CODE = /^[0-9A-Z]{10}$/;

/** No login: a training completion certificate checked by the code of its QR, as JSON and as a page. */
@ApiTags('public verification (no login)')
@ApiProblems()
@Controller()
export class PublicTrainingController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Get('public/training-certificates/:code')
  @Public()
  @ApiOkResponse({ type: PublicTrainingCertificateView })
  @Header('cache-control', 'no-store')
  json(@Param('code') code: string): Promise<PublicTrainingCertificateView> {
    return this.rpc.request(S.publicVerify, { code });
  }

  @Get('verify-training/:code')
  @Public()
  @ApiProduces('text/html')
  @Header('cache-control', 'no-store')
  async page(@Param('code') code: string, @Res() reply: FastifyReply): Promise<void> {
    const view = TRAINING_CODE.test(code)
      ? await this.rpc.request<PublicTrainingCertificateView>(S.publicVerify, { code }).catch((err: { code?: string }) => {
          if (err.code === 'TRAINING_CERTIFICATE_NOT_VALID') return null;
          throw err;
        })
      : null;
    await reply
      .status(view ? 200 : 404)
      .type('text/html; charset=utf-8')
      .send(view ? renderTrainingCertificatePage(view) : renderTrainingNotValidPage(code));
  }
}
