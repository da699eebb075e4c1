export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

export { verificationCode } from '@ocop/domain';
