/**
 * A public verification code: 10 characters of Crockford base32 (no I, L, O, U), about 50 bits from `random`. Printed
 * under a QR code for typing in by hand (an OCOP certificate, a training completion certificate).
 */
export function verificationCode(random: Buffer): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  let out = '';
  for (let i = 0; i < 10; i++) out += alphabet[(random[i] as number) % 32];
  return out;
}
