import { validationPipe } from '../http/validation.pipe';
import { ProblemError } from '../http/problem';
import { MarketSurveillanceReportDto, isInstant } from './market-surveillance-report.dto';

const pipe = validationPipe();
const validate = (body: unknown) => pipe.transform(body, { type: 'body', metatype: MarketSurveillanceReportDto });

const valid = {
  reportId: 'QLTT-TH-2026/0042',
  certificateCode: '7K3M9Q2XHP',
  details: 'Sản phẩm bày bán không có tem truy xuất nguồn gốc.',
};

async function refusal(body: unknown): Promise<{ code: string; field?: string; message: string }> {
  const err = await validate(body).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof ProblemError)) throw new Error(`expected a ProblemError, got ${String(err)}`);
  expect(err.status).toBe(400);
  return { code: err.code, field: err.field, message: err.message };
}

describe('MarketSurveillanceReportDto', () => {
  it.each([
    ['by code', valid],
    ['by id', { ...valid, certificateCode: undefined, certificateId: '1b4e28ba-2fa1-4d2b-883f-0016d3cca427' }],
    ['dated', { ...valid, reportedAt: '2026-03-01T09:30:00+07:00' }],
    ['with a Vietnamese reference', { ...valid, reportId: '12/QĐ-XPHC' }],
  ])('takes a report %s', async (_what, body) => {
    expect(await validate(body)).toBeInstanceOf(MarketSurveillanceReportDto);
  });

  it.each([
    [{ ...valid, reportId: undefined }, 'reportId'],
    [{ ...valid, reportId: '' }, 'reportId'],
    [{ ...valid, reportId: 'a b' }, 'reportId'],
    [{ ...valid, reportId: 42 }, 'reportId'],
    [{ ...valid, reportId: 'x'.repeat(101) }, 'reportId'],
    [{ ...valid, certificateCode: undefined }, 'certificateCode'],
    [{ ...valid, certificateCode: '7k3m9q2xhp' }, 'certificateCode'],
    [{ ...valid, certificateCode: undefined, certificateId: 'not-a-uuid' }, 'certificateId'],
    [{ ...valid, certificateId: '1b4e28ba-2fa1-4d2b-883f-0016d3cca427' }, 'certificateId'],
    [{ ...valid, details: undefined }, 'details'],
    [{ ...valid, details: '   ' }, 'details'],
    [{ ...valid, details: 'x'.repeat(10_001) }, 'details'],
    [{ ...valid, reportedAt: '2026-03-01' }, 'reportedAt'],
    [{ ...valid, reportedAt: '2026-02-30T09:30:00+07:00' }, 'reportedAt'],
    [{ ...valid, reportedAt: 1772323200000 }, 'reportedAt'],
    [{ ...valid, agencyCode: 'SYT' }, 'agencyCode'],
  ])('refuses %j naming %s', async (body, field) => {
    expect(await refusal(body)).toMatchObject({ code: 'VALIDATION_FAILED', field });
  });

  it('says what is missing when neither certificate field is given', async () => {
    expect(await refusal({ ...valid, certificateCode: undefined })).toMatchObject({
      message: 'certificateCode or certificateId is required',
    });
  });

  it('refuses two ways of naming the certificate', async () => {
    expect(await refusal({ ...valid, certificateId: '1b4e28ba-2fa1-4d2b-883f-0016d3cca427' })).toMatchObject({
      message: 'give certificateCode or certificateId, not both',
    });
  });

  it('refuses a body that is not an object', async () => {
    expect((await refusal(undefined)).code).toBe('VALIDATION_FAILED');
    expect((await refusal([valid])).code).toBe('VALIDATION_FAILED');
    expect((await refusal('report')).code).toBe('VALIDATION_FAILED');
  });
});

describe('isInstant', () => {
  it.each(['2026-03-01T09:30:00+07:00', '2026-03-01T02:30:00.000Z', '2024-02-29T00:00Z'])('takes %s', (v) => {
    expect(isInstant(v)).toBe(true);
  });
  it.each(['2026-03-01', '2026-03-01T09:30:00', '2026-02-29T00:00:00Z', '2026-13-01T00:00:00Z', 'yesterday', 5])('refuses %j', (v) => {
    expect(isInstant(v)).toBe(false);
  });
});
