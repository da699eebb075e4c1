export { SIGNATURE_ALG, verifyCertificateQr } from './offline-verifier';
export type { CertificateClaims, OfflineVerification } from './offline-verifier';
