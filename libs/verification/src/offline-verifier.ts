import { compactVerify, createLocalJWKSet, type JSONWebKeySet } from 'jose';

export const SIGNATURE_ALG = 'EdDSA';

/** What a certificate's signature covers (short names keep the QR code small). Dates are Vietnam calendar days. */
export interface CertificateClaims {
  v: 1;
  /** Certificate number. */
  n: string;
  /** Verification code. */
  c: string;
  /** Product name. */
  p: string;
  /** Producer name. */
  h: string;
  /** Stars. */
  s: number;
  /** Valid from / to, YYYY-MM-DD. */
  f: string;
  t: string;
  /** Issuing authority's unit code and decision reference. */
  a: string;
  d: string;
}

export type OfflineVerification =
  | { ok: true; kid: string; code: string; claims: CertificateClaims }
  | { ok: false; reason: 'NOT_AN_OCOP_QR' | 'SIGNATURE_INVALID' | 'UNKNOWN_KEY' | 'CODE_MISMATCH' };

/**
 * Runs in Node (certification, tests) and in the browser (the console's scanner): jose on WebCrypto's Ed25519.
 *
 * What a verifier app does without the network: read the QR text (…/verify/{code}?s={jws}), check the JWS
 * against the issuer keys it downloaded earlier (the trust list), and show the signed fields. Status
 * (revoked?) needs the status list or the live page; authenticity does not.
 */
export async function verifyCertificateQr(qrText: string, trustList: JSONWebKeySet): Promise<OfflineVerification> {
  let url: URL;
  try {
    url = new URL(qrText);
  } catch {
    return { ok: false, reason: 'NOT_AN_OCOP_QR' };
  }
  const match = /\/verify\/([A-Za-z0-9]+)$/.exec(url.pathname);
  const jws = url.searchParams.get('s');
  if (!match || !jws) return { ok: false, reason: 'NOT_AN_OCOP_QR' };
  try {
    const { payload, protectedHeader } = await compactVerify(jws, createLocalJWKSet(trustList), { algorithms: [SIGNATURE_ALG] });
    const claims = JSON.parse(new TextDecoder().decode(payload)) as CertificateClaims;
    if (claims.c !== match[1]) return { ok: false, reason: 'CODE_MISMATCH' };
    return { ok: true, kid: protectedHeader.kid as string, code: match[1] as string, claims };
  } catch (err) {
    const code = (err as { code?: string }).code;
    return { ok: false, reason: code === 'ERR_JWKS_NO_MATCHING_KEY' ? 'UNKNOWN_KEY' : 'SIGNATURE_INVALID' };
  }
}
