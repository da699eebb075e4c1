/** What the certificate, its decision and its public page print: tier names, signer lines, notes, the verification URL. */

const TIER_VI: Record<string, string> = { DISTRICT: 'cấp huyện', PROVINCE: 'cấp tỉnh', CENTRAL: 'cấp trung ương' };
export const tierVi = (tier: string): string => TIER_VI[tier] ?? tier;

/** The public verification URL printed as the QR code: the code plus the signature, so it can be checked offline. */
export const verifyUrl = (base: string, code: string, signature: string | null): string =>
  `${base}/verify/${code}${signature ? `?s=${signature}` : ''}`;

/** What the decision, the certificate and the public page say about a result scored against provisional criteria. */
export const PROVISIONAL_NOTE_VI =
  'Kết quả đánh giá theo bộ tiêu chí tạm thời (điểm chi tiết Phụ lục III Quyết định 148/QĐ-TTg chưa được hoàn thiện); ' +
  'giấy chứng nhận được cấp theo cho phép của cơ quan vận hành.';

export const signerLines = (tier: string): string[] =>
  tier === 'CENTRAL' ? ['KT. BỘ TRƯỞNG', 'THỨ TRƯỞNG'] : ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'];
