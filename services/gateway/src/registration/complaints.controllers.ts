import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  AppError,
  ComplaintReceiptView,
  ComplaintView,
  ListComplaintsQuery,
  PublicComplaintView,
  RegistrationSubjects as S,
  SubmitComplaintCommand,
  TriageComplaintBody,
  type Actor,
  type ComplaintPhotoFileView,
} from '@ocop/contracts';
import { CurrentActor, RolesOf } from '@ocop/auth';
import { RpcClient } from '@ocop/messaging';
import type { ObjectStorage } from '@ocop/persistence';
import { ApiProblems } from '../http/api-problems.decorator';
import { readUpload, storeThenSend } from '../http/uploads.parser';
import { sendStoredFile } from '../http/file.reply';
import { UuidParam } from '../http/validation.pipe';
import { GATEWAY_CONFIG, OBJECT_STORAGE } from '../gateway.tokens';
import type { GatewayConfig } from '../config/gateway.config';

/** A complaint's photo: a phone picture, not a document. */
const PHOTO_LIMIT_BYTES = 5 * 1024 * 1024;

/**
 * No login: anyone reports a problem with a certified product (from its public page), adds a photo, and follows the
 * complaint by its receipt code. Each client address sends `COMPLAINT_RATE_LIMIT` an hour (429 RATE_LIMITED).
 */
@ApiTags('public complaints (no login)')
@ApiProblems()
@ApiTooManyRequestsResponse({ description: 'Too many complaints from this address in the hour (problem+json RATE_LIMITED)' })
@Controller('public/complaints')
export class PublicComplaintsController {
  constructor(
    @Inject(RpcClient) private readonly rpc: RpcClient,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /** 201 with a new receipt; 200 with the first one's receipt when the same complaint had been received already. */
  @Post()
  @RolesOf(S.complaintSubmit)
  @ApiCreatedResponse({ type: ComplaintReceiptView })
  @ApiOkResponse({ type: ComplaintReceiptView, description: 'The same complaint had been received: its receipt' })
  async submit(@Body() body: SubmitComplaintCommand, @Res({ passthrough: true }) reply: FastifyReply): Promise<ComplaintReceiptView> {
    const receipt = await this.rpc.request<ComplaintReceiptView>(S.complaintSubmit, body);
    reply.status(receipt.alreadyReceived ? 200 : 201);
    return receipt;
  }

  @Get(':receiptCode')
  @RolesOf(S.complaintPublicStatus)
  @ApiOkResponse({ type: PublicComplaintView })
  status(@Param('receiptCode') receiptCode: string): Promise<PublicComplaintView> {
    return this.rpc.request(S.complaintPublicStatus, { receiptCode });
  }

  /** One photo (JPEG or PNG, at most 5 MB) as multipart/form-data field `file`, within a day of the complaint. */
  @Post(':receiptCode/photo')
  @HttpCode(200)
  @RolesOf(S.complaintAttachPhoto)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOkResponse({ type: PublicComplaintView })
  @ApiPayloadTooLargeResponse({ description: 'Photo larger than 5 MB (problem+json FILE_TOO_LARGE)' })
  async photo(@Param('receiptCode') receiptCode: string, @Req() req: FastifyRequest): Promise<PublicComplaintView> {
    const upload = await readUpload(req, Math.min(this.config.uploadLimitBytes, PHOTO_LIMIT_BYTES));
    if (upload.contentType !== 'image/jpeg' && upload.contentType !== 'image/png')
      throw AppError.validation('COMPLAINT_PHOTO_TYPE', 'the photo must be a JPEG or PNG image', 'file');
    return storeThenSend(this.storage, 'complaints', upload, (file) =>
      this.rpc.request<PublicComplaintView>(S.complaintAttachPhoto, { receiptCode, ...file }),
    );
  }
}

/** The officials' side: the district and inspectors read, the standing office triages. */
@ApiTags('public complaints: triage')
@ApiProblems()
@Controller('registration/complaints')
export class ComplaintsController {
  constructor(
    @Inject(RpcClient) private readonly rpc: RpcClient,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
  ) {}

  @Get()
  @RolesOf(S.complaintList)
  @ApiOkResponse({ type: [ComplaintView] })
  list(@CurrentActor() actor: Actor, @Query() q: ListComplaintsQuery): Promise<ComplaintView[]> {
    return this.rpc.request(S.complaintList, q, { actor });
  }

  @Get(':id')
  @RolesOf(S.complaintGet)
  @ApiOkResponse({ type: ComplaintView })
  get(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string): Promise<ComplaintView> {
    return this.rpc.request(S.complaintGet, { complaintId: id }, { actor });
  }

  @Get(':id/photo')
  @RolesOf(S.complaintPhoto)
  @ApiProduces('image/jpeg', 'image/png')
  @ApiOkResponse({ description: 'The photo sent with the complaint', schema: { type: 'string', format: 'binary' } })
  async photo(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string, @Res() reply: FastifyReply): Promise<void> {
    await sendStoredFile(
      reply,
      this.storage,
      await this.rpc.request<ComplaintPhotoFileView>(S.complaintPhoto, { complaintId: id }, { actor }),
    );
  }

  @Post(':id/triage')
  @HttpCode(200)
  @RolesOf(S.complaintTriage)
  @ApiOkResponse({ type: ComplaintView })
  triage(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidParam()) id: string,
    @Body() body: TriageComplaintBody,
  ): Promise<ComplaintView> {
    return this.rpc.request(S.complaintTriage, { ...body, complaintId: id }, { actor });
  }
}
