import { Payload } from '@nestjs/microservices';
import { AppError, CertificationSubjects as S, VerifyQuery } from '@ocop/contracts';
import { Caller, Handles, RpcController, type RpcContext } from '@ocop/messaging';
import { CertificateSigner } from '../signing/certificate.signer';
import { ListRevokedCertificatesQuery } from './list-revoked-certificates.query';
import { VerifyCertificateQuery } from './verify-certificate.query';

/** The public subjects (no actor): a package's code verified, the signing keys, the signed list of revoked certificates. */
@RpcController()
export class PublicVerificationHandler {
  constructor(
    private readonly verifyCertificate: VerifyCertificateQuery,
    private readonly listRevokedCertificates: ListRevokedCertificatesQuery,
    private readonly signer: CertificateSigner,
  ) {}

  @Handles(S.publicVerify)
  async verify(@Payload() q: VerifyQuery) {
    const record = await this.verifyCertificate.execute(q.code);
    if (!record) throw AppError.notFound('CERTIFICATE_NOT_FOUND', 'this is not a valid OCOP certificate: no certificate has this code');
    return record;
  }

  @Handles(S.publicKeys)
  keys() {
    return this.signer.trustList();
  }

  @Handles(S.publicStatusList)
  async statusList(@Caller() call: RpcContext) {
    const revoked = await this.listRevokedCertificates.execute(null);
    const list = { iss: 'ocop/certification', iat: Math.floor(call.asOf.getTime() / 1000), revoked };
    return { ...list, jws: await this.signer.sign(list, 'ocop-status-list') };
  }
}
