import { Logger } from '@nestjs/common';
import { stableEventId, type AgencyClient } from '@ocop/agency-sdk';
import { loadIndustryTradeAgencyConfig } from '../../config/industry-trade-agency.config';
import { ProblemError } from '../../http/problem';
import type { MarketSurveillanceReportDto } from '../market-surveillance-report.dto';
import {
  FUTURE_TOLERANCE_MS,
  MARKET_SURVEILLANCE_REPORTED,
  ReportMarketSurveillanceUseCase,
  decideMarketSurveillanceReport,
} from './report-market-surveillance.use-case';

const NOW = new Date('2026-03-02T03:00:00.000Z');
const CERTIFICATE_ID = '1b4e28ba-2fa1-4d2b-883f-0016d3cca427';

const report = (over: Partial<MarketSurveillanceReportDto> = {}): MarketSurveillanceReportDto => ({
  reportId: '125/BB-QLTT',
  certificateCode: '7K3M9Q2XHP',
  details: 'Đội Quản lý thị trường số 3 phát hiện sản phẩm bày bán có nhãn OCOP 4 sao nhưng hạn sử dụng đã hết.',
  reportedAt: '2026-03-01T09:30:00+07:00',
  ...over,
});

function useCase(env: NodeJS.ProcessEnv = {}) {
  const publish = jest.fn().mockResolvedValue({ seq: 7, stream: 'OCOP_EVENTS', duplicate: false, envelope: {} });
  const client = { publish, eventId: (key: string) => stableEventId('SCT', key), agencyCode: 'SCT' } as unknown as AgencyClient;
  return { publish, useCase: new ReportMarketSurveillanceUseCase(loadIndustryTradeAgencyConfig({ LOG_LEVEL: 'silent', ...env }), client) };
}

beforeAll(() => Logger.overrideLogger(false));

describe('decideMarketSurveillanceReport', () => {
  it('publishes the report on the certificate named by its code, found when the officer says, as a UTC instant', () => {
    expect(decideMarketSurveillanceReport(report(), NOW, 'development')).toEqual({
      publish: true,
      data: {
        reportId: '125/BB-QLTT',
        certificateCode: '7K3M9Q2XHP',
        details: report().details,
        reportedAt: '2026-03-01T02:30:00.000Z',
      },
      time: '2026-03-01T02:30:00.000Z',
      subject: '7K3M9Q2XHP',
    });
  });

  it('names the certificate by its id when that is what was given, and never the agency (the subject says it)', () => {
    const d = decideMarketSurveillanceReport(report({ certificateCode: undefined, certificateId: CERTIFICATE_ID }), NOW, 'development');
    expect(d).toMatchObject({ publish: true, subject: CERTIFICATE_ID });
    if (!d.publish) throw new Error('refused');
    expect(d.data).toEqual({ reportId: '125/BB-QLTT', certificateId: CERTIFICATE_ID, details: report().details, reportedAt: d.time });
    expect(d.data).not.toHaveProperty('agencyCode');
  });

  it('dates a report without reportedAt when it is filed', () => {
    expect(decideMarketSurveillanceReport(report({ reportedAt: undefined }), NOW, 'production')).toMatchObject({
      publish: true,
      time: NOW.toISOString(),
      data: { reportedAt: NOW.toISOString() },
    });
  });

  it('refuses a report dated in the future in production (beyond the clock tolerance)', () => {
    const later = new Date(NOW.getTime() + FUTURE_TOLERANCE_MS + 1_000).toISOString();
    const d = decideMarketSurveillanceReport(report({ reportedAt: later }), NOW, 'production');
    expect(d).toMatchObject({ publish: false });
    if (d.publish) throw new Error('published');
    expect(d.refusal).toMatchObject({ status: 422, code: 'REPORTED_IN_FUTURE', field: 'reportedAt' });
    const within = new Date(NOW.getTime() + FUTURE_TOLERANCE_MS - 1_000).toISOString();
    expect(decideMarketSurveillanceReport(report({ reportedAt: within }), NOW, 'production')).toMatchObject({ publish: true });
  });

  it('takes a future date outside production, where the platform may be driven through time', () => {
    expect(decideMarketSurveillanceReport(report({ reportedAt: '2027-01-01T00:00:00Z' }), NOW, 'test')).toMatchObject({
      publish: true,
      time: '2027-01-01T00:00:00.000Z',
    });
  });
});

describe('ReportMarketSurveillanceUseCase', () => {
  it('publishes agency.market-surveillance-reported.v1 with an id derived from the report id', async () => {
    const { publish, useCase: u } = useCase();
    const filed = await u.execute(report(), NOW);
    const id = stableEventId('SCT', '125/BB-QLTT');
    expect(filed).toEqual({ reportId: '125/BB-QLTT', eventId: id, duplicate: false });
    expect(publish).toHaveBeenCalledTimes(1);
    expect(publish).toHaveBeenCalledWith(
      MARKET_SURVEILLANCE_REPORTED,
      { reportId: '125/BB-QLTT', certificateCode: '7K3M9Q2XHP', details: report().details, reportedAt: '2026-03-01T02:30:00.000Z' },
      { id, time: '2026-03-01T02:30:00.000Z', subject: '7K3M9Q2XHP' },
    );
  });

  it('says so when the same report was filed before', async () => {
    const { publish, useCase: u } = useCase();
    publish.mockResolvedValue({ seq: 7, stream: 'OCOP_EVENTS', duplicate: true, envelope: {} });
    expect(await u.execute(report(), NOW)).toMatchObject({ eventId: stableEventId('SCT', '125/BB-QLTT'), duplicate: true });
  });

  it('gives two reports two ids', async () => {
    const { publish, useCase: u } = useCase();
    await u.execute(report(), NOW);
    await u.execute(report({ reportId: '126/BB-QLTT' }), NOW);
    const [a, b] = publish.mock.calls.map((c) => (c[2] as { id: string }).id);
    expect(a).not.toBe(b);
  });

  it('publishes nothing for a refused report', async () => {
    const { publish, useCase: u } = useCase({ OCOP_MODE: 'production', NATS_CREDS_FILE: '/run/secrets/sct.creds' });
    await expect(u.execute(report({ reportedAt: '2027-01-01T00:00:00Z' }), NOW)).rejects.toMatchObject({ code: 'REPORTED_IN_FUTURE' });
    expect(publish).not.toHaveBeenCalled();
  });

  it('answers 503 BUS_UNAVAILABLE when the bus did not take it', async () => {
    const { publish, useCase: u } = useCase();
    publish.mockRejectedValue(new Error('no responders'));
    const err = await u.execute(report(), NOW).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProblemError);
    expect(err).toMatchObject({ status: 503, code: 'BUS_UNAVAILABLE' });
  });
});
