import { Body, Controller, Get, Header, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AppError, ErrorKind, RegistrationSubjects as S, type ComplaintReceiptView, type PublicComplaintView } from '@ocop/contracts';
import { RolesOf } from '@ocop/auth';
import { RpcClient } from '@ocop/messaging';
import { ApiProblems } from '../http/api-problems.decorator';
import { VERIFICATION_CACHE } from '../gateway.tokens';
import type { VerificationCache } from './verification.cache';
import { publicView } from './public.controller';
import { complaintFormPage, complaintNotFoundPage, complaintReceivedPage, complaintRefusalVi, complaintStatusPage } from './complaint.page';
import { renderNotValidPage } from './verification.page';

const FIELDS = ['description', 'place', 'seenOn', 'contact', 'website'] as const;

/**
 * No login, no script: the complaint form under a certificate's verification page posts here (form-urlencoded), and
 * the receipt's page shows the complaint's progress. The same use cases as the JSON routes under /api/public/complaints.
 */
@ApiTags('public complaints (no login)')
@ApiProblems()
@Controller()
export class ComplaintPagesController {
  constructor(
    @Inject(VERIFICATION_CACHE) private readonly cache: VerificationCache,
    @Inject(RpcClient) private readonly rpc: RpcClient,
  ) {}

  @Post('verify/:code/complaint')
  @RolesOf(S.complaintSubmit)
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['description'],
      properties: Object.fromEntries(FIELDS.map((f) => [f, { type: 'string' }])),
    },
  })
  @ApiProduces('text/html')
  @ApiCreatedResponse({ description: 'The receipt page (HTML)' })
  @ApiOkResponse({ description: 'The same complaint had been received: its receipt page (HTML)' })
  @ApiTooManyRequestsResponse({ description: 'Too many complaints from this address in the hour (problem+json RATE_LIMITED)' })
  @Header('cache-control', 'no-store')
  async submit(@Param('code') code: string, @Body() form: Record<string, unknown>, @Res() reply: FastifyReply): Promise<void> {
    const view = await publicView(this.cache, code, undefined);
    const html = (status: number, body: string) => reply.status(status).type('text/html; charset=utf-8').send(body);
    if (!view) return void (await html(404, renderNotValidPage(code)));
    // A form sends every field, empty when not filled in: empty is absent.
    const values: Record<string, string> = {};
    for (const f of FIELDS) {
      const value = form?.[f];
      if (typeof value === 'string' && value.trim() !== '') values[f] = value.trim();
    }
    try {
      const receipt = await this.rpc.request<ComplaintReceiptView>(S.complaintSubmit, { ...values, certificateCode: view.code });
      await html(receipt.alreadyReceived ? 200 : 201, complaintReceivedPage(receipt.receiptCode, receipt.alreadyReceived));
    } catch (err) {
      if (!(err instanceof AppError) || err.kind !== ErrorKind.VALIDATION) throw err;
      const shown = Object.fromEntries(Object.entries(values).filter(([k]) => k !== 'website'));
      await html(400, complaintFormPage(view.code, view.productName, complaintRefusalVi(err.field), shown));
    }
  }

  @Get('verify/complaints/:receiptCode')
  @RolesOf(S.complaintPublicStatus)
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'The complaint’s page (HTML)' })
  @Header('cache-control', 'no-store')
  async status(@Param('receiptCode') receiptCode: string, @Res() reply: FastifyReply): Promise<void> {
    try {
      const v = await this.rpc.request<PublicComplaintView>(S.complaintPublicStatus, { receiptCode });
      await reply.type('text/html; charset=utf-8').send(complaintStatusPage(v));
    } catch (err) {
      if (!(err instanceof AppError) || (err.kind !== ErrorKind.NOT_FOUND && err.kind !== ErrorKind.VALIDATION)) throw err;
      await reply.status(404).type('text/html; charset=utf-8').send(complaintNotFoundPage());
    }
  }
}
