import { IsOptional, IsString, IsUUID, Length, Matches, ValidateBy, ValidateIf } from 'class-validator';

/** The reference of a report as the department numbers it (`125/BB-QLTT`, `QLTT-TH-2026-0042`). */
export const REPORT_ID_RULE = /^[\p{L}\p{N}][\p{L}\p{N}/._-]{0,99}$/u;
/** A certificate's public verification code, printed on the package (10 characters of Crockford base32). */
export const CERTIFICATE_CODE_RULE = /^[0-9A-Z]{10}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 instant with its offset on a real calendar day (`2026-03-02T08:00:00+07:00`, `…Z`). */
export function isInstant(v: unknown): v is string {
  if (typeof v !== 'string' || !INSTANT.test(v) || Number.isNaN(Date.parse(v))) return false;
  // Date.parse rolls 30 February over to 2 March: the calendar day must be the one written.
  const [y, m, d] = v.slice(0, 10).split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

const IsInstant = (): PropertyDecorator =>
  ValidateBy({
    name: 'isInstant',
    validator: {
      validate: (v) => isInstant(v),
      defaultMessage: () =>
        'reportedAt must be an ISO 8601 instant with its offset on a real calendar day (e.g. 2026-03-02T08:00:00+07:00)',
    },
  });

/**
 * A market-surveillance officer's report (Quản lý thị trường) about an OCOP product, as the department files it:
 * the certificate by its verification code or its id (one of them), what was found, and when.
 */
export class MarketSurveillanceReportDto {
  @IsString()
  @Matches(REPORT_ID_RULE, { message: 'reportId must be 1–100 letters, digits, /, ., _ or -, starting with a letter or digit' })
  reportId: string;

  /** Required unless certificateId is given. */
  @ValidateIf((o: MarketSurveillanceReportDto) => o.certificateCode !== undefined || o.certificateId === undefined)
  @ValidateBy({
    name: 'certificateCode',
    validator: {
      validate: (v) => typeof v === 'string' && CERTIFICATE_CODE_RULE.test(v),
      defaultMessage: (args) =>
        args?.value === undefined
          ? 'certificateCode or certificateId is required'
          : "certificateCode must be the certificate's 10-character verification code",
    },
  })
  certificateCode?: string;

  @IsOptional()
  @IsUUID(undefined, { message: 'certificateId must be a UUID' })
  @ValidateBy({
    name: 'oneCertificate',
    validator: {
      validate: (_v, args) => (args?.object as MarketSurveillanceReportDto).certificateCode === undefined,
      defaultMessage: () => 'give certificateCode or certificateId, not both',
    },
  })
  certificateId?: string;

  @IsString()
  @Length(3, 10_000, { message: 'details must be 3 to 10000 characters' })
  @Matches(/\S/, { message: 'details must not be blank' })
  details: string;

  /** When the officers found it; default: when the report is filed. */
  @IsOptional()
  @IsInstant()
  reportedAt?: string;
}
