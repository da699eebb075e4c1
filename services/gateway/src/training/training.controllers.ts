import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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
  TrainingSubjects as S,
  TransitionClassBody,
  type Actor,
} from '@ocop/contracts';
import { CurrentActor, RolesOf } from '@ocop/auth';
import { RpcClient } from '@ocop/messaging';
import { ApiProblems } from '../http/api-problems.decorator';
import { UuidParam } from '../http/validation.pipe';

@ApiTags('training')
@ApiProblems()
@Controller('training')
export class TrainingController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

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

  @Get('invitations')
  @RolesOf(S.invitationList)
  @ApiOkResponse({ type: [InvitationView] })
  invitations(@CurrentActor() actor: Actor, @Query() q: ListInvitationsQuery): Promise<InvitationView[]> {
    return this.rpc.request(S.invitationList, q, { actor });
  }
}
