import { Payload } from '@nestjs/microservices';
import {
  AddAgendaCommand,
  AttendanceCommand,
  CreateSessionCommand,
  ListSessionsQuery as ListSessionsRequest,
  ScoringSubjects as S,
  SessionIdQuery,
  SheetsQuery,
  SubmitSheetCommand,
  type MinutesView,
  type SessionView,
  type SheetView,
} from '@ocop/contracts';
import { renderMinutesPdf } from '@ocop/documents';
import { Caller, Handles, RpcController, requireActor, type RpcContext } from '@ocop/messaging';
import { AddToAgendaUseCase } from './add-to-agenda.use-case';
import { CloseSessionUseCase } from './close-session.use-case';
import { CreateSessionUseCase } from './create-session.use-case';
import { GetMinutesQuery } from './get-minutes.query';
import { GetSessionQuery } from './get-session.query';
import { ListSessionsQuery } from './list-sessions.query';
import { ListSheetsQuery } from './list-sheets.query';
import { RecordAttendanceUseCase } from './record-attendance.use-case';
import { AdvisorySheetsUseCases } from './advisory-sheets.use-cases';
import { SubmitSheetUseCase } from './submit-sheet.use-case';
import { minutesDocument } from './minutes.document';

/** The NATS edge of council sessions: agenda, attendance, score sheets, closing and the minutes. */
@RpcController()
export class SessionsHandler {
  constructor(
    private readonly createSession: CreateSessionUseCase,
    private readonly listSessions: ListSessionsQuery,
    private readonly getSession: GetSessionQuery,
    private readonly addToAgenda: AddToAgendaUseCase,
    private readonly recordAttendance: RecordAttendanceUseCase,
    private readonly submitSheet: SubmitSheetUseCase,
    private readonly listSheets: ListSheetsQuery,
    private readonly getMinutes: GetMinutesQuery,
    private readonly closeSession: CloseSessionUseCase,
    private readonly advisory: AdvisorySheetsUseCases,
  ) {}

  @Handles(S.sessionCreate)
  create(@Payload() c: CreateSessionCommand, @Caller() call: RpcContext): Promise<SessionView> {
    return this.createSession.execute(requireActor(call), c, call.asOf);
  }

  @Handles(S.sessionList)
  list(@Payload() q: ListSessionsRequest, @Caller() call: RpcContext): Promise<SessionView[]> {
    return this.listSessions.execute(requireActor(call), q);
  }

  @Handles(S.sessionGet)
  get(@Payload() q: SessionIdQuery, @Caller() call: RpcContext): Promise<SessionView> {
    return this.getSession.execute(requireActor(call), q.sessionId);
  }

  @Handles(S.sessionAddAgenda)
  add(@Payload() c: AddAgendaCommand, @Caller() call: RpcContext): Promise<SessionView> {
    return this.addToAgenda.execute(requireActor(call), c);
  }

  @Handles(S.sessionAttendance)
  attendance(@Payload() c: AttendanceCommand, @Caller() call: RpcContext): Promise<SessionView> {
    return this.recordAttendance.execute(requireActor(call), c);
  }

  @Handles(S.sessionSubmitSheet)
  submit(@Payload() c: SubmitSheetCommand, @Caller() call: RpcContext): Promise<SheetView> {
    return this.submitSheet.execute(requireActor(call), c);
  }

  @Handles(S.sessionSheets)
  sheets(@Payload() q: SheetsQuery, @Caller() call: RpcContext): Promise<SheetView[]> {
    return this.listSheets.execute(requireActor(call), q);
  }

  @Handles(S.sessionSubmitAdvisory)
  submitAdvisory(@Payload() c: SubmitSheetCommand, @Caller() call: RpcContext): Promise<SheetView> {
    return this.advisory.submit(requireActor(call), c);
  }

  @Handles(S.sessionAdvisorySheets)
  advisorySheets(@Payload() q: SheetsQuery, @Caller() call: RpcContext): Promise<SheetView[]> {
    return this.advisory.list(requireActor(call), q);
  }

  @Handles(S.sessionClose)
  close(@Payload() c: SessionIdQuery, @Caller() call: RpcContext): Promise<MinutesView> {
    return this.closeSession.execute(requireActor(call), c.sessionId, call.asOf);
  }

  @Handles(S.sessionMinutes)
  minutes(@Payload() q: SessionIdQuery, @Caller() call: RpcContext): Promise<MinutesView> {
    return this.getMinutes.execute(requireActor(call), q.sessionId);
  }

  @Handles(S.sessionMinutesPdf)
  async minutesPdf(@Payload() q: SessionIdQuery, @Caller() call: RpcContext): Promise<{ fileName: string; contentBase64: string }> {
    const minutes = await this.getMinutes.execute(requireActor(call), q.sessionId);
    const pdf = await renderMinutesPdf(minutesDocument(minutes));
    return { fileName: `bien-ban-${minutes.reference}.pdf`, contentBase64: pdf.toString('base64') };
  }
}
