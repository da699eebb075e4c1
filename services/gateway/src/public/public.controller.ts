import { Controller, Get, Header, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  AppError,
  CertificationSubjects as S,
  IssuerKeySetView,
  PublicCertificateView,
  StatusListView,
  type PublicCertificateRecord,
} from '@ocop/contracts';
import { CERTIFICATE_STATUS_VI, liveCertificateStatus, type CertificateStatus } from '@ocop/domain';
import { Public } from '@ocop/auth';
import { RpcClient } from '@ocop/messaging';
import { currentContext } from '@ocop/observability';
import { ApiProblems } from '../http/api-problems.decorator';
import { VERIFICATION_CACHE } from '../gateway.tokens';
import type { VerificationCache } from './verification.cache';
import { renderNotValidPage, renderVerificationPage } from './verification.page';

const CODE = /^[0-9A-Z]{10}$/;
const JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

function asOf(): Date {
  const given = currentContext()?.asOf;
  return given ? new Date(given) : new Date();
}

/** The live public view, or null when the code is unknown or the QR's signature is not the one issued. */
export async function publicView(
  cache: VerificationCache,
  code: string,
  signature: string | undefined,
): Promise<PublicCertificateView | null> {
  if (!CODE.test(code) || (signature !== undefined && !JWS.test(signature))) return null;
  const r: PublicCertificateRecord | null = await cache.get(code);
  if (!r || (signature !== undefined && signature !== r.signature)) return null;
  const at = asOf();
  const status = liveCertificateStatus(r.status as CertificateStatus, new Date(r.validTo), at);
  return {
    valid: true,
    code: r.code,
    number: r.number,
    status,
    statusVi: CERTIFICATE_STATUS_VI[status],
    productName: r.productName,
    productSetCode: r.productSetCode,
    producerName: r.producerName,
    stars: r.stars,
    issuerVi: r.issuerVi,
    decisionReference: r.decisionReference,
    decisionDate: r.decisionDate,
    validFrom: r.validFrom,
    validTo: r.validTo,
    revokedAt: r.revokedAt,
    revocationReasonCode: r.revocationReasonCode,
    revocationReasonVi: r.revocationReasonVi,
    revocationDecisionReference: r.revocationDecisionReference,
    supersededByNumber: r.supersededByNumber,
    supersededByCode: r.supersededByCode,
    kid: r.kid,
    provisionalCriteria: r.provisionalCriteria === true,
    checkedAt: at.toISOString(),
  };
}

/** No login: the page a consumer sees after scanning the QR, its JSON twin, the issuer keys and the revocation list. */
@ApiTags('public verification (no login)')
@ApiProblems()
@Controller()
export class PublicVerificationController {
  constructor(
    @Inject(VERIFICATION_CACHE) private readonly cache: VerificationCache,
    @Inject(RpcClient) private readonly rpc: RpcClient,
  ) {}

  /** The page behind the QR code: live status in Vietnamese. */
  @Get('verify/:code')
  @Public()
  @ApiProduces('text/html')
  @ApiQuery({ name: 's', required: false, description: 'The signature carried by the QR code' })
  @Header('cache-control', 'no-store')
  async page(@Param('code') code: string, @Query('s') s: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    const view = await publicView(this.cache, code, s);
    await reply
      .status(view ? 200 : 404)
      .type('text/html; charset=utf-8')
      .send(view ? renderVerificationPage(view) : renderNotValidPage(code));
  }

  @Get('public/certificates/:code')
  @Public()
  @ApiQuery({ name: 's', required: false, description: 'The signature carried by the QR code; a different one is refused as not valid' })
  @ApiOkResponse({ type: PublicCertificateView })
  @Header('cache-control', 'no-store')
  async json(@Param('code') code: string, @Query('s') s: string | undefined): Promise<PublicCertificateView> {
    const view = await publicView(this.cache, code, s);
    if (!view)
      throw AppError.notFound(
        'CERTIFICATE_NOT_VALID',
        'this is not a valid OCOP certificate: unknown code, or a QR code whose signature was altered',
      );
    return view;
  }

  /** The issuer keys (JWKS with kid), including retired keys that still verify older certificates. */
  @Get('public/certification/keys')
  @Public()
  @ApiOkResponse({ type: IssuerKeySetView, description: 'JSON Web Key Set of the issuer (Ed25519, alg EdDSA)' })
  @Header('cache-control', 'public, max-age=300')
  keys(): Promise<unknown> {
    return this.rpc.request(S.publicKeys, {});
  }

  /** Revoked certificates, signed by the issuer (a compact JWS in `jws`), for verifiers that work offline. */
  @Get('public/certification/status-list')
  @Public()
  @ApiOkResponse({ type: StatusListView })
  @Header('cache-control', 'no-store')
  statusList(): Promise<unknown> {
    return this.rpc.request(S.publicStatusList, {});
  }
}
